"""A question naming a holiday about a date the texts move past holidays ("进展情况每个月几号报？赶上国庆
咋办"): besides the rule (遇法定节日顺延), the date it actually moves to — the occurrence of the region's
postponing deadline that falls in that holiday, moved to the next working day by the calendar's holiday
data, as /status shows it (newcomer trial 5, N10: the reply said 顺延 and never which day)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from core.model import Reply
from dialogs import render
from dialogs.qa.in_force_words import HOLIDAY_SPANS, MONTH_ASKED
from dialogs.qa.turn import Turn
from dialogs.texts import depends as T
from knowledge.base import KnowledgeBase

YEARS_AROUND = 6  # occurrences looked at before and after the day asked

WEEKEND = 5  # date.weekday() of Saturday


def annotate(text: str, turn: Turn, region: str | None, kb: KnowledgeBase, today: dt.date) -> Turn:
    """The turn with the moved date(s) after its first reply when it states a 顺延 rule and the question
    names a holiday; unchanged otherwise."""
    named = [name for name in HOLIDAY_SPANS if name in text]
    month = MONTH_ASKED.search(text) if not named else None  # 2022年10月的月报: that month's, moved or not (N7)
    calendar = kb.calendars.get(turn.region or region or "")
    if not (named or month) or calendar is None or not turn.replies or T.POSTPONE_WORD not in turn.replies[0].text:
        return turn
    if month:
        m = int(month["month"])
        (m1, d1), (m2, d2) = (m, 1), (m, 31)
    else:
        (m1, d1), (m2, d2) = HOLIDAY_SPANS[named[0]]
    first, last = today.replace(year=today.year - YEARS_AROUND), today.replace(year=today.year + YEARS_AROUND)
    year = int(month["year"]) if month and month["year"] else None
    moved = []
    for rule in calendar.rules:
        if not rule.postpone:
            continue
        for _, original, _ in rule.dates_between(first, last):
            day, _ = calendar.holidays.next_workday(original)
            in_span = (m1, d1) <= (original.month, original.day) <= (m2, d2)
            if day != original and in_span and year in (None, original.year):
                moved.append((original, day, rule.title))
    if not moved:
        return turn
    upcoming = [m for m in moved if m[1] >= today]
    original, day, title = min(upcoming) if upcoming else max(moved)
    # a weekend day that is a working day is a 调休 day: said, or "周六…工作日" reads as an error (N33)
    template = T.HOLIDAY_MOVED_SWAPPED if day.weekday() >= WEEKEND else T.HOLIDAY_MOVED
    said = named[0] if named else T.MONTH_SAID.format(month=original.month)
    line = template.format(holiday=said, title=title, original=render.date(original), moved=render.date(day))
    first_reply = turn.replies[0]
    return replace(turn, replies=(Reply(first_reply.text + "\n" + line, first_reply.buttons), *turn.replies[1:]))
