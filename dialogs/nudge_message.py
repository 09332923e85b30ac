"""The wording of one nudge, made when it is sent (so "days left" counts from the day it arrives).

Pure: the caller passes what the row holds and the calendar entry found for it; every date the
message states comes with the calendar's citation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dialogs.nudge_plan import is_own
from dialogs.texts import nudges as T


def format_date(day: dt.date) -> str:
    return T.DATE.format(year=day.year, month=day.month, day=day.day)


def days_left_text(deadline: dt.date, today: dt.date) -> str:
    left = (deadline - today).days
    if left <= 0:
        return T.DAYS_LEFT_TODAY
    if left == 1:
        return T.DAYS_LEFT_TOMORROW
    return T.DAYS_LEFT.format(days=left)


def find_deadline(calendar: Any, deadline_id: str, day: dt.date) -> Any:
    """The calendar's Deadline with this id on this (postponed) date, or None when the calendar no
    longer has it (the data changed since the nudge was planned)."""
    if calendar is None:
        return None
    return next((d for d in calendar.deadlines(None, day, 0) if d.id == deadline_id), None)


def render_nudge(
    *,
    deadline_id: str,
    title: str,
    deadline_date: dt.date,
    today: dt.date,
    late: bool,
    deadline: Any = None,
    calendar: Any = None,
    checklist: dict[str, list[str]] | None = None,
) -> str:
    """The message text. `deadline` is the knowledge.calendar Deadline (None for an own reminder);
    `calendar` supplies the stage's materials, `checklist` the ones the user already ticked."""
    own = is_own(deadline_id)
    header = (T.HEADER_OWN if own else T.HEADER) + (T.LATE_MARK if late else "")
    lines = [header]
    if late:
        lines.append(T.LATE_EXPLAIN)
    lines.append(T.TITLE.format(title=title))
    date_line = (T.DATE_LINE_OWN if own else T.DATE_LINE).format(
        date=format_date(deadline_date), weekday=T.WEEKDAYS[deadline_date.weekday()]
    )
    lines.append(T.DATE_AND_LEFT.format(date_line=date_line, left=days_left_text(deadline_date, today)))
    if deadline is not None:
        if deadline.postponed:
            lines.append(T.POSTPONED.format(original=format_date(deadline.original_date)))
            if not deadline.official_holiday_data:
                lines.append(T.UNOFFICIAL_HOLIDAYS)
        if deadline.actor:
            lines.append(T.ACTOR.format(actor=deadline.actor))
        lines.extend(_materials(calendar, deadline.stage, checklist or {}))
        if deadline.note:
            lines.append(T.NOTE.format(note=deadline.note))
        src = deadline.source
        number = T.SOURCE_NUMBER.format(number=src.number) if src.number else ""
        lines.append(T.SOURCE.format(document=src.document, number=number, section=src.section, quote=src.quote))
    lines.append(T.FOOTER)
    return "\n".join(lines)


def _materials(calendar: Any, stage_id: str | None, checklist: dict[str, list[str]]) -> list[str]:
    stage = calendar.stage(stage_id) if calendar is not None and stage_id else None
    if stage is None or not stage.materials:
        return []
    ticked = set(checklist.get(stage.id, ()))
    missing = [m for m in stage.materials if m.id not in ticked]
    if not missing:
        return [T.PREPARE_ALL_DONE]
    return [T.PREPARE_HEAD, *(T.PREPARE_ITEM.format(name=m.name) for m in missing)]
