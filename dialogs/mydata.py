"""/mydata's file made readable (M1): the rows storage exports, keyed by their database columns, turned
into Chinese keys (dialogs/texts/mydata.py) and values a director reads — 是/否, dates in Beijing time,
the region and stage by name, each self-assessment answer under its question's label. Nothing is left
out: a column or dialog datum with no label of its own is still shown, under a numbered Chinese key."""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.clock import SHANGHAI
from dialogs import render
from dialogs.questionnaire.prompts import show_value
from dialogs.texts import mydata as T
from knowledge.base import KnowledgeBase

# Columns that are the sender's bookkeeping, not something the director told or set.
TECHNICAL = frozenset({"key", "deadline_id", "claim_token", "claimed_by", "claimed_at", "token", "shown", "version"})

SUMMARY_ANSWERS = 8  # answers named in the chat's summary; the file has them all
SUMMARY_REMINDERS = 5
_ORDER = {column: n for n, column in enumerate(T.COLUMNS)}  # columns in the order texts/mydata.py lists them


def readable(raw: dict[str, Any], kb: KnowledgeBase) -> dict[str, Any]:
    """{section title: rows} from storage.users.export_user's {table name: rows} (the user's row a dict,
    the others lists of dicts, dates as ISO strings); empty when nothing is stored."""
    if not raw:
        return {T.NOTE_KEY: T.NOTE}
    out: dict[str, Any] = {T.NOTE_KEY: T.NOTE}
    user = raw.get("user") or {}
    for table, rows in raw.items():
        title = T.SECTIONS.get(table, T.OTHER_COLUMN.format(n=len(out)))
        if table == "profile_answers":
            out[title] = {_field_label(kb, r.get("field_name")): _answer(kb, r) for r in rows}
        elif isinstance(rows, list):
            out[title] = [_row(r, kb, user) for r in rows]
        else:
            out[title] = _row(rows, kb, user)
    return out


def summary(raw: dict[str, Any], kb: KnowledgeBase) -> str:
    """A few lines for the chat, beside the file (newcomer trial 8, N37: a director wanted to read what is
    stored without opening a JSON file): region and stage, the reminder settings, the self-assessment
    answers (up to SUMMARY_ANSWERS by label), own reminders (up to SUMMARY_REMINDERS) and how many
    questions were recorded; the file holds everything. `raw` as storage.users.export_user gives it."""
    user = raw.get("user") or {}
    if not user:
        return T.SUMMARY_NOTHING
    region = user.get("region")
    lines = [
        T.SUMMARY_HEAD,
        T.SUMMARY_REGION.format(region=render.region_name(kb, region) if region else T.NONE),
        T.SUMMARY_STAGE.format(stage=_stage_name(kb, region, user["stage"]) if user.get("stage") else T.NONE),
    ]
    days = T.SUMMARY_DAYS_SEPARATOR.join(str(d) for d in user.get("reminder_days") or [])
    state = T.SUMMARY_MUTED if user.get("muted") else T.SUMMARY_ON
    if not user.get("muted") and user.get("snoozed_until"):
        state = T.SUMMARY_SNOOZED.format(date=_when(str(user["snoozed_until"])))
    lines.append(T.SUMMARY_REMINDING.format(days=days or T.NONE, state=state))
    answers = raw.get("profile_answers") or []
    shown = [T.SUMMARY_ITEM.format(label=_field_label(kb, r.get("field_name")), value=_answer(kb, r)) for r in answers]
    lines.append(T.SUMMARY_ANSWERS.format(n=len(answers)) + _listed(shown, SUMMARY_ANSWERS))
    # by date, as /remind and /status list them (trial 11, N12: stored order, 12月9日 before 12月3日)
    reminders = sorted(raw.get("own_reminders") or [], key=lambda r: str(r.get("date")))
    named = [T.SUMMARY_ITEM.format(label=_when(str(r.get("date"))), value=r.get("title", "")) for r in reminders]
    lines.append(T.SUMMARY_REMINDERS.format(n=len(reminders)) + _listed(named, SUMMARY_REMINDERS))
    lines.append(T.SUMMARY_QUESTIONS.format(n=len(raw.get("unanswered_questions") or [])))
    return "\n".join(lines)


def _listed(items: list[str], most: int) -> str:
    if not items:
        return ""
    more = T.SUMMARY_MORE.format(n=len(items) - most) if len(items) > most else ""
    return T.SUMMARY_LIST.format(items=T.SUMMARY_SEPARATOR.join(items[:most]), more=more)


def _row(row: dict[str, Any], kb: KnowledgeBase, user: dict[str, Any]) -> dict[str, Any]:
    """One row; the sender's bookkeeping (keys, tokens, instance names) under one 技术信息 entry last."""
    out: dict[str, Any] = {}
    technical: dict[str, Any] = {}
    for n, (column, value) in enumerate(sorted(row.items(), key=lambda kv: _ORDER.get(kv[0], len(_ORDER))), 1):
        into = technical if column in TECHNICAL else out
        into[T.COLUMNS.get(column, T.OTHER_COLUMN.format(n=n))] = _value(column, value, kb, user)
    if technical:
        out[T.TECHNICAL] = technical
    return out


def _value(column: str, value: Any, kb: KnowledgeBase, user: dict[str, Any]) -> Any:
    if value is None:
        return T.NONE
    if isinstance(value, bool):
        return T.YES if value else T.NO
    if column == "region":
        return render.region_name(kb, value)
    if column == "stage":
        return _stage_name(kb, user.get("region"), value)
    if column == "channel":
        return T.CHANNELS.get(value, value)
    if column == "status":
        return T.NUDGE_STATUS.get(value, value)
    if column == "dialog":
        return T.DIALOGS.get(value, value)
    if column == "checklist" and isinstance(value, dict):
        return {
            _stage_name(kb, user.get("region"), s): _materials(kb, user.get("region"), s, t) for s, t in value.items()
        }
    if column == "seen_notes" and isinstance(value, dict):  # {note key: ISO time}: the times are what it says
        return [_when(str(when)) for when in value.values()]
    if column == "replies" and isinstance(value, list):
        return [r.get("text", "") if isinstance(r, dict) else str(r) for r in value]
    if isinstance(value, dict):
        return _plain(value, kb)
    if isinstance(value, str) and (column.endswith(("_at", "date")) or column == "snoozed_until"):
        return _when(value)
    return value


def _plain(data: dict[str, Any], kb: KnowledgeBase) -> dict[str, Any]:
    """Dialog data (internal keys): a field name shown as its label, other keys numbered."""
    out: dict[str, Any] = {}
    for n, (key, value) in enumerate(data.items(), 1):
        label = _field_label(kb, key) if key in kb.fields else T.COLUMNS.get(key, T.DATA_ENTRY.format(n=n))
        out[label] = _plain(value, kb) if isinstance(value, dict) else value
    return out


def _field_label(kb: KnowledgeBase, name: Any) -> str:
    spec = kb.fields.get(str(name))
    return spec.label if spec is not None else str(name)


def _answer(kb: KnowledgeBase, row: dict[str, Any]) -> Any:
    spec = kb.fields.get(str(row.get("field_name")))
    return show_value(spec, row.get("value")) if spec is not None else row.get("value")


def _stage_name(kb: KnowledgeBase, region: Any, stage: str) -> str:
    calendar = kb.calendars.get(str(region)) if region else None
    found = calendar.stage(stage) if calendar is not None else None
    return found.name if found is not None else stage


def _materials(kb: KnowledgeBase, region: Any, stage: str, ticked: list[str]) -> list[str]:
    calendar = kb.calendars.get(str(region)) if region else None
    found = calendar.stage(stage) if calendar is not None else None
    names = {m.id: m.name for m in found.materials} if found is not None else {}
    return [names.get(m, m) for m in ticked]


def _when(text: str) -> str:
    """An ISO date or time as 2026年3月10日 (10:00, Beijing time); any other text as it is."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    if len(text) == len("2026-03-10"):
        return T.DAY.format(y=moment.year, m=moment.month, d=moment.day)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone(SHANGHAI)
    return T.DATETIME.format(y=local.year, m=local.month, d=local.day, hm=local.strftime("%H:%M"))
