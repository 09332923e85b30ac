"""Words the Q&A turn recognises in what directors type (input vocabulary, not text we show; that
lives in dialogs/texts/qa.py): the words naming a profile field next to its figure, yes/no and choice
facts and their negations, whether a question is about the asker's own institution, and the
numbers, dates and bodies an answer names (for comparing two regions' answers)."""

from __future__ import annotations

from core.lazy_re import lazy

# ---------------------------------------------------------------- a situation (dialogs/qa/facts.py)
# (the words naming each numeric field are in dialogs/field_words.py, shared with the questionnaire)

# (a share told as two counts, members of a list under one heading: dialogs/qa/count_words.py)
# A unit alone names its field when no word does ("40张", "3500平方米").
UNIT_FIELDS: dict[str, str] = {
    "张": "open_beds",
    "平方米": "floor_area_m2",
    "平米": "floor_area_m2",
    "平方": "floor_area_m2",
    "平": "floor_area_m2",  # 房子有3千平 (only right after a figure: ANY needs the number first)
}

# Yes/no facts: the words that state them (as true).
YES_WORDS: dict[str, tuple[str, ...]] = {
    "local_government_support": (
        "党委政府支持",
        "政府支持",
        "党委支持",
        "政府同意",
        "表态支持",
        "县里支持",
        "区里支持",
        "市里支持",
    ),
    "outsourced_departments": ("承包", "包给", "外包", "出租", "租给", "转包", "包出去", "租出去"),
    "major_malpractice_last_2_years": ("医疗事故",),
    "insurance_fraud_penalty": (
        *("骗保", "套取医保", "骗取医保", "套保", "医保处罚", "医保欺诈", "欺诈医保", "骗医保", "套医保"),
        *("医保局处罚", "医保部门处罚", "医保局罚"),
    ),
    "urban_rural_fringe": ("城乡结合部", "城郊结合部"),
    "demonstration_center": ("示范社区卫生服务中心", "示范中心", "省级示范", "国家级示范", "百强", "百家乡镇卫生院"),
    "has_district_featured_department": ("区县级特色科室", "区级特色科室", "县级特色科室"),
    "serious_inspection_findings": ("严重问题",),
}
# The yes/no facts that bar applying when present: a question naming one asks about that bar, never
# whether applications are still open (dialogs/qa/still_open.py).
BARRING_FACTS = (
    "outsourced_departments",
    "major_malpractice_last_2_years",
    "insurance_fraud_penalty",
    "serious_inspection_findings",
)
# Choice facts: word -> value, longest first.
CHOICE_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "institution_type": (
        ("乡镇卫生院", "township_health_center"),
        ("社区卫生服务中心", "community_health_center"),
        ("社区服务中心", "community_health_center"),
        ("卫生院", "township_health_center"),
    ),
    "service_capability_level": (("推荐标准", "recommended"), ("基本标准", "basic")),
}
# Grades: 甲级 passes; 乙级 passes for a township health centre (乡镇乙级以上) only.
GRADE_FIELD = "community_grade_a"
GRADE_WORDS = ("甲级", "乙级", "丙级")

# A yes/no fact whose positive reading needs every condition of its rule said: "医疗事故" alone is not
# the disqualifier (两年内、经鉴定二级及以上、负主要责任). Without a word of each group only its negation
# (没有发生医疗事故) is read, and the reply says what the rule needs (dialogs/qa/bar_depends.py; newcomer
# trial 5, N5: "前年出过一起二级医疗事故" got a firm ❌ without main responsibility, and 前年 may be over
# two years ago).
QUALIFIERS: dict[str, dict[str, tuple[str, ...]]] = {
    "major_malpractice_last_2_years": {
        "grade": ("一级", "二级", "重大医疗事故"),
        "responsibility": ("主要责任", "全部责任", "完全责任", "全责", "主责"),
        "window": (
            "两年内",
            "近两年",
            "这两年",
            "二年内",
            "去年",
            "今年",
            "上个月",
            "上月",
            "这个月",
            "本月",
            "最近",
            "刚",
            "上半年",
            "年初",
            "前几个月",
            "前段时间",
        ),
    },
}
# A yes/no fact in a hypothetical or a question about the rule ("如果出了医疗事故还能申请吗",
# "两年内出了医疗事故还能申请吗", "有没有承包科室影响吗") is a question about a disqualifier, not a fact
# of the institution. Words in the fact's clause that make it one:
HYPOTHETICAL = ("如果", "要是", "假如", "假设", "万一", "倘若", "一旦", "的话", "有没有", "是否", "若是")
# …and, with no word about the asker's own institution and nothing pointing at a real event
# (去年, 一起, 这个), "…还能申请吗" after it: a question about the rule.
STILL_ASKS = ("还能", "还可以", "还可不可以", "还能不能", "还让", "还允许", "会不会", "能不能", "算不算")
REAL_EVENT = ("去年", "今年", "前年", "上个月", "上月", "最近", "刚", "一起", "这个", "那个", "已经", "曾经")

# A figure in a question about the requirement ("是不是要30张床", "床位最少要30到40张吗") is the rule's
# figure asked about, not the institution's: words before it in its clause that say so.
REQUIREMENT_BEFORE = lazy(
    r"是不是|要不要|是否|需要|需|要求|至少|最少|最低|起码|不少于|不低于|不得少于|不得低于|必须|只要|要"
)
# …or words right after it asking whether that figure is enough ("百分之七十五算达标吗"), when the
# question says nothing about the asker's own institution.
# …or how the rule's figure is counted or what it takes in ("床位使用率75%是怎么算的", "3000平方米包不包括
# 宿舍", "百分之七十五是按全年算吗"): a method question about the rule, not a situation.
REQUIREMENT_AFTER = lazy(
    r"^(?:的话)?(?:就|才|能)?(?:算|算是|可以算)(?:不算)?(?:达标|合格|符合|够|满足)|^(?:就|才)(?:达标|够|合格)"
    r"|^(?:的|这个|这条|这一条|那个)?(?:是|要|都)?(?:怎么|如何|咋|怎样)(?:算|计算|统计|认定|界定|测算|核算|计)"
    r"|^(?:的|这个|这条|那个)?(?:是|要|都)?按.{1,10}?(?:算|计算|统计)"
    r"|^(?:的|这个|这条|那个)?(?:里面?|中)?(?:包不包括|包括不包括|包不包含|含不含|计不计入"
    r"|(?:包括|包含|含|算进|计入).{0,12}?(?:吗|么|嘛))"
)
# A range (30到40张, 二三十张, 十几张, 三千多平, 三千左右): read as its two ends, and a verdict given
# only when the whole range is on one side of the limit (dialogs/qa/situation.py).
UNIT_AFTER = lazy(r"人次|平方米|平米|[张名个位种%]")
RANGE_AFTER = lazy(r"^\s*(?:到|至|-|~|—|～)\s*[0-9零〇一二两三四五六七八九十百千万.]+")
RANGE_END = lazy(
    r"^\s*(?:到|至|-|~|—|～)\s*(?P<num>[0-9零〇一二两三四五六七八九十百千万.]+)(?P<unit>人次|平方米|平米|[张名个位种%成万])?"
)
# Two neighbouring digits say "this or the next" (二三十 = 20 to 30, 七八万, 十七八);
# 一两 (one or two: 一两支, 一两千) is the spoken pair of 一 and 两, as quantities.py reads it (brk10).
NEIGHBOURS = lazy(r"一二|一两|二三|两三|三四|四五|五六|六七|七八|八九")
SOME_DIGIT = "几"  # 十几 = 11 to 19, 二十几 = 21 to 29: after a ten, the ends it stands for
SOME_TENS = "十"
SOME_ENDS = ("一", "九")
# 三千多 = 3000–3999, 七成多 = 70–79 %, 两千九百来 = 2900–2999: up to the next round figure (trial 7, N15)
MORE_THAN = ("多", "余", "来")
ABOUT_NUMBER: dict[str, tuple[float, float]] = {}  # a word after the number read as 左右 (none now: 来 is 多's)
# Words that make a figure approximate, and the range they give around it (as fractions of it).
ABOUT_BEFORE = {
    "大约": (0.9, 1.1),
    "大概": (0.9, 1.1),
    "差不多": (0.9, 1.1),
    "约": (0.9, 1.1),
    "将近": (0.9, 1.0),
    "接近": (0.9, 1.0),
    "快": (0.9, 1.0),
}
ABOUT_AFTER = {"左右": (0.9, 1.1), "上下": (0.9, 1.1)}  # 不到30, 30出头: bounds (< 30, > 30), not ranges

NEGATIONS = ("还没有", "尚未", "没有", "还没", "并未", "未能", "没", "不", "未", "无", "非")
# Question forms that contain a negation character without negating (能不能, 有没有).
NOT_NEGATING = lazy(
    r"能不能|是不是|有没有|要不要|可不可以|行不行|会不会|算不算|够不够|影不影响|符不符合|达没达|不知道|不清楚"
    # words with 不 that negate nothing: "不过口腔科是承包给别人做的" is but, not not (sealed set 6)
    r"|不过|不但|不仅|不管|不论|不然|不少|不同|不错|不久|不一定"
)
NEGATION_REACH = 6  # characters before the fact word, within its clause
CLAUSE_END = lazy(r"[，,。；;！!？?\s]")

# A comma only as a thousands separator (3,000: "七成五,3500平方" is two figures). The whole token (a sign, a
# leading ".", 亿, 叁仟) goes to the questionnaire's parser, which refuses -5, ±40; none starts inside 1e3, 3o.
_DIGITS = "0-9零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
NUMBER = (
    r"(?<![0-9a-z.])(?:[-+±负])?(?:百分之)?(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|"
    f"[{_DIGITS}.点]*[{_DIGITS}])"
)
# 亩, 公顷: land units, taken so that the bare number is never read as square metres (the parser refuses them)
UNIT = r"个百分点|百分点|%|平方公里|平方千米|平方米|平米|平方|平|m2|张|名|个|位|人次|人|种|项|所|家|支|成|万|亩|公顷"
# No unit: the number must not run on into letters or keycaps (3o张, 1e3张: no figure is read), and 一
# must not begin a word (比例一样吗, 使用率一般要多少, 一票否决: 一 is no figure there; lead's trial).
_ONE_IN_WORD = "样般定致下起直律些旦票体并同概切如"
_NO_UNIT = f"(?![{_DIGITS}a-z\u20e3\ufe0f]|\\.[0-9]|(?<=一)[{_ONE_IN_WORD}])"
FILLER = (  # with the verb between a thing and its count (中药饮片配了280种, 全科医生配备12名, 处方占35%)
    r"(?:是|有|为|达|达到|才|只有|只|仅有|仅|约|大约|大概|差不多|将近|接近|共|一共|:|在|了|都|已经|已|现有|目前|\s"
    r"|配备|配置|配|备有|备|拥有|平均|全年|年均|开设|能开展|可以开展|可开展|开展|能做|能达到|能到|能够|能|建成|建|总共|合计|现在|今年|去年|从|占到|占了|占[^，,。；;？?0-9]{0,8}?(?:的|编制|人数|总数)|占"
    # 够 before the figure (用房面积够三千平就行吗: newcomer trial 8, N9), not 够不够 (a question)
    r"|够(?![不没])"
    # a figure said exactly or as measured (正好30张, 满意度测出来78%, 使用率算下来76%)
    r"|正好|刚好|恰好|刚刚|刚|就|测出来|测出|测得|测下来|算下来|算出来|统计下来|统计|调查|评出来"
    # the asker between a thing and its count (中药饮片我们有280种, 床位咱们是40张)
    r"|我们|我院|本院|咱们|咱"
    # a correction of an earlier answer (床位其实是40张, 床位应该是40张, 床位改成40张: newcomer trial 4, F7)
    r"|其实|实际上|实际|应该是|应为|改成|改为|更正为|更正成|更正|纠正为|准确地说|准确说|确切地说)*"
)
_UPPER_WORDS = r"没有|没|不到|不够|不满|不足|少于|低于|小于|未达到|未到|达不到|到不了|不超过|未满"
_LOWER_WORDS = r"超过|多于|高于|大于|不止|超出"
_BOUND_FILLER = r"(?:达到|到|够|满|有|足)?\s*"
# 床位不到40张, 使用率低于75%, 人口不到5万: a bound word before the number, which then needs its unit, 百分之 or 万
_BOUND_LEAD = f"(?P<bound>(?:{_UPPER_WORDS}|{_LOWER_WORDS}){_BOUND_FILLER})?"
BARE_COUNTED = lazy(r"^百分之|万$")  # 床位超过一半, 床位不到一年就满了: no figure
AFTER = lazy(f"^{FILLER}{_BOUND_LEAD}{FILLER}(?P<num>{NUMBER})(?:(?P<unit>{UNIT})|{_NO_UNIT})")
# 一千八百多平的业务用房: 多/余/来 between the number and its unit (ranges.vague reads the range)
BEFORE = lazy(f"(?P<num>{NUMBER})[多余来]?(?:(?P<unit>{UNIT})|{_NO_UNIT})(?:的)?$")
ANY = lazy(f"(?P<num>{NUMBER})(?P<unit>{UNIT})")
# A figure known by its unit alone, 多/余/来 allowed before the unit (两千八百来平, 2800多平: brk11 B1)
ANY_ROUGH = lazy(f"(?P<num>{NUMBER})[多余来]?(?P<unit>{UNIT})")
RATE = lazy(r"每[^，,。\s]{0,4}$")  # "每万人2个": a rule's figure, not the institution's


PERCENT_TENTHS = "成"  # 九成 = 90 %
PERCENT_TENTHS_MORE = "半一二三四五六七八九123456789"  # 七成五 = 75 %, 两成半 = 25 %
# A whole message that is one figure ("四十", "3000", "75%", "约30张"): not a question (dialogs/qa/figure.py).
BARE_FIGURE = lazy(f"(?:约|大约|大概|差不多)?{NUMBER}(?:{UNIT}|张床|平方|元)?(?:左右)?")
# 乙级 passes for a township health centre (乡镇乙级以上) only: these words say which it is.
TOWNSHIP_WORD = "卫生院"
COMMUNITY_CENTRE_WORD = "社区卫生服务中心"
GRADE_PASSES = "甲级"
GRADE_PASSES_TOWNSHIP = "乙级"

# Words saying the question is about the asker's own institution, or asks whether it qualifies.
ABOUT_US = ("我们", "我院", "本院", "咱们", "咱", "我单位", "本单位", "本机构", "我这", "我们这")

# A date named in a question ("6月30日前要交什么", "六月三十号"): dialogs/qa/dates_named.py.
_DATE_DIGITS = r"[0-9零〇一二两三四五六七八九十]{1,3}"
NAMED_DATE = lazy(f"(?P<m>{_DATE_DIGITS})月(?P<d>{_DATE_DIGITS})(?:日|号)")
# The end of a month ("10月底", "十月末"): its last day (dialogs/qa/on_date.py).
MONTH_END = lazy(f"(?P<m>{_DATE_DIGITS})月(?:底|末|最后一天)")
# What is left of a question about what happens on a date once the date and the places are cut out
# ("10月底要干什么", "吉林 10月底", "9月底前有什么事"): dialogs/qa/on_date.py. What to submit by a date
# ("6月30日前要交什么材料") is the search's: the materials entries answer it.
ON_DATE_ASKED = lazy(
    r"^(?:的|前|之前|以前|那天|当天)?(?:我们|我|机构)?(?:要|该|得|需要|应该)?"
    r"(?:干|做|办|完成)?(?:什么|啥|些什么|点啥)?(?:事|事情|工作|任务|安排)?"
    r"(?:有|是)?(?:什么|啥)?(?:事|事情|安排|节点|截止)?(?:吗|呢|啊|呀)?$"
)

# ---------------------------------------------------------------- when, answered with past dates (in_force.py)

# A question asking when a step happens ("验收啥时候交", "什么时候申请", "哪天截止").
ASKS_WHEN = lazy(r"时候|何时|几时|几号|哪天|哪一天|几月|截止|什么时间|啥时间|哪个月|多会儿")
# A year an answer names ("2021年11月10日前", "2021年3月至9月"): all of them past = a dated calendar over.
YEAR_NAMED = lazy(r"(20\d\d)年")
# A calendar date or month an answer gives ("11月30日前", "10月底", "3月至9月"): "2022年，各区要开展一次
# 大排查" names a year and no date, so it is no calendar to call past (newcomer trial 4, F38).
MONTH_NAMED = lazy(r"\d{1,2}月(?:\d{1,2}[日号]|底|末|初|上旬|中旬|下旬|至|前|份)")

# ---------------------------------------------------------------- several questions (dialogs/qa/parts.py)

# A part that points back at what an earlier part is about: it is read with that part in front of
# it before it is read alone ("它们什么时候要达到推荐标准", "能力标准呢", "报给谁").
POINTS_BACK = lazy(r"^(它们|它|这些|那些|这个|那个|其|他们|该|上述)|呢[？?。！!]*$")
YES_NO = lazy(r"吗[？?。！!\s]*$")  # a part asking yes or no (parts.may_lean)
# A part asking for a day (几号, 哪天, 截止): an answer without one (a year, 每年) does not answer it.
ASKS_DAY = lazy(r"几号|哪天|哪一天|几月几|什么日子|截止|哪日|几日")
GIVES_DAY = lazy(r"\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号]前|每月\d|月底|年底|月初|月中|上旬|下旬|中旬")
# How an answer names the document it rests on (按北京方案, 《…》, 吉卫基层发〔2020〕5号): not materials to
# hand in, though 方案 is a materials word ("复核完要报哪些东西" is not answered by "按北京方案，…完成复核").
CITES_DOCUMENT = lazy(r"《[^》]*》|[\u4e00-\u9fff]{0,4}方案|[\u4e00-\u9fff]*〔\d{4}〕\d+号")

# ---------------------------------------------------------------- small talk (dialogs/qa/smalltalk.py)

# A director introducing themselves ("我是XX卫生院院长", "我是长春某社区卫生服务中心的主任"): a
# clause that says who is asking, not what.
INTRODUCTION = lazy(
    r"我们?(是|叫|这边是|这里是|在)[^，,。！!？?；;\s]{0,24}"
    r"(院长|副院长|主任|副主任|书记|负责人|科长|站长|所长|医生|大夫|护士长|工作人员|老师|同志|卫生院|中心|医院|服务站|卫健委|卫生健康委|卫健局)"
    r"[的啊呀哈]?"
)
# Greeting the assistant by a title ("院长好", "主任您好", "各位老师好"): a greeting like 你好 (N9).
TITLE_GREETING = lazy(r"(?:各位|大家)?(?:院长|主任|老师|领导|专家|同志|书记|同事|同仁)?(?:们)?(?:您|你)?好[啊呀哈]?")
# Asking whether the assistant costs anything ("你们收费吗", "要钱吗", "用这个要花钱吗"): the message
# holds one of FEE_WORDS and otherwise only words about the assistant and particles. A fee of the
# hospital ("社区医院收费吗", "挂号要钱吗") leaves a word of its own and is a question.
FEE_WORDS = (
    *("收不收费", "要不要钱", "收不收钱", "收费", "要钱", "收钱", "付费", "免费", "花钱", "给钱", "掏钱"),
    *("多少钱", "要费用", "有费用", "钱"),
)
ABOUT_ASSISTANT = (
    *("你们这个", "你们", "这个助手", "小助手", "助手", "机器人", "程序", "服务号", "公众号", "这个", "这"),
    *("使用", "用你", "用", "问你", "问问题", "咨询", "问", "您", "你", "是", "的", "吗", "么", "嘛", "不"),
    *("呀", "啊", "呢", "吧", "了", "要", "得", "还", "请问", "想问", "一下", "个"),
)

# ---------------------------------------------------------------- a bound, not a value (dialogs/qa/bounds.py)

# "我们没有30张床", "床位不到三十张", "不够30张", "少于/不足/没达到/低于30张", "30张以下", "30张都不到": the
# figure is an upper bound (fewer than 30), never the value 30. "超过/多于/高于40张", "40张以上": a lower
# bound (words above, also in AFTER). Matched at the end of the clause before the number, or right after it.
UPPER_BEFORE = lazy(f"(?:{_UPPER_WORDS}){_BOUND_FILLER}$")
LOWER_BEFORE = lazy(f"(?:{_LOWER_WORDS}){_BOUND_FILLER}$")
_AFTER_UNIT = r"^(?:张床位|张病床|张床|张|平方米|平米|平|人次|名|个|位|人|%)?(?:床位|病床|床)?\s*(?:都|也|还)?"
UPPER_AFTER = lazy(f"{_AFTER_UNIT}(?:以下|不到|没有|没到|不够|不足)")
LOWER_AFTER = lazy(f"{_AFTER_UNIT}(?:以上|出头|还多|多一点)")
INCLUSIVE_BOUNDS = ("以下", "不超过", "以上")  # these include the figure itself; the rest are strict


# Whether one can still apply now or this year (今年还能报吗, 现在还能申请吗, 还来得及吗): answered from
# the region's calendar on the day asked (dialogs/qa/still_open.py), not from the plan's targets.
STILL_OPEN = lazy(
    r"(?:今年|现在|目前|这会儿|年底前|明年)[^，。？?]{0,4}(?:还)?(?:能|可以|可不可以|能不能)[^，。？?]{0,2}(?:报|申报|申请)"
    r"|还(?:能|可以)(?:报|申报|申请)吗|还来得及|还(?:受理|收)(?:吗|不)|(?:报名|申报)(?:截止|结束)了(?:吗|没)"
    # 还接不接受社区医院申报, 以后还受理验收吗, 还有没有机会申报
    r"|还(?:接不接受|接受不接受|受不受理|收不收|接受|受理|收|接)[^，。？?]{0,10}(?:申报|申请|验收)"
    r"|还有(?:没有)?机会(?:报|申报|申请)"
    # 今年还赶趟不, 还赶得上吗, 赶不赶得上 (sealed set 10, s10a067)
    r"|赶趟|赶得上|赶得及|赶不赶得上|赶不上了?吗|来不来得及"
)
# The day said to be today ("今天7月5号", "现在都7月5日了"): the still-open answer is given for that day.
TODAY_SAID = lazy(
    r"(?:今天|今儿|今日|现在|目前|眼下)(?:是|都|已经|已|都已经)?"
    r"(?P<m>[0-9一二两三四五六七八九十]{1,3})月(?P<d>[0-9一二三四五六七八九十]{1,3})(?:日|号)"
)

# Asking to see another region's way as a reference ("想参考下重庆渝中的做法", "借鉴一下北京的"):
# dialogs/qa/uncovered.py then shows that region's answer, marked as not applying (newcomer trial 3, F24).
REFERENCE_ASKS = ("参考", "借鉴", "学习一下", "学习下", "的做法", "怎么做的")

# What is left of a part that only names a place ("吉林的呢？"): it asks what the part before it asked.
PLACE_ONLY_PARTICLES = "的呢吗嘛么啊呀那？?。.，,！! "
