"""Days named by a festival or the new year's eve, as a director types them for a reminder ("国庆前
交材料", "中秋 值班", "年前 开个会") or asks about a time counted from today ("元旦前要做什么", "清明前要
交什么"): input vocabulary and its reader, for dialogs/dates.py and dialogs/qa/relative_words.py.

"X前" is the last day before the festival, as 年前/春节前 was already the eve (newcomer trial 6, N18);
"X后" is no day (when the holiday ends depends on the year's notice), so it is not matched — nor is
"X节后", once read as the festival itself with 节后 left in the title (brk9 D1). A count of days or
weeks from the festival is a day (中秋前一周, 端午节前三天, 中秋后一周, 春节前两周: brk9 D2/D3). A lunar
festival is converted with lunardate, 清明 and 冬至 (solar terms) are chinese_calendar's."""

from __future__ import annotations

import datetime as dt
import re

import chinese_calendar
from lunardate import LunarDate

from core.text import chinese_int
from dialogs.texts import tracking as T

EVE_LABEL = "农历除夕，春节前最后一天"
# 年前/春节前/除夕/腊月底: the coming 除夕. Not 两年前, 今年前(三季度), 几年前 (N18).
_NOT_BEFORE_YEAR = "0-9〇零一二两三四五六七八九十廿几多半今去明前后每当同"
EVE_WORDS = rf"除夕|大年三十|春节前|过年前|(?:农历|阴历)?腊月[底末]|(?<![{_NOT_BEFORE_YEAR}])年前"
# Each festival's names, its kind (a solar day, a lunar day, a solar term) and its day.
_FESTIVALS: dict[str, tuple[str, int, int]] = {
    "元旦": ("solar", 1, 1),
    "春节": ("lunar", 1, 1),
    "元宵": ("lunar", 1, 15),
    "清明": ("term", 4, 1),  # the 清明 term falls on 4–6 April: looked for from the 1st
    "冬至": ("term", 12, 18),  # 21–23 December (brk9 D4)
    "劳动节": ("solar", 5, 1),
    "五一": ("solar", 5, 1),
    "端午": ("lunar", 5, 5),
    "中秋": ("lunar", 8, 15),
    "国庆": ("solar", 10, 1),
    "重阳": ("lunar", 9, 9),
}
_WHEN = {"solar": "{m}月{d}日", "lunar": "农历{m}月{d}"}
_NO_JIE = ("元旦", "五一", "冬至")  # said without 节
_LUNAR_MONTHS = "正二三四五六七八九十冬腊"
_LUNAR_DAYS = (
    "初一",
    "初二",
    "初三",
    "初四",
    "初五",
    "初六",
    "初七",
    "初八",
    "初九",
    "初十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
)
_NUMERAL = "0-9〇零一二两三四五六七八九十"
_MAY_DAY = rf"(?<![第{_NUMERAL}])五一(?![{_NUMERAL}条款项号])"  # not 第五一条, 五一二
NAME = rf"元旦|春节|元宵节?|清明节?|劳动节|{_MAY_DAY}|端午节?|中秋节?|国庆节?|重阳节?|冬至"
# A count of days or weeks from a festival (前三天, 后一周, 前两个星期): days per unit.
_COUNT = rf"[{_NUMERAL}]{{1,3}}"
_UNIT = r"天|日|周|个星期|个礼拜|星期|礼拜"
_UNIT_DAYS = {"天": 1, "日": 1}  # any other unit is a week
# A festival (端午节前后, 中秋左右: the day itself, 前后 not left in the title), with 前 when the day before
# it is meant, or a count of days before or after it; never followed by 后 alone ("国庆后" is no day), nor
# cut before its 节 ("中秋节后": not 中秋 + 节后).
FESTIVAL = re.compile(
    rf"(?:(?P<eve>{EVE_WORDS})|(?P<name>{NAME})(?!节))"
    rf"(?:(?P<before>之前|以前|前)?(?P<bn>{_COUNT})\s*(?P<bu>{_UNIT})(?![之以]?[前后])"
    rf"|(?P<after>之后|以后|后)(?P<an>{_COUNT})\s*(?P<au>{_UNIT})(?![之以]?[前后])"
    rf"|(?P<around>前后|左右)|(?P<before_only>之前|以前|前))?"
    rf"(?![之以]?后)"
)

# "国庆节后", "中秋以后": after a festival with no count — no day (the holiday's end is the year's notice's).
AFTER_FESTIVAL = re.compile(rf"(?:{NAME})[之以]?后(?!天)")


def eve(today: dt.date) -> dt.date:
    """The coming 除夕 (today included): the day before 正月初一."""
    eves = [LunarDate(y, 1, 1).to_solar_date() - dt.timedelta(days=1) for y in (today.year, today.year + 1)]
    return next(d for d in eves if d >= today)


def festival_day(m: re.Match[str], today: dt.date) -> tuple[dt.date, str] | None:
    """The coming day a FESTIVAL match names (today included) and how the reply labels it; None for a
    count of days that is neither before nor after it (除夕三天)."""
    counted = _counted_days(m)
    if m["eve"]:
        # 春节前/年前 already say "before 春节": 春节前两周 counts back from 春节; 除夕前三天 from the eve
        before_new_year = m["eve"].endswith("前")
        if counted is None:
            return eve(today), EVE_LABEL
        if not (m["before"] or before_new_year):
            return None
        offset = dt.timedelta(days=1 if before_new_year else 0)
        eves = (eve(today), eve(eve(today) + dt.timedelta(days=1)))
        day = next(e + offset for e in eves if e + offset - dt.timedelta(days=counted) >= today)
        shown, when = (T.SPRING_FESTIVAL, T.SPRING_FESTIVAL_WHEN) if before_new_year else (T.EVE, T.EVE_WHEN)
        return day - dt.timedelta(days=counted), _offset_label(m, shown, when, day)
    name = m["name"] if m["name"] in _FESTIVALS else m["name"].removesuffix("节")  # 春节 keeps its 节
    kind, month, day = _FESTIVALS[name]
    if counted is not None and not (m["before"] or m["after"]):
        return None
    shift = -(counted or 0) if m["after"] is None else counted or 0
    before = 1 if m["before_only"] else 0
    days = [_day(kind, month, day, y, name) for y in (today.year, today.year + 1, today.year + 2)]
    found = next(d for d in days if d - dt.timedelta(days=before) + dt.timedelta(days=shift) >= today)
    shown = name if name.endswith("节") or name in _NO_JIE else name + "节"
    # 清明 and 冬至 move by a day or two: the day found
    when = _lunar_when(month, day) if kind == "lunar" else _WHEN["solar"].format(m=found.month, d=found.day)
    if counted is not None:
        return found + dt.timedelta(days=shift), _offset_label(m, shown, when, found)
    if m["before_only"]:
        return found - dt.timedelta(days=1), T.FESTIVAL_BEFORE_LABEL.format(name=shown)
    return found, T.FESTIVAL_LABEL.format(name=shown, when=when)


def _counted_days(m: re.Match[str]) -> int | None:
    """The days a count before or after the festival stands for (前一周: 7), or None without one."""
    count, unit = (m["an"], m["au"]) if m["an"] else (m["bn"], m["bu"])
    if count is None:
        return None
    n = chinese_int(count)
    return None if n is None else n * _UNIT_DAYS.get(unit, 7)


def _lunar_when(month: int, day: int) -> str:
    return _WHEN["lunar"].format(m=_LUNAR_MONTHS[month - 1], d=_LUNAR_DAYS[day - 1])


def _offset_label(m: re.Match[str], shown: str, when: str, festival: dt.date) -> str:
    """中秋节前一周（中秋节是农历八月十五，2027年9月15日）: the count as typed and the festival's day."""
    side = T.FESTIVAL_AFTER if m["after"] else T.FESTIVAL_BEFORE
    count = (m["an"] or m["bn"]) + (m["au"] or m["bu"])
    return T.FESTIVAL_OFFSET_LABEL.format(
        name=shown, side=side, count=count, when=when, year=festival.year, month=festival.month, day=festival.day
    )


def _day(kind: str, month: int, day: int, year: int, name: str) -> dt.date:
    if kind == "solar":
        return dt.date(year, month, day)
    if kind == "lunar":
        return LunarDate(year, month, day).to_solar_date()
    terms = chinese_calendar.get_solar_terms(dt.date(year, month, day), dt.date(year, month, day + 9))
    return next(d for d, term in terms if term == name)
