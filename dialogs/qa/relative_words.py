"""Words of a question that asks about a time counted from today ("下个月底前要交什么", "离截止还有几天",
"最近要做啥"): input vocabulary for dialogs/qa/relative_time.py, nothing here is shown to users."""

from __future__ import annotations

from core.lazy_re import lazy
from dialogs.festival_words import EVE_WORDS, NAME

# A time counted from today: a later month or week, this month's end, "lately" (the window is
# RECENT_DAYS then), a day named by a festival or the lunar calendar before which (国庆前, 年前, 正月
# 十五前, 腊月里: the texts name none of them). Not 年底前: the texts' own steps say it (2022年底前
# 完成命名, 年底前建成多少家).
_RECENT = r"近期|最近|这几天|这段时间|这阵子"
_MONTH_END = r"(?<![0-9〇零一二两三四五六七八九十每个正冬腊])月[底末]"  # 月底, not 3月底, 每个月底, 腊月底
# 月薪 is a month's pay, not a month ("帮我算下月薪8000要交多少个税": 算下 + 月薪, sealed set 6 s6a106)
_MONTH_WEEK = r"(?:下下?个?月|这个月|本月)(?!薪)|下下?个?(?:周|星期|礼拜)|这周|本周"
_BEFORE = r"(?:之前|以前|前|为止)"
_DIGITS = "一二三四五六七八九十"
_LUNAR_DAY = rf"(?:(?:农历|阴历)[{_DIGITS}]{{1,2}}|[正冬腊])月(?:初[{_DIGITS}]|[{_DIGITS}廿]{{1,3}})"
LAST_LUNAR_MONTH = lazy(r"腊月(?:里|底|末)?")  # the window ends with the eve
_NAMED_DAY = rf"(?:{NAME}|{_LUNAR_DAY}){_BEFORE}|{EVE_WORDS}|{LAST_LUNAR_MONTH.pattern}"
RELATIVE_WHEN = lazy(rf"{_MONTH_WEEK}|{_MONTH_END}|{_RECENT}|{_NAMED_DAY}")
RECENT = lazy(_RECENT)
# With "lately" alone, what the rest asks for keeps the window only when it is handed in (最近要交什么
# 材料); "最近有什么新政策", "最近怎么样" ask about something else, searched as usual.
RECENT_KEEPS = lazy(r"材料|表格?|交|报")
# How long is left until the deadline ("离截止还有几天", "还剩多久截止").
DAYS_LEFT = lazy(r"(?:离|距离?)截止|还有几天|还剩几天|还有多少天|还剩多少天|还有多久|还剩多久|几天截止")
# What a director must do by then: asked with these words the question is about the calendar only;
# anything else beside the time (要交什么材料) is searched and the window said before its answer.
WHAT_TO_DO = lazy(
    r"(?:(?:之前|以前|前|内|里|期间)?(?:我们|咱们)?(?:要|得|需要|应该)?(?:做|干|办|忙|准备|安排)(?:啥|什么|些什么|哪些|点什么)(?:事|事情|工作)?"
    r"|(?:有|要)(?:啥|什么|哪些)(?:事|事情|工作|安排|节点)"
    r")(?=[吗呢吧啊呀么嘛?？。!！\s]*$)"  # at the end: 要准备什么材料 asks for materials
)
# Left out of the rest searched: the time words, "before", the days-left words, particles.
TIME_FILLER = lazy(
    rf"(?:到|在)?(?:{_MONTH_WEEK})(?:底|末|初|中)?(?:[0-9一二三四五六七八九十]+[号日])?"
    rf"|{_NAMED_DAY}|{_MONTH_END}|{_RECENT}|之前|以前|(?<![提目])前|为止|以内|之内"
)
PARTICLES = lazy(r"[\s，,。.!！?？~～吗呢吧啊呀么嘛]+")
# A week or month named without its day ("下周", "下个月", "本月"): the window ends with it.
WEEK_NAMED = lazy(r"(?P<which>下下|下|这|本)个?(?:周|星期|礼拜)")
MONTH_NAMED = lazy(r"(?P<which>下下|下|这|本)个?月")
AHEAD = {"下下": 2, "下": 1, "这": 0, "本": 0}
# "(下个月底前)要交什么": what is handed in is material; said so when searched ("要交什么材料").
HAND_IN = lazy(r"(?P<core>(?:交|提交|上交|报送|报)(?:些)?(?:什么|啥|哪些)(?:东西)?)[吗呢吧啊呀嘛?？。!！\s]*$")
MATERIALS = "材料"
