"""Days named by a festival or the new year's eve, as a director types them for a reminder ("国庆前
交材料", "中秋 值班", "年前 开个会") or asks about a time counted from today ("元旦前要做什么", "清明前要
交什么"): input vocabulary and its reader, for dialogs/dates.py and dialogs/qa/relative_words.py.

"X前" is the last day before the festival, as 年前/春节前 was already the eve (newcomer trial 6, N18);
"X后" is no day (when the holiday ends depends on the year's notice), so it is not matched. A lunar
festival is converted with lunardate, 清明 (a solar term) is chinese_calendar's."""

from __future__ import annotations

import datetime as dt
import re

import chinese_calendar
from lunardate import LunarDate

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
    "劳动节": ("solar", 5, 1),
    "五一": ("solar", 5, 1),
    "端午": ("lunar", 5, 5),
    "中秋": ("lunar", 8, 15),
    "国庆": ("solar", 10, 1),
    "重阳": ("lunar", 9, 9),
}
_WHEN = {"solar": "{m}月{d}日", "lunar": "农历{m}月{d}"}
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
NAME = rf"元旦|春节|元宵节?|清明节?|劳动节|{_MAY_DAY}|端午节?|中秋节?|国庆节?|重阳节?"
# A festival, with 前 when the day before it is meant; never followed by 后 ("国庆后" is no day).
FESTIVAL = re.compile(rf"(?P<eve>{EVE_WORDS})|(?P<name>{NAME})(?P<before>之前|以前|前)?(?![之以]?后)")


def eve(today: dt.date) -> dt.date:
    """The coming 除夕 (today included): the day before 正月初一."""
    eves = [LunarDate(y, 1, 1).to_solar_date() - dt.timedelta(days=1) for y in (today.year, today.year + 1)]
    return next(d for d in eves if d >= today)


def festival_day(m: re.Match[str], today: dt.date) -> tuple[dt.date, str]:
    """The coming day a FESTIVAL match names (today included) and how the reply labels it."""
    if m["eve"]:
        return eve(today), EVE_LABEL
    name = m["name"] if m["name"] in _FESTIVALS else m["name"].removesuffix("节")  # 春节 keeps its 节
    kind, month, day = _FESTIVALS[name]
    before = dt.timedelta(days=1 if m["before"] else 0)
    days = [_day(kind, month, day, y) for y in (today.year, today.year + 1, today.year + 2)]
    found = next(d for d in days if d - before >= today)
    shown = name if name.endswith("节") or name in ("元旦", "五一") else name + "节"
    if m["before"]:
        return found - before, T.FESTIVAL_BEFORE_LABEL.format(name=shown)
    if kind == "lunar":
        when = _WHEN[kind].format(m=_LUNAR_MONTHS[month - 1], d=_LUNAR_DAYS[day - 1])
    else:  # 清明 moves between 4 and 6 April: the day found
        when = _WHEN["solar"].format(m=found.month, d=found.day)
    return found, T.FESTIVAL_LABEL.format(name=shown, when=when)


def _day(kind: str, month: int, day: int, year: int) -> dt.date:
    if kind == "solar":
        return dt.date(year, month, day)
    if kind == "lunar":
        return LunarDate(year, month, day).to_solar_date()
    terms = chinese_calendar.get_solar_terms(dt.date(year, month, day), dt.date(year, month, day + 9))
    return next(d for d, name in terms if name == "清明")
