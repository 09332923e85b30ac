"""Reading a dated item a director types for an own reminder: "自评完成 3月15日", "3/15 自评完成",
"2027-03-15 交材料", "三月十五日 自评完成".

A date without a year means the next such date from today (today included). Input vocabulary lives
here; what we answer lives in dialogs/texts/tracking.py, keyed by the error codes below.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from core.text import chinese_int

MAX_TITLE_CHARS = 40
MAX_YEARS_AHEAD = 5

DateError = Literal["no_date", "several_dates", "no_such_day", "past", "too_far", "no_title", "title_too_long"]

_N = "0-9〇零一二两三四五六七八九十"
_FULL = re.compile(rf"(?<![0-9])([{_N}]{{4}})\s*[-/.年]\s*([{_N}]{{1,3}})\s*[-/.月]\s*([{_N}]{{1,3}})\s*[日号]?")
_MONTH_DAY = re.compile(rf"([{_N}]{{1,3}})\s*月\s*([{_N}]{{1,3}})\s*[日号]?")
_SLASH = re.compile(r"(?<![0-9/])([0-9]{1,2})\s*/\s*([0-9]{1,2})(?![0-9/])")
_TITLE_TRIM = " \t,，、:：;；-—~～.。!！"


@dataclass(frozen=True)
class ParsedReminder:
    title: str
    date: dt.date


def parse_reminder(text: str, today: dt.date) -> ParsedReminder | DateError:
    """The title and date of an own reminder, or why the text is not one."""
    text = unicodedata.normalize("NFKC", text).strip()
    found: list[tuple[re.Match[str], int | None, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern, has_year in ((_FULL, True), (_MONTH_DAY, False), (_SLASH, False)):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # "2027年3月15日" also contains "3月15日"
            numbers = [chinese_int(g) for g in m.groups()]
            if any(n is None for n in numbers):
                continue
            taken.append(m.span())
            year = numbers[0] if has_year else None
            month, day = numbers[-2], numbers[-1]
            found.append((m, year, month, day))  # type: ignore[arg-type]
    if not found:
        return "no_date"
    if len(found) > 1:
        return "several_dates"
    match, year, month, day = found[0]
    date = _resolve(year, month, day, today)
    if isinstance(date, str):
        return date
    title = (text[: match.start()] + " " + text[match.end() :]).strip(_TITLE_TRIM)
    title = re.sub(r"\s+", " ", title).strip(_TITLE_TRIM)
    if not title:
        return "no_title"
    if len(title) > MAX_TITLE_CHARS:
        return "title_too_long"
    return ParsedReminder(title, date)


def _resolve(year: int | None, month: int, day: int, today: dt.date) -> dt.date | DateError:
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
    if date.year > today.year + MAX_YEARS_AHEAD:
        return "too_far"
    return date


def _exists(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year: 2/29 exists
        return True
    except ValueError:
        return False
