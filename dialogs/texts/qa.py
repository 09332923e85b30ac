"""Text of the question-and-answer turn (dialogs/qa/): answers, the likeliest answer, suggestions,
declines, small talk, places not covered, comparisons, multi-part questions, verdicts on a
situation and method questions."""

from dialogs.texts.qa_docs import (  # noqa: F401  (re-exported: T.DOC_PERIOD …)
    CITED_ASK,
    CITED_BY,
    CITED_ISSUED,
    CITED_NAME,
    CITED_NOT_REPLACED,
    CITED_NUMBER,
    CITED_OPEN,
    CITED_OVER,
    CITED_SPAN,
    CITED_TEXT,
    DOC_ASK_LATER,
    DOC_BY_POINT,
    DOC_CHANGED,
    DOC_IN_FORCE,
    DOC_INFERRED,
    DOC_ISSUED,
    DOC_ISSUED_YEAR,
    DOC_JOIN,
    DOC_LATER_REPORTED,
    DOC_LATEST_ENDED,
    DOC_NOT_REPEALED,
    DOC_NOT_RESTATED,
    DOC_OPEN,
    DOC_PAST,
    DOC_PERIOD,
    DOC_SPAN,
    DOC_SPAN_OPEN,
    DOC_STILL,
    DOC_YEAR_FROM_NUMBER,
    DOC_YEAR_FROM_TASKS,
    DOC_YEARS,
    IN_FORCE_HEADER,
    IN_FORCE_RELATED,
    IN_FORCE_WHICH,
    PAST_YEAR_FIGURES,
    PAST_YEAR_ONE,
    PAST_YEARS_UP_TO,
    PREMISE_ONE_OF,
    PREMISE_RIGHT,
    PREMISE_WRONG,
    TERM_ASK,
    TERM_NOT_EXPLAINED,
    TERM_SENTENCE,
    TERM_USED_HERE,
)
from dialogs.texts.qa_situation import (  # noqa: F401  (re-exported: T.SITUATION_CHECK …)
    BOUND_COMPARE,
    BOUND_DEPENDS,
    BOUND_MET,
    BOUND_NOT_MET,
    BOUND_SAID,
    MORE_UNKNOWN,
    SAVED_NO,
    SAVED_VALUE,
    SAVED_YES,
    SITUATION_BESIDE,
    SITUATION_CHECK,
    SITUATION_CHECK_BUTTON,
    SITUATION_CHECK_FACTS,
    SITUATION_COMPARED,
    SITUATION_DEPENDS,
    SITUATION_DEPENDS_DERIVED,
    SITUATION_DEPENDS_LINE,
    SITUATION_DEPENDS_STATUS,
    SITUATION_DISCLAIMER,
    SITUATION_LATER_ASKED,
    SITUATION_NO_REGION,
    SITUATION_NOT_TAKEN,
    SITUATION_RANGE_CHECK,
    SITUATION_RANGE_SIDE,
    SITUATION_RANGE_SIDE_DERIVED,
    SITUATION_SAVED,
    SITUATION_SOURCES,
    SITUATION_UNKNOWN,
    SITUATION_VIA_BASIC_STANDARD,
    SITUATION_VIA_UNDECIDED,
    STILL_OPEN_HEADER,
    STILL_OPEN_NEXT,
    STILL_OPEN_UNKNOWN,
)

SECONDARY_NOTE = "⚠️ 报道出处：{provenance}。"  # the answer itself ends with "以正式文件为准"

LIKELY_HEADER = "💡 我理解您问的是“{question}”。最可能的答案（不完全确定）："
LIKELY_OTHERS = "如果不是您想问的，请点选下面的问题，或换个说法再问："

DID_YOU_MEAN = "我不太确定您想问的是哪一个。您是不是想问（点选一个查看答案，或换个说法再问）："

# The best-matching entry does not give what was asked (a fee, a date): said, then the related entries.
NOT_GIVEN = (
    "收录的文件里我没有找到{what}，不想猜测。与您的问题相关的规定在下面（点选查看），"
    "具体请咨询所在区县卫生健康行政部门："
)
ATTRIBUTE_NAMES = {
    # what the question names precisely (question_cues.yaml `heads`) when no entry names it
    "head:public-health-staff": "公共卫生人员的配备比例",
    "head:per-population": "按常住人口计算的配置标准（每万人多少）",
    "head:first-name": "关于第一名称的规定",
    "head:issue-date": "这份文件的印发日期",
    "head:conditions": "申报条件",
    "head:township": "关于乡镇卫生院的规定",
    "money": "费用或金额",
    "time": "具体时间",
    "count": "具体数量",
    "ratio": "具体比例",
    "area": "面积要求",
    "who": "负责的部门",
    "contact": "联系方式",
    "materials": "材料清单",
    "method": "计算方法",
}
DECLINE = (
    "抱歉，这个问题我的资料库里没有答案，我不想猜测。\n"
    "我能回答的是申报社区医院的问题：申报条件（床位、床位使用率、业务用房面积、人员、特色科室、满意度等）、"
    "申报流程和步骤、各环节的截止日期、要提交的材料和表格、各级卫生健康部门的职责和联系方式。"
    "资料来自国家文件以及吉林省、重庆市渝中区、北京市的方案。\n"
    "您的具体情况，请咨询所在区县卫生健康行政部门（基层卫生科）。"
)
# A decline naming a matter another office handles: whom to ask (question_cues.yaml `referrals`: which words).
REFERRAL = {
    "insurance": "医保报销、医保定点、医保支付等问题，请咨询当地医疗保障部门（医保局）。",
    "price": "收费和价格标准，请咨询当地医疗保障部门（医保局）和价格主管部门。",
    "staffing": "机构编制的核定，请咨询当地机构编制部门和卫生健康行政部门。",
    "title": "职称评审，请咨询当地人力资源和社会保障部门。",
    "exam": "各类考试的报名时间和要求，请看考试机构发布的通知（如中国卫生人才网、当地人事考试机构）。",
    "dispute": "医疗纠纷的调解和赔偿，请咨询当地医疗纠纷人民调解委员会、卫生健康行政部门或法律专业人士。",
    "drugs": "药品采购和配备，请咨询当地医疗保障部门和卫生健康行政部门（药政）。",
    "license": "执业许可证的办理和收费，请咨询发证的卫生健康行政部门。",
    "pay": "工资、绩效工资和待遇，由单位按当地人力资源社会保障部门和财政部门的政策核定，请向它们咨询。",
    "food": "食堂承包、餐饮经营的许可，请咨询当地市场监督管理部门。",
    "expense": "单位自己的费用报销（维修、采购、差旅等），按本单位的财务制度办理，请问本单位财务部门。",
}

REGION_DIFFERS = "这个问题各地规定不同。您还没有选择地区，下面分地区列出："
REGION_DIFFERS_HINT = "用 /region 选择地区后，我只显示本地区的答案。"
REGION_DIFFERS_MISSING = "{names}：这个问题我没有在这些地区的文件里找到答案，选好地区后可以再问。"
# …when a national answer is listed: it is what those regions get (newcomer trial 8, N11)
REGION_DIFFERS_AS_NATIONAL = "{names}：这些地区的文件没有另写，适用上面【{national}】的回答。"
REGION_HEADER = "【{name}】"
NO_REGION = "各地"
REGION_SEPARATOR = "、"
ANSWER_FOR_REGION = "（按{name}的文件回答）"

# Small talk: a short friendly reply, then what the assistant can do.
SMALLTALK = {
    "greeting": "您好！",
    # 早上好，今天又来麻烦你了 / 又来打扰了: a courtesy on arriving is welcomed, never declined (s10b115)
    "arrival": "您好！不麻烦，欢迎随时来问。",
    "thanks": "不客气，能帮上忙就好！",
    "bye": "好的，再见！有问题随时来问。",
    # never taken for an office (sealed set 9, s9b114: 是卫健委的人吗): says whose word is official
    "who_are_you": "我是社区医院申报助手，一个自动回答的程序（不是真人），不是卫健委或其他政府部门的工作人员，"
    "回答不代表官方意见；正式的答复请以当地卫生健康行政部门为准。",
    "introduction": "您好，欢迎！我是社区医院申报助手，一个自动回答的程序（不是真人）。",
    "fee": "不收费：这个助手免费使用，回答问题、自评（/check）和提醒都不要钱。",
    # 是 / 不清楚 / 跳过 typed with no question waiting (a double send after /check's result, N8)
    "stray_answer": "现在没有等着回答的题目（自评做完的话，结果在上面的消息里；输入 /check 可以重新自评）。",
}
CAN_DO = (
    "我可以：\n"
    "· 回答申报社区医院的问题（条件、流程、材料、截止日期），每条答案注明文件和条款；\n"
    "· 用 /check 逐项自评是否符合本地区的条件；\n"
    "· 用 /stage、/status 跟踪申报进度，在截止日期前提醒您。\n"
    "资料来自国家文件以及吉林省、重庆市渝中区、北京市的方案。直接输入问题即可，例如“床位要多少张”。"
)
CAN_DO_SHORT = "还有问题可以直接问我，例如“申报要交哪些材料”。"

# A place whose documents are not loaded.
NOT_COVERED = "我没有收录{places}的社区医院文件，不能告诉您{places}的具体规定。"
COVERED_LIST = "我只收录了国家文件以及吉林省、重庆市渝中区、北京市的方案。"
PARTIAL = "{places}我只收录了{region}的方案，下面是{region}的规定，其他区县不一定相同："
ONLY_APPLIES = "{regions}的方案只适用于{regions}，不能套用到{places}。"
PAST_CALENDAR = "方案里写的日期是当年的安排，已经过去："
NATIONAL_FOR_REFERENCE = "国家文件的规定（各地都适用，可作参考）："
NATIONAL_REPORTED_FOR_REFERENCE = "国家层面的标准（据新闻报道，可作参考）："
# Asked for explicitly ("想参考下重庆渝中的做法"): that region's answer, marked (newcomer trial 3, F24).
OTHER_FOR_REFERENCE = "您要参考的{region}的做法（只适用于{region}，仅供参考，不适用于{places}）："
# A district of a province covered only in part (重庆渝北区): what is known of the province's own plan.
PROVINCE_PLAN = "{places}属于{province}。{province}本级的方案（我收录的{region}方案据以制定）："
REPORTED_EXAMPLE = "助手收录了关于{places}的新闻报道（外地例子，只作参考，不适用于其他地区）："  # 泉州, 海南州
NATIONAL_NONE = "国家文件里我没有找到这个问题的答案。"
ASK_LOCAL = "{places}的具体要求，请咨询当地卫生健康行政部门（如{office}）。"
LOCAL_OFFICE = "{place}卫生健康委"
PLACE_SEPARATOR = "、"

FACT_SEPARATOR = "、"

# Multi-part questions.
PARTS_HEADER = "您的问题有 {n} 问，分别回答："
PART_HEADER = "{marks} {part}"
PART_MARKS = "①②③④⑤⑥⑦⑧⑨"
PART_UNANSWERED = "这一问资料库里没有找到答案，可以单独换个说法再问。"
PART_UNANSWERED_SUGGEST = "这一问资料库里没有找到确切的答案；您是不是想问下面按钮里的问题？也可以单独换个说法再问。"
PART_SAME = "（同上一条答案）"
PART_SAME_AS = "（答案同第{mark}问）"
PART_OFFERED = "没有答上的那一问，您是不是想问下面这些？点选一个查看答案，或换个说法再问："

# A situation described in the question: each stated criterion, what is unknown, /check.
SITUATION_HEADER = "按{title}（{region}），就您说到的情况："
SITUATION_FAILED = "❌ 结论：目前不符合，{n} 项条件未达到：{titles}。"
# The plan names no exception and nobody who decides one (audit R7): say so, as /check does.
SITUATION_WARNED = (
    "⚠️ 结论：有“原则上”要求的条件未达到（{titles}）。文件没有把它写成绝对条件，但也没有写明例外情形和由谁决定例外。"
)
SITUATION_UNREAD = "⚠️ 您说到的{figures}，我没能对上具体是哪一项条件，上面的判断没有算它；可以用 /check 逐项填写。"
SITUATION_CHANGE = "⚠️ 您说到的{figures}是变化的数，不是现有的数，上面的判断没有算它；请说现在一共是多少。"
SITUATION_NOTHING_READ = (
    "您说到的{figures}，我没能把它读成哪一项条件的数（可能是单位对不上、数字里夹了字母或符号、"
    "不是整数，或说的是别的数量，比如占地面积、家庭病床），"
    "还不能判断是否符合条件。请用数字和单位再说一次，例如“床位40张”“业务用房建筑面积3000平方米”；"
    "也可以用 /check 逐项自评。"
)
# A figure of a named field that cannot be one (床位-5张, 使用率300%, 面积5亩: brk10) — why, rather than the
# list of possible reasons SITUATION_NOTHING_READ gives.
SITUATION_IMPOSSIBLE = {
    "negative": "{label}不能是负数（您说的是{figure}）。",
    "not_integer": "{label}应为整数（您说的是{figure}）。",
    "too_small": "{label}不会低于 {min}{unit}（您说的是{figure}），请核对。",
    "too_large": "{label}不会超过 {max}{unit}（您说的是{figure}），请核对。",
    "wrong_unit": "{label}按“{unit}”算，您说的{figure}用的是“{seen}”，请用“{unit}”再说一次。",
}
SITUATION_IMPOSSIBLE_AFTER = "所以还不能判断是否符合条件；也可以用 /check 逐项自评。"
SITUATION_IMPOSSIBLE_ASIDE = "⚠️ {why}上面的判断没有算它。"
SITUATION_DERIVED = "ℹ️ 按{past}、{changes}计，现为{now}，上面的判断按{now}算。"
SITUATION_LAST_YEAR = "ℹ️ {figures}是按年统计的数，上面按最近一整年的数判断；文件没有规定按哪一年算，以审核要求为准。"
SITUATION_PAST = "⚠️ 您说到的{figures}说的不是现在的数（比如去年的），上面的判断没有算它；请说现在是多少。"
SITUATION_PAST_ONLY = (
    "您说到的{figures}说的不是现在的数（比如去年的），还不能判断是否符合条件。请告诉我现在是多少，例如“现在床位40张”。"
)
SITUATION_CHANGE_ONLY = (
    "您说到的{figures}是变化的数（比以前多或少了多少），不是现有的数，还不能判断是否符合条件。"
    "请告诉我现在一共是多少，例如“现在床位40张”。"
)
SITUATION_PASSED = "✅ 您说到的条件都符合{aside}。"
SITUATION_PASSED_UNKNOWN = "✅ 您说到的条件都符合{aside}；但还有 {n} 项条件不知道，暂时不能下结论。"
# norms missed under a ✅ (主要依托社区卫生服务中心建设 for a 卫生院): said in the headline, not hidden below it
SITUATION_NORMS_MISSED = "（另有 {n} 项只作提示的要求未达到，不影响结论）"
# a figure below a reported figure of the basic standard (breaker B12/B17): ⚠️ with its provenance, never ✅
SITUATION_REPORTED_MISSED = (
    "⚠️ 结论：按新闻报道的《社区医院基本标准（试行）》数字，您说到的有 {n} 项未达到"
    "（报道转述，不是正式文件原文，请以正式文件为准）。"
)
SITUATION_REPORTED_MISSED_NOTE = "⚠️ 按报道的数字，您说到的有 {n} 项未达到（报道转述，请以正式文件为准）："
SITUATION_REPORTED_MISSED_PASSED = (
    "⚠️ 结论：待核实——决定结论的条件符合，但 {n} 项数字未达到新闻报道的《社区医院基本标准（试行）》数字"
    "（报道转述，请以正式文件为准）。"
)
SITUATION_UNDECIDED = "❔ 结论：还不能判断。{titles}是必须达到的条件，按您说到的情况还不能判断是否达到："
# Only criteria that do not decide alone were stated: what each kind is, by force (never "not a
# condition" for a news figure of a standard that must be met).
SITUATION_FORCE_NOTE = {
    "reported": "ℹ️ 下面标“新闻报道”的数字来自新闻报道，正式标准原文未收录，只作参考，不能单独据此下结论。",
    "norm": "ℹ️ 标“只作提示”的几项，文件没有把它写成申报条件，不单独决定能否申报。",
    "priority": "ℹ️ 优先条件只影响优先顺序，不影响能否申报。",
}
SITUATION_NEED_CAVEAT = "\n   （{why}）"
SITUATION_LINE = "{icon} {title}：{status}\n   {message}"
SITUATION_STATUS = {
    "unknown": "还不能判断",
    "pass": "符合",
    "fail": "不符合",
    "warning": "未达到（只作提示）",
    "not_met": "未达到（优先条件，不影响资格）",
}
# a ⚠️ by force: a 原则上 requirement, a reported figure (missed, not a side note: breaker B12/B17)
SITUATION_WARNING_BY_FORCE = {"principle": "未达到（“原则上”要求）", "reported": "未达到报道的要求"}
SITUATION_NEED = (
    "   按{denominator_label}{denominator}{denominator_unit}计，{numerator_label}至少要{need}{numerator_unit}"
)
SITUATION_HAVE = "，现有{have}{numerator_unit}，还差{gap}{numerator_unit}"
SITUATION_ENOUGH = "，现有{have}{numerator_unit}，已够"
BARE_FIGURE = (
    "您发来的是一个数字（{text}）。如果是自评的答案，请输入 /check 开始或继续自评，在题目下面回答；"
    "如果想问规定，请把问题写完整，例如“床位最少要多少张”。"
)


# A ratio rule worked out for the base the director states (dialogs/qa/needed.py).
NEEDED_COUNT = "按您说的{base}计算：{count}至少要{least}{unit}（{rule}，{source}）。"
# Two counts asked about against a share rule (dialogs/qa/share_enough.py): 5/20=25%，低于…，不达标；…
SHARE_VERDICT = "按您说的数：{part}/{whole}={share}%，{side}“{clause}”，{verdict}；{need}。"
SHARE_ABOVE = "不低于"
SHARE_BELOW = "低于"
SHARE_MET = "达标，够了"
SHARE_NOT_MET = "不达标，不够"
SHARE_LEAST = "{whole}{unit}至少要{n}{unit}"
SHARE_MOST = "{whole}{unit}最多{n}{unit}"
# An act asked to come before its condition (dialogs/qa/act_first.py), by the act of preconditions.yaml.
ACT_FIRST_NO = {
    "sign": "不能先挂牌：按文件，达到标准、通过评估（验收）之后才加挂社区医院牌子，没达到的不得加挂。依据如下：",
}

# Method questions (怎么算) whose texts give no method.
METHOD_NOT_GIVEN = "收录的文件里我没有找到“{term}”的计算方法（文件没有规定怎么算）。文件里与它有关的规定是："
PROGRESS_NOT_GIVEN = (
    "收录的正式文件只写了目标，没有完成情况的数字（实际建成多少、目标是否完成），我无法判断。进展请向当地卫生健康行政部门了解。"
    "文件写的目标是："
)
PROGRESS_REPORTED = "全国的进展，收录的新闻报道里有："
METHOD_THING_NOT_SAID = "文件也没有说“{thing}”算不算在内，请向当地卫生健康行政部门确认。"
MEANING_NOT_GIVEN = "收录的文件里我没有找到“{term}”的定义（文件没有解释它具体指什么）。文件里与它有关的规定是："

# An excerpt of a source text when no entry answers.
EXCERPT_HEADER = "我没有现成的答案。原文中最相关的一段是（原文摘录，请自行判断是否回答了您的问题）："
EXCERPT_LINE = "“{text}”"

# The short layout of a situation's verdict (dialogs/qa/situation_lines.py): one line per criterion, the
# rest behind the 详细说明 button (dialogs/qa/details.py).
SITUATION_FAILED_SHORT = "❌ 结论：目前不符合，{n} 项条件未达到。"
SITUATION_DEPENDS_SHORT = "❔ 结论：要看准确数字——{titles}：您说的是大概的数，跨在要求的上下。"
SITUATION_WARNED_SHORT = "⚠️ 结论：有“原则上”要求的条件未达到；文件没有写明例外情形和由谁决定例外。"
SITUATION_UNDECIDED_SHORT = "❔ 结论：还不能判断，必须达到的条件还要看下面的数。"
SITUATION_FORCE_NOTE_SHORT = {
    "reported": "ℹ️ 标“新闻报道”的数字来自新闻报道，只作参考，不能单独据此下结论。",
    "norm": "ℹ️ 标“只作提示”的不是申报条件，不单独决定能否申报。",
    "priority": "ℹ️ 优先条件只影响优先顺序，不影响能否申报。",
}
SITUATION_LINE_SHORT = "{icon} {title}：{status}（{detail}）"
SITUATION_LINE_BARE = "{icon} {title}：{status}"
SHORT_VALUE = "现为{value}{unit}"
SHORT_GAP = "，还差{gap}{unit}"
SHORT_OVER = "，超出{gap}{unit}"
SHORT_POINTS = "个百分点"
SHORT_RANGE = "您说{said}，按{low}到{high}{unit}算"
SHORT_RANGES = "按您说的{said}算"
SHORT_RANGE_DEPENDS = "，跨在要求的上下"
SHORT_RANGE_SIDE = "，整个范围都{side}"
SITUATION_UNKNOWN_SHORT = "❔ 还不知道：{titles}"
SITUATION_UNKNOWN_MANY = "❔ 还有 {n} 项条件不知道（{titles}等）"
TITLE_LABEL_END = "："  # 第1项：等级评审… : the label before it names the item
TITLE_GLOSS_START, BOOK_START = "（", "《"  # 社区甲级（乡镇乙级以上）: a gloss a short name leaves out
BOOK_END = "》"
SITUATION_PASSED_UNKNOWN_SHORT = "✅ 您说到的条件都符合{aside}；还有条件不知道，暂时不能下结论。"
SHORT_SOURCE = "📄 出处：{name} {sections}"
SHORT_TITLE = "《{document}》"
SECTION_SEPARATOR = "、"
SHORT_NEED_CAVEAT = "\n   （报道用语的中文原文尚未确认，算法见“详细说明”）"
SHORT_NOTE_MORE = "（详见“详细说明”）"
SITUATION_DETAILS_HINT = "每项的说明：点“详细说明”或回复“详细”。"
SITUATION_DETAILS_BUTTON = "📖 详细说明"
DETAILS_WORDS = "详细说明"  # the button's label typed: read as these words (dialogs/stale_labels.py)
# The sources under an answer that says the texts lack the rule asked: related text, no such rule (N21).
SOURCE_RELATED = "📄 相关原文（没有直接规定这一点）：{citation}"
