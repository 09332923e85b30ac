"""The wording of one nudge, made when it is sent (so "days left" counts from the day it arrives).

Pure: the caller passes what the row holds; every date the message states comes with the
calendar's citation. When the text the date comes from is not the one governing its point on the
day the nudge is sent (a later text changed it, it is not in force yet, or no loaded text covers
the day), the message says which text governs. `NudgeWording` renders a tick's rows, finding each
calendar deadline once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Protocol

from core.clock import local_today
from dialogs import render
from dialogs.nudges.plan import is_own
from dialogs.texts import nudge as T
from knowledge.base import KnowledgeBase
from knowledge.calendar import Calendar, Deadline
from knowledge.calendar.actors import institution_acts, institution_involved


class DueNudge(Protocol):
    """What a claimed nudge row tells the wording (storage.nudges.ClaimedNudge has these)."""

    @property
    def region(self) -> str | None: ...
    @property
    def deadline_id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def deadline_date(self) -> dt.date: ...
    @property
    def late(self) -> bool: ...
    @property
    def checklist(self) -> dict[str, list[str]]: ...


def find_deadline(calendar: Calendar | None, deadline_id: str, day: dt.date) -> Deadline | None:
    """The calendar's Deadline with this id on this (postponed) date, or None when the calendar no
    longer has it (the data changed since the nudge was planned)."""
    if calendar is None:
        return None
    return next((d for d in calendar.deadlines(None, day, 0) if d.id == deadline_id), None)


def governing_lines(kb: KnowledgeBase, deadline: Deadline, today: dt.date) -> list[str]:
    """The governing line of each point the deadline's citation touches whose governing text on
    `today` is not the one the date comes from; [] when the date's own text governs (the usual case)."""
    if deadline.citation is None:
        return []
    points = kb.governing.cited_points((deadline.citation,), today)
    return render.governing_lines(kb, (p.governing for p in points if not p.current))


def render_nudge(
    *,
    deadline_id: str,
    title: str,
    deadline_date: dt.date,
    today: dt.date,
    late: bool,
    deadline: Deadline | None = None,
    calendar: Calendar | None = None,
    checklist: Mapping[str, list[str]] | None = None,
    governing: Sequence[str] = (),
) -> str:
    """The message text. `deadline` is the calendar's Deadline (None for an own reminder);
    `calendar` supplies the stage's materials, `checklist` the ones the user already ticked;
    `governing` the lines of governing_lines (the date's text does not govern on `today`)."""
    own = is_own(deadline_id)
    header = (T.HEADER_OWN if own else T.HEADER) + (T.LATE_MARK if late else "")
    lines = [header]
    if late:
        lines.append(T.LATE_EXPLAIN)
    lines.append(T.TITLE.format(title=title))
    date_line = (T.DATE_LINE_OWN if own else T.DATE_LINE).format(date=render.date(deadline_date))
    lines.append(T.DATE_AND_LEFT.format(date_line=date_line, left=render.days_left(deadline_date, today)))
    if deadline is not None:
        if deadline.postponed:
            lines.append(T.POSTPONED.format(original=render.date(deadline.original_date)))
            if not deadline.official_holiday_data:
                lines.append(T.UNOFFICIAL_HOLIDAYS)
        if deadline.actor:
            lines.append(T.ACTOR.format(actor=deadline.actor))
            if not institution_acts(deadline.actor):  # an authority's step the institution prepares for
                lines.append(T.AUTHORITY_STEP)
        lines.extend(_materials(calendar, deadline.stage, checklist or {}))
        if deadline.note:
            lines.append(T.NOTE.format(note=deadline.note))
        lines.append(render.source_line(deadline.source, quote=True))
        if governing:
            lines += [T.NOT_CURRENT, *governing]
    lines.append(T.FOOTER)
    return "\n".join(lines)


def _materials(calendar: Calendar | None, stage_id: str | None, checklist: Mapping[str, list[str]]) -> list[str]:
    stage = calendar.stage(stage_id) if calendar is not None and stage_id else None
    if stage is None or not stage.materials:
        return []
    ticked = set(checklist.get(stage.id, ()))
    missing = [m for m in stage.materials if m.id not in ticked]
    if not missing:
        return [T.PREPARE_ALL_DONE]
    return [T.PREPARE_HEAD, *(T.PREPARE_ITEM.format(name=m.name) for m in missing)]


class NudgeWording:
    """Message texts for the rows of one tick, looking each calendar deadline (and which text
    governs its point on the sending day) up once."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.calendars = kb.calendars
        self._found: dict[tuple[str | None, str, dt.date], Deadline | None] = {}
        self._governing: dict[tuple[str | None, str, dt.date, dt.date], list[str]] = {}

    def text(self, item: DueNudge, moment: dt.datetime) -> str | None:
        """The message for `item` sent at `moment`; None when its deadline is no longer in the
        region's calendar or is a step of authorities only (the row is then dropped)."""
        today = local_today(moment)
        if is_own(item.deadline_id):
            return render_nudge(
                deadline_id=item.deadline_id,
                title=item.title,
                deadline_date=item.deadline_date,
                today=today,
                late=item.late,
            )
        calendar = self.calendars.get(item.region) if item.region else None
        key = (item.region, item.deadline_id, item.deadline_date)
        if key not in self._found:
            self._found[key] = find_deadline(calendar, item.deadline_id, item.deadline_date)
        deadline = self._found[key]
        if deadline is None or not institution_involved(deadline.actor):
            return None  # gone from the calendar, or (planned before this rule) a step of authorities only
        on_day = (*key, today)
        if on_day not in self._governing:
            self._governing[on_day] = governing_lines(self.kb, deadline, today)
        return render_nudge(
            deadline_id=item.deadline_id,
            title=item.title,
            deadline_date=item.deadline_date,
            today=today,
            late=item.late,
            deadline=deadline,
            calendar=calendar,
            checklist=item.checklist,
            governing=self._governing[on_day],
        )
