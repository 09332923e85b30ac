"""Calendar arithmetic for the dates a director types (dialogs/dates.py, dialogs/festival_words.py):
the next such day from today, months later, a lunar date on the solar calendar (lunardate, 1900–2099).
Split from dates.py by job: that module reads the words, this one counts the days."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

from lunardate import LunarDate

MAX_YEARS_AHEAD = 5
JUST_PASSED_DAYS = 31  # a day typed without its year that passed this recently was likely meant as passed

DateError = Literal[
    "no_date",
    "several_dates",
    "no_such_day",
    "past",
    "too_far",
    "no_title",
    "title_too_long",
    "after_festival",
    "recurring",
    "no_leap_month",
]


def add_months(first: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after the month of `first`."""
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or that month's last day when it is shorter (1月31日 + 1 -> 2月28日)."""
    first = add_months(day.replace(day=1), months)
    return first.replace(day=min(day.day, calendar.monthrange(first.year, first.month)[1]))


def within_reach(date: dt.date, today: dt.date) -> dt.date | DateError:
    """The date, or too_far when a reminder may not be set that far ahead."""
    return "too_far" if date.year > today.year + MAX_YEARS_AHEAD else date


def resolve(year: int | None, month: int, day: int, today: dt.date) -> dt.date | DateError:
    """The solar date; without a year the next such date from today (today included)."""
    if year is None:
        # The next such date: this year if it is still to come, else the first later year that has
        # it (29 February waits for the next leap year).
        for candidate in range(today.year, today.year + 9):
            try:
                date = dt.date(candidate, month, day)
            except ValueError:
                if not _exists(month, day):
                    return "no_such_day"
                continue
            if date >= today:
                return date
        return "no_such_day"
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return "no_such_day"
    if date < today:
        return "past"
    return within_reach(date, today)


def just_passed(month: int, day: int, today: dt.date) -> bool:
    """The month and day fell within the last JUST_PASSED_DAYS days (this year's or, in January, last
    year's: 12月30日 typed on 1月5日)."""
    for year in (today.year, today.year - 1):
        try:
            ago = (today - dt.date(year, month, day)).days
        except ValueError:
            continue  # 2月29日 of a common year
        if 0 < ago <= JUST_PASSED_DAYS:
            return True
    return False


def lunar_to_solar(year: int | None, month: int, day: int | None, leap: bool, today: dt.date) -> dt.date | DateError:
    """The solar date of a lunar one (`day` None: the month's last day, 30 or 29): the next from today
    when no year is given (the lunar year straddles two solar ones, so the current and the next lunar
    year are both tried)."""
    # A 30th exists only in some lunar years: look as far ahead as a reminder may be set.
    years = [year] if year is not None else list(range(today.year - 1, today.year + MAX_YEARS_AHEAD + 1))
    if year is None and day == 30 and not _coming_has_30th(month, leap, today):
        return "no_such_day"  # the coming 八月 has 29 days: not a 30th years away, said nowhere (brk9 D5)
    dates = []
    for y in years:
        for d in (day,) if day is not None else (30, 29):
            try:
                dates.append(LunarDate(y, month, d, leap).to_solar_date())
                break
            except ValueError:
                continue  # no such day in that lunar year (a 29-day month, no leap month)
    coming = [d for d in dates if d >= today]
    if leap and year is None and not coming:  # 闰四月 of no year within reach (brk11 B14: "2月没有30日")
        return "no_leap_month"
    if not dates:
        return "no_such_day"
    if not coming:  # with a year given it is past; without, the next one is beyond the years tried
        return "past" if year is not None else "too_far"
    return within_reach(min(coming), today)


def _coming_has_30th(month: int, leap: bool, today: dt.date) -> bool:
    """Whether the coming lunar `month` (the first whose last day is today or later) has a 30th; True
    when no such month is near (a leap month of no coming year: lunar_to_solar says so)."""
    for y in range(today.year - 1, today.year + MAX_YEARS_AHEAD + 1):
        try:
            last = LunarDate(y, month, 29, leap).to_solar_date()
        except ValueError:
            continue
        try:
            last = LunarDate(y, month, 30, leap).to_solar_date()
        except ValueError:
            if last >= today:
                return False
            continue
        if last >= today:
            return True
    return True


def _exists(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year: 2/29 exists
        return True
    except ValueError:
        return False
