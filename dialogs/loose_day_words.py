"""Days a reminder names loosely (breaker brk9): input vocabulary and its readers, for dialogs/dates.py —
a week alone (下周, 下下周: that week's Monday, said so), the year's end (年底, 明年年底: 12月31日), the
same day a month or a year on (下个月的今天, 明年的今天), and a repeating day (每周一, 每月15号), which a
reminder cannot be.

Each reader returns the date (or why there is none, dates.DateError) and the label the reply shows in
brackets (None when the date speaks for itself). The week and the year's end are a reminder's only: a
question's 下周 is the whole week, 年底前 a text's own step (dialogs/qa/relative_time.py)."""

from __future__ import annotations

import datetime as dt
import re

from core.lazy_re import lazy
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
