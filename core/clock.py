"""One clock for the whole project: China has one time zone and no daylight saving, so every
"today" and every due time is computed in Asia/Shanghai from an aware moment."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = dt.UTC


def now() -> dt.datetime:
    """The current moment, aware, in Asia/Shanghai."""
    return dt.datetime.now(SHANGHAI)


def local_today(moment: dt.datetime) -> dt.date:
    """The calendar day in China at `moment` (16:00 UTC is already the next day there).

    Raises ValueError for a naive moment: which day it is depends on the zone, so guessing one
    would put a deadline a day off."""
    if moment.tzinfo is None:
        raise ValueError("local_today needs a timezone-aware moment")
    return moment.astimezone(SHANGHAI).date()


def parse_now(text: str | None) -> dt.datetime:
    """An ISO-8601 time for --now flags ("2026-03-10T10:00", "2026-03-10T02:00Z"); a naive time
    is taken as Asia/Shanghai; None or "" is the current moment. Raises ValueError when malformed."""
    if not text:
        return now()
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=SHANGHAI)
