"""Whether one can still apply now ("今年还能报吗", "现在还能申请吗", "还来得及吗"): answered from the
region's calendar on the day asked — its next deadline of the director's own steps, and the day's
status note (which text governs, that a dated schedule is over, that applications are taken all
year, whom to ask) — with their sources. Before, such a question got the plan's targets (北京: 2022's
新建10家) or suggestions (newcomer2 F6)."""

from __future__ import annotations

import datetime as dt

from core.model import Reply
from dialogs import render
from dialogs.qa.in_force_words import CONDITION_UNMET
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import BARRING_FACTS, STILL_OPEN, YES_WORDS
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.calendar.actors import own_deadlines, own_stages


def names_a_bar(text: str, region: str, kb: KnowledgeBase) -> bool:
    """The question names a situation that bars applying in the region's rules (出租科室, 医疗事故, 骗保):
    "出租科室了还能申请吗" asks about that bar, answered by the situation or its rule, not by the
    calendar's "any time" (newcomer trial 5, N1: in 渝中 the calendar's 常态化受理 answered it)."""
    rules = kb.rules.get(region)
    ruled = {f for c in rules.criteria for f in c.fields} if rules is not None else set()
    return any(w in text for f in BARRING_FACTS if f in ruled for w in YES_WORDS[f])


def reply(text: str, region: str | None, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """The answer for `region` on `today`; None when the text does not ask this, or no region is
    known (the region decides the answer) or it has no calendar."""
    if region is None or not STILL_OPEN.search(text) or names_a_bar(text, region, kb) or CONDITION_UNMET.search(text):
        return None
    calendar = kb.calendars.get(region)
    if calendar is None:
        return None
    upcoming = sorted(
        (d for s in own_stages(calendar) for d in own_deadlines(calendar, s, today)), key=lambda d: d.date
    )
    note = calendar.status_on(today)
    lines = [T.STILL_OPEN_HEADER.format(region=render.region_name(kb, region), today=render.date(today, weekday=False))]
    sources = []
    if upcoming:
        d = upcoming[0]
        lines.append(
            T.STILL_OPEN_NEXT.format(date=render.date(d.date), left=render.days_left(d.date, today), title=d.title)
        )
        sources.append(d.source)
    if note is not None:
        lines.append(note.text)
        sources += list(note.sources)
    if not upcoming and note is None:
        lines.append(T.STILL_OPEN_UNKNOWN)
    sources = render.distinct_sources(sources)
    lines += [render.source_line(s) for s in sources]
    return Turn("in_force", "answer", (Reply("\n".join(lines)),), region, 1.0, (), tuple(sources))
