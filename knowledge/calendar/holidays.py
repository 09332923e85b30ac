"""Working days in mainland China, for deadlines the text moves past statutory holidays (遇法定节日顺延).

chinese_calendar carries the State Council's yearly holiday notices (holidays and the weekend days
made working days, 调休) — the only correct answer, since the schedule is decided each year. For a
year it does not cover yet (it raises NotImplementedError), we fall back to weekends plus the
fixed-date statutory holidays and the dates in `holidays_override.yaml`, and say the result is not
official so the assistant can tell the user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import chinese_calendar

from knowledge.yaml_read import read_yaml

OVERRIDE_FILE = "holidays_override.yaml"
MAX_POSTPONE_DAYS = 31  # no holiday run is this long; guards against a broken override file


@dataclass(frozen=True)
class Holidays:
    fixed: frozenset[tuple[int, int]] = frozenset()  # (month, day) off every year, for the fallback
    extra_off: frozenset[dt.date] = frozenset()  # override: days off in uncovered years (春节 …)
    extra_work: frozenset[dt.date] = frozenset()  # override: weekend days made working days (调休)
    file: str = field(default="", compare=False)
    # next_workday answers, memoised: chinese_calendar's lookup costs ~50 µs, and nudge planning
    # asks the same few dates for every user.
    _memo: dict[dt.date, tuple[dt.date, bool]] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def is_workday(self, day: dt.date) -> tuple[bool, bool]:
        """(is a working day, answer comes from the official schedule)."""
        try:
            return chinese_calendar.is_workday(day), True
        except NotImplementedError:
            pass
        if day in self.extra_work:
            return True, False
        off = day.weekday() >= 5 or (day.month, day.day) in self.fixed or day in self.extra_off
        return not off, False

    def next_workday(self, day: dt.date) -> tuple[dt.date, bool]:
        """The day itself when it is a working day, else the first working day after it; and whether
        every day looked at came from the official schedule."""
        if day not in self._memo:
            self._memo[day] = self._next_workday(day)
        return self._memo[day]

    def _next_workday(self, day: dt.date) -> tuple[dt.date, bool]:
        official = True
        for _ in range(MAX_POSTPONE_DAYS):
            works, from_official = self.is_workday(day)
            official = official and from_official
            if works:
                return day, official
            day += dt.timedelta(days=1)
        raise ValueError(f"no working day within {MAX_POSTPONE_DAYS} days of {day}: check {self.file}")


def load_holidays(directory: Path) -> Holidays:
    path = directory / OVERRIDE_FILE
    if not path.exists():
        return Holidays()
    raw = read_yaml(path) or {}
    fixed = frozenset(_month_day(str(s)) for s in raw.get("fixed_holidays") or ())
    return Holidays(
        fixed=fixed,
        extra_off=frozenset(_date(d) for d in raw.get("holidays") or ()),
        extra_work=frozenset(_date(d) for d in raw.get("workdays") or ()),
        file=path.name,
    )


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    dt.date(2000, int(month), int(day))  # raises on 13-01 or 02-30 (2000 is a leap year: 02-29 allowed)
    return int(month), int(day)


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def covered_by_official_data(year: int) -> bool:
    try:
        chinese_calendar.is_workday(dt.date(year, 1, 1))
        return True
    except NotImplementedError:
        return False
