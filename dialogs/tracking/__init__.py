"""Application tracking: /stage (stage.py), /status with the checklist (status.py) and /remind
(remind.py). The "tracking" dialog's steps are declared in one table: step → (prompt, on_event)."""

from __future__ import annotations

import datetime as dt

from core.model import Event, Outcome, Reply, UserState
from dialogs.dialog import Dialog, OnEvent, Prompt
from dialogs.texts import common as C
from dialogs.tracking import remind as remind_step
from dialogs.tracking import remind_delete
from dialogs.tracking import stage as stage_step
from dialogs.tracking.common import DIALOG as NAME
from dialogs.tracking.remind import remind, typed_reminder
from dialogs.tracking.shortcuts import typed_setting
from dialogs.tracking.stage import stage
from dialogs.tracking.status import on_global, status
from knowledge.base import KnowledgeBase

STEPS: dict[str, tuple[Prompt, OnEvent]] = {
    stage_step.STEP: (stage_step.stage_step_prompt, stage_step.on_stage_step),
    remind_step.MENU: (remind_step.menu, remind_step.on_menu),
    remind_step.DAYS: (lambda state, kb, now: remind_step.days_prompt(state), remind_step.on_days),
    remind_step.ADD: (lambda state, kb, now: remind_step.add_prompt(state), remind_step.on_add),
    remind_delete.CONFIRM: (remind_delete.prompt, remind_delete.on_confirm),
}


def prompt(state: UserState, kb: KnowledgeBase, now: dt.datetime) -> list[Reply]:
    step = STEPS.get(state.step or "")
    return step[0](state, kb, now) if step else []


def on_event(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    step = STEPS.get(state.step or "")
    if step is None:  # a step from an older version of this dialog: start clean
        state.finish()
        return Outcome(state, [Reply(C.STALE_BUTTON)])
    return step[1](state, event, kb, now)


DIALOG = Dialog(NAME, prompt, on_event)


def reads_settings(state: UserState) -> bool:
    """Whether the screen in progress reads "别提醒了", "推迟一周" itself: the /remind menu, which shows the
    change on its own screen. Every other screen leaves them to the router (newcomer trial 9, finding 5)."""
    return state.dialog == NAME and state.step == remind_step.MENU

__all__ = ["DIALOG", "on_global", "reads_settings", "remind", "stage", "status", "typed_reminder", "typed_setting"]
