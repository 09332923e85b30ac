"""/stage: choose the application stage from the region's calendar, or advance to the next one."""

from __future__ import annotations

import datetime as dt

from core.clock import local_today
from core.effects import ReplanNudges
from core.model import Event, Outcome, Reply, UserState
from core.text import fold
from dialogs import render
from dialogs.buttons import dialog_button, rows
from dialogs.intent_words import STATEMENT_PARTICLES
from dialogs.texts import tracking as T
from dialogs.tracking.common import DIALOG, calendar_of, choose_region_button, need_region
from dialogs.tracking.status import checklist
from dialogs.words import ADVANCE_WORDS, asks, parse_choice_index
from knowledge.base import KnowledgeBase
from knowledge.calendar import Calendar, Stage

STEP = "stage"


def stage(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """/stage [name or number]: set it at once when named, else show the stages as buttons."""
    calendar = calendar_of(state, kb)
    if calendar is None:
        return need_region(state)
    if not calendar.stages:
        text = T.NO_STAGES.format(region=render.region_name(kb, calendar.region))
        note = calendar.note_on(local_today(now))
        if note:
            text += "\n" + note
        return Outcome(state, [Reply(text, choose_region_button())])
    if event.data.strip():
        chosen = _stage_from_text(event.data, state, calendar)
        if chosen is not None:
            return _set_stage(state, calendar, chosen, kb, now)
    state.start(DIALOG, STEP)
    return Outcome(state, stage_prompt(state, calendar, kb))


def stage_prompt(state: UserState, calendar: Calendar, kb: KnowledgeBase) -> list[Reply]:
    current = calendar.stage(state.stage)
    header = T.CURRENT_STAGE.format(stage=current.name) if current else T.NO_CURRENT_STAGE
    buttons = []
    for i, s in enumerate(calendar.stages, 1):
        label = (T.STAGE_BUTTON_CURRENT if current and s.id == current.id else T.STAGE_BUTTON).format(i=i, name=s.name)
        buttons.append(dialog_button(state, label, f"stage:{s.id}"))
    following = calendar.next_stage(current.id) if current else None
    if following:
        buttons.append(dialog_button(state, T.ADVANCE_BUTTON.format(name=following.name), "advance"))
    text = header + "\n" + T.ASK_STAGE.format(region=render.region_name(kb, calendar.region))
    return [Reply(text, rows(buttons, 1))]


def _stage_from_text(text: str, state: UserState, calendar: Calendar) -> Stage | None:
    t = fold(text)
    if t in ADVANCE_WORDS:
        current = calendar.stage(state.stage)
        return calendar.next_stage(current.id if current else None)
    index = parse_choice_index(t, len(calendar.stages))
    if index is not None:
        return calendar.stages[index]
    by_id = calendar.stage(t)
    if by_id:
        return by_id
    named = [s for s in calendar.stages if t and (t in s.name or s.name in t)]
    return named[0] if len(named) == 1 else _stage_in_words(t, calendar)


def _stage_in_words(t: str, calendar: Calendar) -> Stage | None:
    """A stage said in a sentence ("我们还在准备申请呢" → 机构申请, newcomer trial 4, F10): the one stage whose
    name shares the most two-character words with it; none on a tie, none for a question (申请要交什么)."""
    if asks(t.rstrip(STATEMENT_PARTICLES)):
        return None
    words = {t[i : i + 2] for i in range(len(t) - 1)}
    shared = [(len(words & {s.name[i : i + 2] for i in range(len(s.name) - 1)}), s) for s in calendar.stages]
    best = max((n for n, _ in shared), default=0)
    fits = [s for n, s in shared if n == best]
    return fits[0] if best and len(fits) == 1 else None


def _set_stage(state: UserState, calendar: Calendar, chosen: Stage, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    changed = state.stage != chosen.id
    state.stage = chosen.id
    if state.dialog == DIALOG:
        state.finish()
    template = T.STAGE_SET if changed else T.STAGE_UNCHANGED
    text = template.format(stage=chosen.name, actor=chosen.actor) + "\n" + T.STAGE_HINT
    # the stage and its checklist, not the whole /status screen (deadlines, 📜 notes) that /status right
    # after printed again (newcomer trial 9, finding 15)
    checklist_text, buttons = checklist(state, chosen)
    return Outcome(state, [Reply(text + "\n\n" + checklist_text, buttons)], [ReplanNudges()] if changed else [])


def on_stage_step(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    calendar = calendar_of(state, kb)
    if calendar is None or not calendar.stages:
        state.finish()
        return need_region(state)
    chosen: Stage | None = None
    current = calendar.stage(state.stage)
    advance = event.data == "advance" if event.kind == "press" else fold(event.text) in ADVANCE_WORDS
    if advance and current and calendar.next_stage(current.id) is None:
        state.finish()
        return Outcome(state, [Reply(T.STAGE_LAST.format(stage=current.name))])
    if advance:
        chosen = calendar.next_stage(current.id if current else None)
    elif event.kind == "press" and event.data.startswith("stage:"):
        chosen = calendar.stage(event.data.split(":", 1)[1])
    elif event.kind == "text":
        chosen = _stage_from_text(event.text, state, calendar)
    if chosen is None:
        problem = Reply(T.STAGE_NOT_UNDERSTOOD.format(n=len(calendar.stages)))
        return Outcome(state, [problem, *stage_prompt(state, calendar, kb)], unread=event.kind == "text")
    return _set_stage(state, calendar, chosen, kb, now)


def stage_step_prompt(state: UserState, kb: KnowledgeBase, now: dt.datetime) -> list[Reply]:
    calendar = calendar_of(state, kb)
    return stage_prompt(state, calendar, kb) if calendar and calendar.stages else []
