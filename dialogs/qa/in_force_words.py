"""Words of questions about a text's force and a plan's progress (doc_number.py, progress.py)."""

from __future__ import annotations

from core.lazy_re import lazy

# A question speaks of a text (方案, 文件, 17号文) without naming which (吉林的方案有效期是几年).
A_TEXT = lazy(r"方案|文件|通知|号文|那个文|的文|政策")
# What a bare standing question says besides its in-force words (这个还管用吗, 现在还有效吗？): pointing words,
# particles, punctuation; anything more (驾驶证 … 去哪换) is something else that expired (dialogs/qa/in_force.py).
BARE_STANDING = lazy(r"[这那个它些的了吗呢吧啊么嘛现在目前还是都也就不没有？?！!，,。\s]")
MIN_OTHER_CHARS = 2
OF = "的"  # left out when a text is named by its short name (北京的方案 is 北京方案)
# A year naming a text: 2020年的方案, 2020那个, 2024-2025那个, 2024年发的文件 (not 2020年度于8月31日).
TEXT_OF_YEAR = lazy(
    r"(?<![0-9])20[0-9]{2}(?:年)?(?:[-—到至~]20[0-9]{2}(?:年)?)?(?:的|发的|出的|印发的)?(?:那个|那份|这个|这份)?"
    r"(?:方案|文件|通知|那个|那份|的文|号文)"
)
# A text said to be of a year after it is named ("北京这个方案是2022年的，现在还能照着办吗"): that year's text
# (sealed set 10, s10b087 got suggestions).
TEXT_SAID_OF_YEAR = lazy(r"(?:方案|文件|通知|号文|文)(?:是|为|属于|都是)?(20[0-9]{2})年?(?:的|出的|发的|印发的|度的)")
# Pointing words between a region and its text (北京这个方案 is 北京方案): left out where a text is named.
POINTING = lazy(r"(?<=[\u4e00-\u9fff])(?:这个|那个|这份|那份|这一|那一)(?=方案|文件|通知)")
# A year a text was issued in, anywhere in the question ("2024年发的“优质服务基层行”…方案"): the
# text's name may come between the year and 方案.
TEXT_ISSUED_IN = lazy(r"(?<![0-9])(20[0-9]{2})年?(?:发的|印发的|出的|出台的|下发的|发布的)")
# Whether a plan's target was reached ("现在建完没有", "完成了吗", "目标实现了没", "进展如何"): the texts
# hold targets, not what was achieved (progress.py).
PROGRESS_ASKED = lazy(
    r"(?:完成|实现|建完|建好|达到|达成|做到)了?(?:吗|没|没有|么|嘛|不)"
    r"|(?:完成|进展|落实)情况|进展(?:如何|怎么样|怎样|到哪)|完成得(?:怎么样|如何|咋样)|(?:已经|现在|目前)(?:建成|建了)(?:多少|几)家"
)
# An answer stating a plan's target (not a rule the institution must meet: 床位使用率达到了吗).
TARGET_WORDS = ("目标", "力争", "建成", "新建")
# A text that repeals or replaces another says so in these words; while no loaded text has them, the
# assistant may say that none of them repeals a text (doc_number.py).
REPEAL_WORDS = lazy(r"废止|停止执行|不再执行|同时作废|予以作废|自.{0,12}起失效")
# A whole 文号 (国卫基层发〔2020〕12号): one no loaded document has is a text the assistant does not hold,
# asked about by name; its own entry (or the search) answers, not the period of a text named by year.
WHOLE_NUMBER = lazy(r"[\u4e00-\u9fff]{2,10}[〔\[［(（]20[0-9]{2}[〕\]］)）][0-9]{1,4}号")
# Asking a text's number (文号多少, 发文字号是什么, 几号文): what a later part asks of the text before it
# (dialogs/qa/parts_number.py).
NUMBER_ASKED = lazy(r"文号|字号|几号文|多少号文|哪个号")
# What is left where a question named a document ("《…》里说", "文件中", "上写的"): said of the document.
NAMED_FILLER = lazy(
    # 文件 before 文: "17号文件的附件是什么" left "件的附件是什么" (its 件 read as a word of the question)
    r"^(?:按|根据|依据|照)?(?:文件|文|通知|方案|《》)?(?:里|中|上)?(?:说的?|写的?|讲的?|规定的?|要求的?|提到的?)?的?"
)
# what may follow a 文号 said as a text (17号文件, 5号文): left out of the words searched with it
TEXT_WORD = r"(?:文件|文|通知)?"

# …but a question about reporting the progress ("进展情况每个月几号报", "完成情况怎么报") asks when or how to
# report, not whether a target was reached (newcomer trial 5, N10).
PROGRESS_REPORTING = lazy(r"(?:进展|完成|落实)情况?[^，。？?]{0,8}(?:报|交|填)|几号|哪天|什么时候|何时|截止")

# A named holiday (赶上国庆咋办): the days of the year its break can cover, for the date a 顺延 rule moves
# (dialogs/qa/holiday_moved.py). 春节 and the other lunar holidays: the widest span they fall in.
HOLIDAY_SPANS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "国庆": ((10, 1), (10, 8)),
    "元旦": ((1, 1), (1, 3)),
    "五一": ((5, 1), (5, 5)),
    "劳动节": ((5, 1), (5, 5)),
    "春节": ((1, 20), (2, 20)),
    "过年": ((1, 20), (2, 20)),
    "清明": ((4, 3), (4, 6)),
    "端午": ((5, 28), (6, 25)),
    "中秋": ((9, 8), (10, 7)),
}

# A cited text's name without what every such name opens with (社区医院基本标准 is named 基本标准 too:
# dialogs/qa/cited_standing.py).
CITED_PREFIX = "社区医院"
# What may stand before such a short name when it names another text (二级综合医院基本标准, 乡镇卫生院
# 基本标准, 护理院基本标准): another institution or a grade, so the short name is not the cited one's.
OTHER_HOLDER = lazy(r"(?:医院|卫生院|中心|服务站|卫生室|诊所|护理院|门诊部|机构|[一二三甲乙丙]级|综合|专科)\s*$")
# The number a 文号 ends with, as a question names it alone (国卫办医函〔2019〕518号 is "518号").
BARE_NUMBER_OF = lazy(r"(\d+)号$")

# A condition said to be unmet before "还能报吗" ("没达到推荐标准还能报吗", "床位不够还能申请吗"): the question
# asks whether that condition bars applying, not whether applications are still open (newcomer trial 6,
# N12: the calendar's "dates are over" answered it).
CONDITION_UNMET = lazy(r"(?:没|未|没有|不)(?:达到|达标|满足|符合|够|足)|达不到|够不上|不到位|还差|差[一两几0-9]")
# This year asked of (今年要新建几家, 本年度目标): its figures, when the texts hold only earlier years' (in_force.py)
THIS_YEAR = lazy(r"今年|本年度?|这一年|年内|当年")

# When a named text was issued (doc_issued.py, newcomer trial 8, N8)
_WHEN = r"(?:哪天|哪一天|哪日|什么时候|啥时候|何时|哪年|哪一年|几几年|几月|几号|什么日子|什么日期|什么时间|啥时间)"
_ISSUE = r"(?:印发|下发|发布|颁布|出台|公布|发出|发|出)"
# 哪天发的 / 什么时候印发 / 印发日期 / 发布时间 / 印发于哪年: the asking is for the issue date
ISSUED_ASKED = lazy(f"{_WHEN}[^，,。？?]{{0,3}}?{_ISSUE}|{_ISSUE}(?:的)?(?:日期|时间|年份)|{_ISSUE}于?{_WHEN}")
# Who issued a text (谁发的, 哪个部门印发的, 哪几家联合发的, 发文机关是谁): asked of the text that a part
# before names (parts_text.py)
ISSUER_ASKED = lazy(
    r"谁(?:印)?发|哪(?:个|些|几个|几家|家)(?:部门|单位|机关)?(?:联合)?(?:印)?发|联合(?:印)?发|发文(?:机关|单位|部门)"
)
# …but not a date a text sets for a step (材料什么时候报, 名单哪天公布: its 发 is no issuing of the text)
STEP_DATE = lazy(r"材料|名单|结果|报送|申报|申请|验收|评估|牌子|证书|通知书|批复")
ISSUE_DATE = lazy(r"^(\d{4})-(\d{2})-(\d{2})$")
# "317号是什么时候发的": a bare 文号 number with no 文 after it, when an issue date is asked (not 6月30号)
BARE_ISSUED = lazy(r"(?<![0-9〕\]月])([0-9]{1,4})号(?![0-9]|文|通知|方案|令)")
AS_TEXT = r"\1号文"  # …read as a bare 文号 the catalogue knows (17号文)
# A month asked of a monthly date ("2022年10月的月报几号前交"): its occurrence that month, moved past a holiday
# when it is (holiday_moved.py; newcomer trial 8, N7 — the calendar knew 10月8日, the answer said 1日).
MONTH_ASKED = lazy(r"(?:(?P<year>20[0-9]{2})年)?(?P<month>1[0-2]|0?[1-9])月份?的")

# Whether a named date recurs ("8月31日前报申请，是每年都这样吗", "6月30日是固定的吗", "只是2020年吗"): each
# entry stating it says whether it is every year's or one year's (dialogs/qa/yearly.py; sealed set 10, s10a091).
YEARLY_ASKED = lazy(
    r"每年都|年年都|年年如此|每年如此|是每年|每一年都|是不是每年|每年是不是|是固定的|固定(?:的)?(?:日期|时间|日子)吗"
    r"|只是(?:那|这|当|头|第一)一?年|只有(?:那|这|当|头|第一)一?年|只(?:是|有|限)?20[0-9]{2}年|仅(?:限)?(?:20[0-9]{2}|那|当)年"
)
# What marks a date in an answer as one year's ("2020年度为8月31日前", "2021年11月10日") or every year's
# ("每年8月31日前"): the mark nearest before the date in its clause decides.
ONE_YEAR_MARK = lazy(r"(20[0-9]{2})年度?")
EVERY_YEAR_MARK = lazy(r"每年|每一年|年年")
CLAUSE_END = lazy(r"[。；;]")

# A year a figure is asked of ("北京2023年要新建多少家"): not a text's year (2024年的方案), a 文号's (〔2024〕) or a
# date's (2023年10月); the answer must speak of that year, not give another's figure (year_asked.py).
YEAR_ASKED_OF = lazy(r"(?<![0-9〔\[（(])(20[0-9]{2})年(?![0-9]{1,2}月|度?的?(?:方案|文件|通知|那个|那份))")
# What is asked of that year is a figure or a target (多少家, 目标, 比例), not whether something may be done.
FIGURE_ASKED = lazy(r"多少|几家|几个|几所|目标|比例|指标|任务|达到几")
# Years an answer covers: each named, each span (2023-2025年, 2024—2025年), each start onwards (2022年及以后, 2022年起).
YEAR_SPAN = lazy(r"(20[0-9]{2})年?\s*[-—–~至到]\s*(20[0-9]{2})")
YEAR_ONWARDS = lazy(r"(20[0-9]{2})年(?:及以后|以后|起|以来|开始)")
# A month or a date a question names: a point of a text asked about, not the text (doc_number.py).
DATE_IN = lazy(r"[0-9一二三四五六七八九十]+月")
