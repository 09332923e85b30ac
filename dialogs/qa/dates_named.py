"""A date the director names ("6月30日前要交什么") that the region's texts do not set: said to be not
that region's date (and whose date it is, when another loaded region sets it), then the region's own
dates, before the answer. Without this a Beijing director asking about 6月30日 read a confident answer
about 9月30日 and was never told that 6/30 is Jilin's date.

The region's dates are its calendar's deadline rules (knowledge/data/calendars), each occurrence's
month and day as the text states it (before any holiday postponement)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from core.model import Reply
from core.text import chinese_int, fold_chinese
from dialogs import render
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import NAMED_DATE
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.calendar import Calendar

SPAN = (dt.date(2019, 1, 1), dt.date(2030, 12, 31))  # the years the loaded texts speak of
MAX_OWN_DATES = 6


def dates_named(text: str) -> list[tuple[int, int]]:
    """(month, day) of every valid date the text names, in order."""
    out = []
    for m in NAMED_DATE.finditer(fold_chinese(text)):
        month, day = chinese_int(m["m"]), chinese_int(m["d"])
        if month and day and 1 <= month <= 12 and 1 <= day <= 31 and (month, day) not in out:
            out.append((month, day))
    return out


def own_dates(calendar: Calendar) -> dict[tuple[int, int], str]:
    """(month, day) -> the title of the first deadline rule on that day, over the texts' years."""
    found: dict[tuple[int, int], str] = {}
    for rule in calendar.rules:
        for _, day, _ in rule.dates_between(*SPAN):
            found.setdefault((day.month, day.day), rule.title)
    return found


def annotate(text: str, turn: Turn, region: str | None, kb: KnowledgeBase) -> Turn:
    """The turn with a note in front when the question names a date the region's texts do not set."""
    calendar = kb.calendars.get(region) if region else None
    if calendar is None or not turn.replies:
        return turn
    own = own_dates(calendar)
    missing = [md for md in dates_named(text) if md not in own]
    if not missing:
        return turn
    name = render.region_name(kb, calendar.region)
    notes = []
    for month, day in missing:
        others = [
            render.region_name(kb, r)
            for r, c in kb.calendars.items()
            if r != calendar.region and (month, day) in own_dates(c)
        ]
        said = T.DATE_NAMED.format(month=month, day=day)
        elsewhere = T.DATE_ELSEWHERE.format(date=said, regions="、".join(others)) if others else ""
        notes.append(T.DATE_NOT_OURS.format(region=name, date=said, elsewhere=elsewhere))
    listed = sorted(own.items())[:MAX_OWN_DATES]
    dates = T.FACT_SEPARATOR.join(T.DATE_OWN_ITEM.format(month=m, day=d, title=t) for (m, d), t in listed)
    notes.append(T.DATE_OWN_LIST.format(region=name, dates=dates) if listed else T.DATE_OWN_NONE.format(region=name))
    first = turn.replies[0]
    head = Reply("\n".join(notes) + "\n\n" + first.text, first.buttons, first.document, first.expects_number)
    return replace(turn, replies=(head, *turn.replies[1:]))
