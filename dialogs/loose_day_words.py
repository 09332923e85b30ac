"""Days a reminder names loosely (breaker brk9): input vocabulary and its readers, for dialogs/dates.py —
a week alone (下周, 下下周: that week's Monday, said so), the year's end (年底, 明年年底: 12月31日), the
same day a month or a year on (下个月的今天, 明年的今天), a repeating day (每周一, 每月15号), which a
reminder cannot be, days counted from today (明天, 3天后, 两周后; 昨天 is past) and a month and day written
with a dot (12.31).

Each reader returns the date (or why there is none, dates.DateError) and the label the reply shows in
brackets (None when the date speaks for itself). The week and the year's end are a reminder's only: a
question's 下周 is the whole week, 年底前 a text's own step (dialogs/qa/relative_time.py)."""

from __future__ import annotations

import datetime as dt
import re

from core.lazy_re import lazy
from core.text import chinese_int
from dialogs.date_math import DateError, months_later, within_reach
from dialogs.texts import tracking as T

# 下周 / 下下周 with no day (下周五, 下周末, 下周内 are not this).
WEEK_ALONE = lazy(r"(?P<which>下下个?|下个?)(?:周|星期|礼拜)(?![一二三四五六日天1-7末内里])")
# 年底 / 年末, of this year or a named one (not 年底前三季度-like numbers after it).
YEAR_END = lazy(r"(?P<year>今年|明年|后年)?的?年[底末]")
# The same day a month or a year on: "下个月的今天" was today, titled 下个月的 (brk9 D11).
SAME_DAY_LATER = lazy(r"(?P<which>下下个?月|下个?月|明年|后年)的?(?:今天|这一天|这天|同一天)")
# A day that repeats: a reminder is for one day (每周一 开会 was next Monday, titled 每 开会: brk9 D10).
_N = "0-9一二三四五六七八九十廿"
RECURRING = lazy(rf"每个?(?:周|星期|礼拜)[一二三四五六日天1-7]|每个?月\s*[{_N}]+\s*[号日]|每年\s*[{_N}]+\s*月")
_COUNT = "0-9〇零一二两三四五六七八九十廿百千"
# Days counted from today. The count stands alone: "1000天后" was read as 000天后, today, titled "1 交材料"
# (brk10); a sign before it (-3天后) is no count either.
COUNTED = lazy(
    rf"(?P<word>大后天|后天|明天|今天)"
    rf"|(?<![{_COUNT}.\-−负])(?P<n>[{_COUNT}]{{1,4}}|半)\s*(?P<unit>天|周|个星期|个礼拜|个月|年)[以之]?后"
)
_COUNTED_DAYS = {"今天": 0, "明天": 1, "后天": 2, "大后天": 3}
# A day gone, when a reminder names no other day (昨天 交材料: it was titled 昨天 交材料 and its date asked;
# 昨天开会说的材料 下周五 is 下周五's)
PAST_DAY = lazy(r"大前天|前天|昨天")
# 12.31, 3.15号 (the way a date is often written in a notice or a chat): a month and a day that can be,
# not part of a longer number (2.5万, 0.75, 1.2.3) nor a figure with its unit after it (3.5亩, 1.5个)
DOTTED = lazy(
    r"(?<![0-9.])(?P<m>1[0-2]|0?[1-9])\.(?P<d>3[01]|[12][0-9]|0?[1-9])(?:[日号])?(?![0-9.%万千百亿个倍元年岁亩平米天周月小分])"
)
_YEARS = {None: 0, "今年": 0, "明年": 1, "后年": 2}
_MONTHS = {"下月": 1, "下个月": 1, "下下月": 2, "下下个月": 2, "明年": 12, "后年": 24}


def week_alone(m: re.Match[str], today: dt.date) -> tuple[dt.date | DateError, str | None]:
    """下周 -> next week's Monday (下下周: the one after), labelled so."""
    which = m["which"].rstrip("个")
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7 * len(which))
    return monday, T.WEEK_START_LABEL.format(which=which)


def year_end(m: re.Match[str], today: dt.date) -> tuple[dt.date | DateError, str | None]:
    """年底 -> 12月31日 of this year (明年年底: next year's), labelled so."""
    day = dt.date(today.year + _YEARS[m["year"]], 12, 31)
    return within_reach(day, today), T.YEAR_END_LABEL


def same_day_later(m: re.Match[str], today: dt.date) -> tuple[dt.date | DateError, str | None]:
    """下个月的今天 -> the same day next month (or that month's last day when it is shorter)."""
    return within_reach(months_later(today, _MONTHS[m["which"]]), today), None


def counted(m: re.Match[str], today: dt.date) -> tuple[dt.date | DateError, str | None] | None:
    """明天, 3天后, 两周后, 三个月后 (the same day of that month), 半个月后 (15 days) -> the day."""
    if m["word"]:
        return today + dt.timedelta(days=_COUNTED_DAYS[m["word"]]), None
    n, unit = (0.5 if m["n"] == "半" else chinese_int(m["n"])), m["unit"]
    if n is None or (n == 0.5 and unit in ("天", "周")):
        return None  # 半天后 is no day
    if unit in ("个月", "年"):
        months = int(n * (12 if unit == "年" else 1))
        day = months_later(today, min(months, 12 * 100)) if months else today + dt.timedelta(days=15)
    else:
        day = today + dt.timedelta(days=min(int(n) * (1 if unit == "天" else 7), 366 * 100))
    return within_reach(day, today), None


def past_day(m: re.Match[str], today: dt.date) -> tuple[DateError, None]:
    """昨天, 前天: a day gone, which a reminder cannot be set for."""
    return "past", None
