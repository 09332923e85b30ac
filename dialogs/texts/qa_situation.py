"""What the assistant says about a situation's ranges, unknown conditions and the /check offer
(dialogs/qa/situation*.py); re-exported by dialogs.texts.qa."""

# A range or an approximate figure (二三十张, 三千左右): a verdict only when the whole range is on one side.
SITUATION_DEPENDS = "❔ 结论：要看准确数字——{titles}：您说的是一个大概的范围，范围里有的数符合、有的不符合。"
SITUATION_DEPENDS_STATUS = "要看准确数字"
SITUATION_DEPENDS_LINE = (
    "您说的是{said}（按{low}到{high}{unit}算），要求是{limit}：范围里有的数符合、有的不符合，用准确的数字才能判断"
)
SITUATION_RANGE_SIDE = "您说的是{said}（按{low}到{high}{unit}算），要求是{limit}：整个范围都{side}"
SITUATION_RANGE_SIDE_DERIVED = "按您说的范围（{said}）算，怎么取都{side}"
SITUATION_DEPENDS_DERIVED = "按您说的范围（{said}）算，要求是{limit}：有的取法符合、有的不符合，用准确的数字才能判断"
SITUATION_RANGE_CHECK = "ℹ️ 范围或大概的数字（{said}）没有帮您预填；用 /check 可以填准确的数。"  # ranges and bounds
SITUATION_UNKNOWN = "还不知道的条件：{titles}。"
# A figure said as a bound ("没有30张床", "超过40张"): said back, never as the value (dialogs/qa/bounds.py).
BOUND_SAID = {
    "<": "不到{figure}{unit}",
    "<=": "不超过{figure}{unit}",
    ">": "超过{figure}{unit}",
    ">=": "至少{figure}{unit}",
}
BOUND_COMPARE = {">=": "≥", ">": "＞", "<=": "≤", "<": "＜"}
BOUND_NOT_MET = "您说的是{said}，要求{limit}，未达到"
BOUND_MET = "您说的是{said}，要求{limit}，已达到"
BOUND_DEPENDS = "您说的是{said}，要求{limit}，够不够要看准确的数；用 /check 填准确的数再判断"
MORE_UNKNOWN = "，另有{n}项"
# nothing is written until the director presses (breaker B21: what-if figures were saved unasked)
SITUATION_CHECK = "用 /check 逐项补全自评：点“带着这些数据做完整自评”，您说到的准确数字才会填入。"
# No figure was said (only 乡镇卫生院, 政府支持): "准确数字" would be false (newcomer trial 3, F1).
# Under the answer to the question asked, the verdict on the introduction beside it (F1/F2).
SITUATION_BESIDE = "—— 关于您介绍的情况 ——"
SITUATION_CHECK_FACTS = "用 /check 逐项补全自评：点“带着这些数据做完整自评”，您说到的情况才会填入。"
SITUATION_LATER_ASKED = (
    "❓ 您问的能不能先申报、之后再补足条件：收录的文件没有写到先申报、后补条件的做法（上面是按现在的情况判断的）；"
    "能否这样办，请向当地卫生健康行政部门确认。"
)
SITUATION_CHECK_BUTTON = "📝 带着这些数据做完整自评"
SITUATION_NO_REGION = "您没有说在哪个地区，下面按收录的各地规则分别判断（用 /region 选择地区后只看本地区）："
SITUATION_COMPARED = "下面按您问到的各地区的规则分别判断："
# 北京 and 渝中 write no bed, occupancy or area figure: their condition is the basic standard's resources.
SITUATION_VIA_BASIC_STANDARD = (
    "{region}的文件没有对{fields}写具体数字，与之相关的条件是「{criterion}」。"
    "该标准原文未收录，下面按新闻报道的基本标准数字对照，只作参考："
)
STILL_OPEN_HEADER = "{region}现在（{today}）能不能申报，按收录的文件："
STILL_OPEN_NEXT = "您这一步的下一个截止日期：{date}，{left}：{title}。"
# A day said to be today against the region's yearly deadline of the director's first step (s10a067).
STILL_OPEN_SAID_DAY = "{month}月{day}日"
STILL_OPEN_SAID_YEARS = "{first}—{last}年"
STILL_OPEN_SAID_FROM = "{first}年起"
STILL_OPEN_SAID_PASSED = (
    "按{source}，每年{date}前{title}（{years}）。您说今天是{said}，已经过了当年的{date}，当年赶不上了；"
    "按这个安排，下一次是次年{date}前。"
)
STILL_OPEN_SAID_AHEAD = "按{source}，每年{date}前{title}（{years}）。您说今天是{said}，离当年的{date}还有{days}天。"
STILL_OPEN_UNKNOWN = "收录的文件没有给出现在的申报安排，请咨询所在县（市、区）卫生健康行政部门。"
SITUATION_VIA_UNDECIDED = "❔ 结论：还不能判断。{region}决定能否申报的条件是：{titles}，您还没有说到这些。"
SITUATION_NOT_TAKEN = "您说到的{labels}，{regions}的申报条件里没有对应的数字要求，这里不作判断。"
SITUATION_SOURCES = "依据："
# The saved /check answers a situation reply used for what the message did not say (dialogs/qa/saved.py).
SITUATION_SAVED = "📋 您没有说到的条件，按您自评填的：{values}。"
SAVED_VALUE = "{label}{value}"
SAVED_YES = "是"
SAVED_NO = "否"
SITUATION_DISCLAIMER = "只按您说到的情况和收录的文件判断，供自查参考，以卫生健康行政部门审核为准。"
# An institution's grade below the one its type needs (dialogs/qa/situation_grade.py; s7a070): the rule
# read for its type — a 社区 乙级 is not told "乡镇乙级以上" as if it passed — and plainly "not yet".
SITUATION_GRADE_BELOW = (
    "{kind}要达到{needed}（原文：“{quote}”）；您说的是{said}{kind}，还没有达到，目前还不能申请，应先开展等级创建，"
    "达到{needed}后再申请"
)
INSTITUTION_KIND = {"community_health_center": "社区卫生服务中心", "township_health_center": "乡镇卫生院"}
# A share told as two counts (编制80个，公卫18个): the count its limit asks of that whole (dialogs/qa/need.py).
SITUATION_SHARE_NEED = (
    "   现为{share}%（{part}÷{whole_n}），要求{compare}{limit}%：按{whole}计，{part_label}至少要{need}{unit}"
)
# Below SITUATION_NOT_TAKEN: the national standard's reported figures on those figures (situation_notes.py).
SITUATION_REPORTED_REFERENCE = (
    "供参考（不是{regions}的申报条件）：据新闻报道，国家《社区医院基本标准（试行）》对这些数字的要求是——"
)
# "其他10项都达标了": what the asker says of the conditions not named, taken as said, never checked (d3008).
SITUATION_OTHERS_FAILED = (
    "ℹ️ 您说其余条件都已达标（按您说的算，没有逐项核对）：按文件，各项条件要全部达标才能申请，{titles}须先达到。"
)
SITUATION_OTHERS_REPORTED = (
    "ℹ️ 您说其余条件都已达标，但上面按新闻报道的数字有未达到的（{titles}）。{rule}（{source}）。"
    "报道数字只作参考，是否达到以正式标准为准。"
)
SITUATION_OTHERS_PASSED = (
    "ℹ️ 您说其余条件都已达标：按您说的，没有不符合的条件；这些没有逐项核对，正式申请前请用 /check 逐项自评。"
)
