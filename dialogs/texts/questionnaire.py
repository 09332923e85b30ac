"""Text of the eligibility questionnaire (/check) and of its result.

The questions themselves are policy content and live in knowledge/data/fields.yaml; the criterion
messages live in the rule sets (knowledge/data/rules/)."""

# Starting, resuming
REGION_FIRST = "自评要按所在地区的条件进行，请先选择地区；选好后自评会自动开始。"
NO_RULES = "抱歉，{name}的申报条件还没有收录到本助手中，暂时无法自评。可以直接提问，或向所在区县卫生健康行政部门咨询。"
INTRO = (
    "开始按【{title}】自评，共 {n} 题，一次问一题。\n{items}"
    "· 不清楚的可以点“跳过/不清楚”，结果中会标为待补充；\n"
    "· 点“上一步”可以修改上一题；点“为什么问这个”可以看依据；\n"
    "· 中途可以直接提问，也可以输入 /cancel 退出，已填的答案会保存，下次可以沿用。"
)
# /check started from a question that stated some answers
PREFILLED = "开始按【{title}】自评。您在问题里说到的已经填好：{items}。下面只问其余的题，中途可以点“上一步”修改。"
PREFILLED_NONE = "开始按【{title}】自评。"
PREFILLED_CONFLICTS = "您在问题里说到的{items}与之前填的不同，问到这一题时请选用哪个。"
PREFILLED_ITEM = "{label} {value}"
PREFILLED_SEPARATOR = "；"
# /check typed after a question that stated figures: used only if the director says so (breaker B21)
LATEST_OFFER = (
    "您刚才的问题里说到：{items}。要把这些数填进自评吗？只是假设问问的话，请选“不用，逐题填写”，这些数不会记录。"
)
LATEST_USE = "📝 用这些数开始自评"
LATEST_PLAIN = "不用，逐题填写"
RESUME_OFFER = "您有一份没做完的自评（{title}，已答 {done}/{n} 题）。接着做，还是从头开始？"
RESUME_CONTINUE = "继续"
RESUME_RESTART = "重新开始"
RESUME_NOT_UNDERSTOOD = "请点选“继续”或“重新开始”。"
# Questions filled from a question are not asked: the jump in 第 i/n 题 is said (newcomer trial 8, N25).
SKIPPED_PREFILLED = "（{span}已按您说到的填好：{items}。要改可以点“上一步”。）"
SKIPPED_ONE = "第 {i} 题"
SKIPPED_SPAN = "第 {i}–{j} 题"
RESTARTED = "好的，从第一题重新开始。之前填过的答案会逐题提示，可以沿用或修改。"

# One question
PROGRESS = "（第 {i}/{n} 题）"
# The count changed with an answer (乡镇卫生院 brings a question of its own): said, not silently (N14).
TOTAL_MORE = "根据您刚才的回答，多了 {d} 道题，现在共 {n} 题。"
TOTAL_FEWER = "根据您刚才的回答，少了 {d} 道题，现在共 {n} 题。"
CURRENT_VALUE = "目前填的是：{value}"
NUMBER_HINT = "请直接输入数字{unit_hint}，例如 {example}。"
UNIT_HINT = "（单位：{unit}）"
PERCENT_EXAMPLE = "{value} 或 {value}%"
CHOICE_HINT = "请点选，或回复序号。"
BOOL_HINT = "请点选，或回复“是”“否”“不清楚”。"
REUSE_OFFER = "上次填的是 {value}，沿用吗？"
REUSE_OFFER_BOOL = "上次选的是“{value}”。这次请直接点选“是”“否”或“不清楚”，不变就点“沿用”。"
REUSE_BOOL_NOT_UNDERSTOOD = "没有看懂这个回答。请点选“是”“否”“不清楚”，或沿用上次的答案。"
REUSE_OFFER_CHOICE = "上次选的是“{value}”，沿用吗？"
CONFIRM_PERCENT = "您是指 {value}% 吗？"
CONFIRM_PLAUSIBLE = "{label}是 {value} 吗？这{side}一般的范围（{low}–{high}），请确认没有输错。"
BELOW_USUAL = "低于"
ABOVE_USUAL = "高于"
RETYPE_BUTTON = "否，重新输入"
RETYPE = "好的，请重新输入。"
# A share given as its two counts at the share's own question (编制40个，其中公卫8个, newcomer trial 6, N13).
SHARE_FROM_COUNTS = "按您给的人数（{words}）算出来是 {value}，按这个数记录；如不对，回复“上一步”修改。"
# A figure in another question's unit only (二百八十种 at 常住人口, newcomer trial 6, N34).
FIGURE_FOR_OTHER = "“{typed}”像是“{label}”的数，到那一题再填就好。"
FIGURE_AT_CLOSED = "您发来的是一个数字（{typed}），这一题不用填数字。"
# What FIGURE_AT_CLOSED replaces in a closed question's problem: it did read the text (trial 8, N28).
NOT_UNDERSTOOD_LEAD = "没有看懂这个回答。"
CONFIRM_UNCLEAR = (
    "“{typed}”不像是对“{value}”的确认，这里先不记录。请回复“是”确认，或“否”重新输入（也可以直接输入正确的数字）。"
)
CONFIRM_OFFERED = "您输入的是“{typed}”。是把{label}改为 {value}，还是沿用上次的 {previous}？"
CONFIRM_SMALL = "{label}是 {value} 吗？您只输入了一个数字“{typed}”，请确认它不是某个按钮的序号。"
CONFIRM_STATED = "您在问题里说{label}是 {value}，之前填的是 {previous}。改为 {value}，还是沿用 {previous}？"
TAKE_TYPED = "改为 {value}"
SAME_AGAIN = "您又输入了“{typed}”。请点选下面的按钮（或回复“是”“否”“沿用”“改为”），以免把数字当成答案记下。"
KEEP_PREVIOUS = "沿用 {value}"
RECORDED = "✔ 已记录：{label} {value}"
# A figure and a part of it asked about (十二个，其中两个是转岗培训的算不算; newcomer trial 7, N16).
FIGURE_PART_ASKED = (
    "先按您给的总数记录。“{part}”：这一题依据的原文见“为什么问这个”；原文没有写明的，以所在区县卫生健康行政部门"
    "（基层卫生科）的口径为准。如不该算，回复“上一步”修改。"
)
# Several figures typed at a number question, one named with the question's words (编制50张，实际开放30张)
OWN_AMONG_SEVERAL = "按您说的“{words}”记录。"
RECORDED_APPROX = "（按约数记录）"
APPROX_FIGURE = "{label} 约{value}"
VERDICT_ON_APPROX = "⚠️ 以上结论用到了按约数记录的数字：{figures}；准确数字可能改变结论，请核实后用 /check 修改。"

# Buttons
YES = "是"
NO = "否"
UNKNOWN = "不清楚"
SKIP = "跳过/不清楚"
BACK = "上一步"
WHY = "为什么问这个"
KEEP = "沿用"
EDIT = "修改"
REPORT = "生成自评报告"

# Values shown back to the director
VALUE_YES = "是"
VALUE_NO = "否"
VALUE_UNKNOWN = "不清楚"

# Answers we could not take
AT_FIRST = "已经是第一题了。"
MUST_ANSWER = "这一题需要回答，不能跳过。"
BOOL_NOT_UNDERSTOOD = "没有看懂这个回答。" + BOOL_HINT
# A statement naming several choices ("基本标准和推荐标准"), or hedging at a 是/否 question ("差不多吧").
CHOICE_WHICH = "您提到了{named}，请点选实际情况是哪一项。"
CHOICE_WHICH_JOIN = "、"
CHOICE_WHICH_ITEM = "“{label}”"
BOOL_UNCLEAR = "这个回答不够明确，无法确定是“是”还是“否”。" + BOOL_HINT
# A shortfall said at "是否已达到…" ("床位还差几张"): recorded as 否, and said so.
# A lower bound that decides every criterion it feeds ("九成以上" at ≥80 %): recorded as its figure (F16).
BOUND_TAKEN = "您说的是“{typed}”，已经达到要求，按 {value} 记录；如要填准确的数，回复“上一步”修改。"
# 以前有，去年收回来了 at a question about now (newcomer trial 6, N23).
PAST_NOT_NOW = "这一题问的是现在的情况：现在已经没有了，请点“否”；现在还有，请点“是”；不确定可以点“不清楚”。"
READ_AS_NO = "您说的是还没有完全达到，按“否”记录；如不对，回复“上一步”修改。"
READ_BELOW_BAR = "您说的等级是{0}，不在这一题问的“{1}”之内，按“否”记录（以鉴定结论为准）；如不对，回复“上一步”修改。"
CHOICE_NOT_UNDERSTOOD = "没有看懂这个回答。请点选下面的选项之一，或回复序号（1–{n}）。"
# At 上次选的是…，沿用吗: the buttons on screen are 沿用 and 修改 (N19).
REUSE_NOT_UNDERSTOOD = "没有看懂这个回答。请点选“沿用”或“修改”，也可以回复“是”（沿用）或“否”（修改）。"
PERCENT_AS_WHOLE = "好的，请按百分数输入，例如 75 表示 75%。"
# parse_quantity's reasons; {label} {unit} {example} {value} {min} {max} {seen} are filled in.
NUMBER_ERRORS = {
    "not_number": "抱歉，没有看懂这个回答。请输入{label}，一个数字{unit_hint}，例如 {example}。",
    "several": "抱歉，这里只需要一个数字。请只输入{label}，例如 {example}。",
    "range": "请填一个具体的数字，不要填范围。不确定的话可以填大概的数，例如“约{example}”。",
    "negative": "{label}不能是负数。请输入 0 或正数，例如 {example}。",
    "not_integer": "{label}应为整数，不能有小数。请输入整数，例如 {example}。",
    "too_small": "{label}不能小于 {min}{unit}。请核对后重新输入。",
    "too_large": "{label}不能超过 {max}{unit}，{value}{unit}不太可能。请核对后重新输入。",
    "bound": (
        "请填一个准确的数：“不到/超过{value}{unit}”这样的说法判断不了是否达到要求。"
        "不确定的话可以填大概的数，例如“约{example}”。"
    ),
    "wrong_unit": "这一题问的是{label}，单位是“{unit}”，您输入的单位是“{seen}”。请输入{label}，例如 {example}。",
}
WRONG_UNIT_NONE = "不带单位的数字"

# Why this question
WHY_HEADER = "为什么问“{label}”："
WHY_ITEM = "· {title}：{why}"
WHY_HELP = "填写说明：{help}"
# The 基本标准's figures as reported (newcomer trial 7, N18): its text is not loaded; news gives these.
WHY_REPORTED_HEAD = "该标准原文不在本助手的资料中；据新闻报道，它的主要数字是（非正式文件原文，只作自查参考）："
WHY_REPORTED_ITEM = "  · {title}"
WHY_NONE = "这一题用于自评报告，不直接影响结论。"
INDENT = "  "

# The result
VERDICT = {
    "eligible": "✅ 自评结论：符合（按您填写的信息，{title}中决定结论的条件都已达到）",
    "not_eligible": "❌ 自评结论：不符合（按{title}：{missed}）",
    # a 原则上 miss is not an outright fail (the texts leave room for exceptions): ⚠️, not ❌
    "conditional": "⚠️ 自评结论：有条件的不符合（按{title}：{missed}）",
    "reported_only": "❌ 自评结论：不符合，但只依据新闻报道的数字（{missed}）",
    "incomplete": "❔ 自评结论：信息不全（没有发现不符合的条件，但有 {unknown} 项还无法判断）",
    # the conditions pass on the director's answers, but typed figures miss the basic standard's
    # reported figures (breaker B12): never ✅ under a figure below a reported norm
    "reported_missed": (
        "⚠️ 自评结论：待核实（按您的回答，{title}中决定结论的条件都已达到，"
        "但您填的数字有 {n} 项未达到新闻报道的《社区医院基本标准（试行）》数字）"
    ),
}
# What a not_eligible verdict rests on, counted by force (norms never count: they do not decide).
MISSED = {
    "condition": "{n} 项必备条件未达到",
    "disqualifier": "存在 {n} 项否决情形",
    "principle": "{n} 项“原则上”要求未达到",
    "reported": "{n} 项新闻报道的数字未达到",
}
MISSED_SEPARATOR = "，"
REPORTED_ONLY_NOTE = "⚠️ {note}"
# The texts name no exception and no authority deciding one (audit R7): say so, and whom to ask.
CONDITIONAL = (
    "注：未达到的是“原则上”要求的条件（标 ⚠️）。文件没有把它写成绝对条件，但也没有写明例外情形和由谁决定例外，"
    "请向{ask}确认。"
)
ASK_DEFAULT = "主管的卫生健康行政部门"
CAUTIONS = "另有 {n} 项只作提示的要求未达到（标 ⚠️，不影响结论），见下文。"
# 是 to the 基本标准 where no figure of it is asked (北京, 渝中): its reported figures, to check (trial 8, N24).
BASIC_STANDARD_UNCHECKED = (
    "⚠️ 待核实：“达到《社区医院基本标准（试行）》”是您自评的；据新闻报道，该标准要求{figures}"
    "（非正式文件原文），请逐项对照核实。"
)
BASIC_STANDARD_CLASH = (
    "⚠️ 请核对：您回答资源配置已达到《社区医院基本标准（试行）》，但您填的数字没有达到报道的基本标准数字（{titles}）。"
    "基本标准原文未收录，请对照正式文件确认这一题的回答。"
)
# One header per force: its name and what it does to the verdict (knowledge/texts.py FORCE, FORCE_EFFECT).
SECTION = "【{force}】（{effect}）"
SECTION_NOTES = "【说明】"
NOTE_ITEM = "· {note}"
CRITERION_LINE = "{icon} {title}\n   {message}"
GAP_PERCENT = "{label}还差 {gap} 个百分点"
GAP_UNIT = "{label}还差 {gap}{unit}"
ICONS = {"pass": "✅", "fail": "❌", "unknown": "❔", "warning": "⚠️", "not_met": "➖"}
# A missed norm on the institution's type (dialogs/type_notes.py): a note, never "未达到" (trial 8, N23).
TYPE_ICON = "ℹ️"
TYPE_STATUS = "方案不排除{value}"
TYPE_STATUS_UNNAMED = "方案不排除其他机构"
SUMMARY_TYPE_LINE = "ℹ️ {title}：{status}"
DISQUALIFIER_APPLIES = "   存在这一情形，按规定不能通过，其他条件都符合也不行。"
RESULT_INDENT = "   "
DISCLAIMER = "本结论只根据您填写的信息和本助手收录的文件得出，供自查参考，以卫生健康行政部门的审核为准。"

# What next
NEXT_HEADER = "【下一步】"
NEXT = {
    "eligible": "可以着手准备申报材料，并向所在区县卫生健康行政部门了解当年的申报安排。",
    "not_eligible": "先补齐上面标 {marks} 的条件；达到后可以再输入 /check 重新自评，已填的答案会保留。",
    "incomplete": "核实标 ❔ 的信息（可向统计、财务、人事等部门了解），然后再输入 /check 补充，已填的答案会保留。",
}
MARK_SEPARATOR = "、"
NEXT_REPORTED_ONLY = (
    "这一结论只依据新闻报道的数字：请先对照正式文件核实标 ⚠️ 的数字，并补填标 ❔ 的信息，"
    "然后再输入 /check 重新自评，已填的答案会保留。"
)
NEXT_REPORTED_MISSED = (
    "先对照《社区医院基本标准（试行）》正式文件核实标 ⚠️ 的数字：按新闻报道的数字它们还没有达到，"
    "达到后再着手准备申报材料；改了数字可以再输入 /check 重新自评，已填的答案会保留。"
)
OWN_STAGE = "您的下一步属于“{stage}”阶段。"
STAGE_OF_OTHERS = "您设置的阶段“{stage}”由{actor}负责，机构这时主要是配合和等待结果。"
MATERIALS_HEADER = "“{stage}”阶段需要准备："
MATERIAL_ITEM = "· {name}"
NEXT_DEADLINE = "这一阶段的下一个截止日期：{date}，{left}：{title}"
DEADLINE_POSTPONED = "（原定 {original}，遇节假日顺延）"
DEADLINE_NOTE = "   {note}"
NO_DEADLINE = "近期收录的文件没有规定截止日期。"
NO_CALENDAR = "本地区的申报时间表暂未收录，请向所在区县卫生健康行政部门（基层卫生科）咨询。"
TRACK_HINT = "可以用 /stage 记录申报进度，用 /status 查看截止日期和材料清单。"

# The self-assessment document
REPORT_CAPTION = "这是根据您的答案生成的自评报告（{region}），Word 格式，可以修改、打印。"
REPORT_PDF_CAPTION = "同一份报告的 PDF 版，适合在手机上查看和转发。"
REPORT_NEEDS_ANSWERS = "还没有自评答案，请先输入 /check 完成自评。"
REPORT_UNFINISHED = "自评还没有做完（还有 {n} 题没有回答），报告要等自评做完再生成。输入 /check 继续。"
REPORT_AGAIN = "您之前的自评答案已保存，需要时可以再次生成自评报告。"
REGION_FIRST_REPORT = "自评报告按所在地区的条件生成，请先选择地区。"

# Example answers shown in hints, by unit: a plausible size, not a limit from the rules.
EXAMPLES = {"年": "2020"}  # by unit; other fields: an example inside their usual range (prompts.py)
EXAMPLE_DEFAULT = "30"

# A figure typed at another question (dialogs/questionnaire/elsewhere.py)
ELSEWHERE_SAVED = "✔ 已记下{label}：{value}（这是另一题的答案，已存到那一题）。"
ELSEWHERE_SAME = "✔ {label}已经是 {value}，不用改。"
ELSEWHERE_CHANGED = "✔ 已将{label}改为 {value}（原为 {old}）。"
ELSEWHERE_NOT_EXACT = (
    "您说的“{words}”是{label}，但不是一个确切的常见数值，未记录；"
    "请到那一题输入准确数字（已答过的题可用“上一步”回去修改）。"
)
ELSEWHERE_NOW = "现在请回答这一题："
# An earlier answer corrected to what it already was (dialogs/questionnaire/corrected.py, brk11 B16).
CORRECTED_SAME = "✔ {label}已经是 {value}，不用改。"
# Another 是/否 question's answer typed at this one (dialogs/questionnaire/earlier.py, newcomer trial 9, finding 8).
CONFIRM_EARLIER = "“{typed}”是第{n}题（{label}）的答案，要把第{n}题改为“{value}”吗？"
TAKE_EARLIER = "改为“{value}”"
KEEP_EARLIER = "不改第{n}题"
EARLIER_CHANGED = "✔ 已将第{n}题（{label}）改为“{value}”（原为“{old}”）。"
EARLIER_KEPT = "好的，第{n}题不改。"
# A ratio typed at one of its counts (dialogs/questionnaire/ratio_said.py, newcomer trial 9, finding 3).
RATIO_AT_COUNT = (
    "“{title}”要用{label}和{others}两个数来算，只说倍数或比例记不下来。请填本题的{label}；不清楚可以点“跳过/不清楚”。"
)
RATIO_JOIN = "、"

# Under a question whose answer is held against a news-reported figure (force `reported`)
REPORTED_AT_QUESTION = (
    "📰 参考：据新闻报道，《社区医院基本标准（试行）》要求{title}（非正式文件原文，只作提示，不单独决定结论）。"
)
REPORTED_TITLE_SUFFIX = "（新闻报道）"

# The result's first message (dialogs/questionnaire/summary.py), short for a phone
SUMMARY_COUNTS = {
    "pass": "✅ 达到 {n} 项",
    "fail": "❌ 未达到 {n} 项",
    "warning": "⚠️ 提示 {n} 项",
    "unknown": "❔ 待补充 {n} 项",
    "not_met": "➖ 优先条件未具备 {n} 项",
}
SUMMARY_TOTAL = "共 {n} 项{items}：{counts}"
# How the counts relate to the plan's own numbering (渝中: 11 项评价指标, newcomer trial 8, N25).
ITEM_PREFIX = "第{n}项"  # how a rule set's titles carry the plan's item number
ITEMS_NOTE = "（按方案的 {items} 项指标{split}{vetoes}）"
ITEMS_SPLIT = "，其中有的分为几条"
ITEMS_VETOES = "，另有 {n} 项否决情形"
INTRO_ITEMS = "· 这 {n} 题对应方案的 {items} 项指标{vetoes}（有的指标要问几道题）；\n"
INTRO_VETOES = "和 {n} 项否决情形"
SUMMARY_SEPARATOR = " · "
SUMMARY_MISSED = "未达到的："
SUMMARY_NOTES_ONLY = "需要注意的（不影响结论）："
SUMMARY_MISSED_LINE = "{icon} {title}"
SUMMARY_GAP = "：还差 {gap}{unit}"
SUMMARY_GAP_PERCENT = "：还差 {gap} 个百分点"
SUMMARY_OVER = "：超出 {gap}{unit}"
SUMMARY_OVER_PERCENT = "：高出 {gap} 个百分点"
SUMMARY_GAP_COUNT = "：{label}还差 {gap}{unit}（按{base_label}{base}{base_unit}计至少要{need}{unit}）"
SUMMARY_GAP_RATIO = "：{label}还差 {gap}{unit}"
SUMMARY_ONLY_NOTE = "（只作提示）"
SUMMARY_MORE = "……另有 {n} 项，见下一条"
SUMMARY_NAME_SEPARATOR = "、"
SUMMARY_ETC = "等 {n} 项"
SUMMARY_UNKNOWN = "待补充：{names}{more}"
SUMMARY_DETAILS_BELOW = "逐项结果、数字和依据见下一条消息；下一步和截止日期见最后一条。"
DETAILS_HEADER = "【逐项结果与依据】"
# An approximate answer whose range straddles a limit (dialogs/questionnaire/approximate.py).
APPROX_DEPENDS = (
    "您说的是{said}（按{low}到{high}{unit}算），正好跨在要求（{titles}）的上下：够不够要看准确的数，"
    "这里先不记录。请填准确的数字；实在不清楚可以点“跳过/不清楚”。"
)
APPROX_TITLES_JOIN = "、"
# A bound typed as the answer (不到九成, 超过70%): said back, the exact figure asked for (breaker B4).
BOUND_BELOW = "低于{value}{unit}"
BOUND_ABOVE = "高于{value}{unit}"
BOUND_DEPENDS = (
    "您说的是“{said}”（{side}），正好跨在要求（{titles}）的上下：够不够要看准确的数，这里先不记录。"
    "请填准确的数字；实在不清楚可以点“跳过/不清楚”。"
)
BOUND_SHORT = (
    "您说的是“{said}”（{side}）：按这个说法已达不到要求（{titles}）。自评要记准确的数，这里先不记录；"
    "请填准确的数字，实在不清楚可以点“跳过/不清楚”。"
)
BOUND_EXACT = (
    "您说的是“{said}”（{side}）。自评要记准确的数，这里先不记录；请填准确的数字，实在不清楚可以点“跳过/不清楚”。"
)
STALE_DROPPED = "\n上次填的 {value}{unit} 和您现在说的对不上，已不再沿用。"
