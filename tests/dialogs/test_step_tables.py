"""Every declared (dialog, step, action) pair is walked, as smart-answers walks a flow node by node:
each one ends in a prompt for the next step or a finished dialog, never in silence or an error.
The tables are the dialogs' own (questionnaire.answers.PRESSES, tracking.STEPS, remind.ACTIONS), so
an action added without handling fails here."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs import router, tracking
from dialogs.questionnaire.answers import PRESSES, RESUME_PRESSES
from dialogs.questionnaire.flow import MODES
from dialogs.tracking.remind import ACTIONS
from knowledge.base import KnowledgeBase

NOW = dt.datetime(2026, 3, 10, 10, 0, tzinfo=SHANGHAI)


def _in_questionnaire(kb: KnowledgeBase, mode: str) -> UserState:
    state = router.handle(UserState(user_id=1, region="jilin"), Event.command("check"), kb, NOW).state
    state.data["mode"] = mode
    if mode == "confirm":
        state.data["candidate"] = 75
    if mode == "reuse":
        state.profile[state.step or ""] = True
    return state


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("payload", sorted({*PRESSES, *RESUME_PRESSES, "c0", "c99", "forged"}))
def test_every_questionnaire_press_in_every_mode_answers(kb: KnowledgeBase, mode: str, payload: str) -> None:
    state = _in_questionnaire(kb, mode)
    out = router.handle(state, Event.press(f"d{state.version}:{payload}"), kb, NOW)
    assert out.replies, (mode, payload)
    if out.state.dialog == "questionnaire":
        assert router.pending(out.state, kb, NOW), "the dialog goes on, so a question is pending"


@pytest.mark.parametrize("step", sorted(tracking.STEPS))
def test_every_tracking_step_prompts(kb: KnowledgeBase, step: str) -> None:
    state = UserState(user_id=1, region="jilin")
    state.start("tracking", step)
    assert router.pending(state, kb, NOW), step


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_remind_action_answers_and_keeps_or_ends_the_menu(kb: KnowledgeBase, action: str) -> None:
    state = router.handle(UserState(user_id=1, region="jilin"), Event.command("remind"), kb, NOW).state
    out = router.handle(state, Event.press(f"d{state.version}:{action}"), kb, NOW)
    assert out.replies, action
    assert out.state.dialog is None or router.pending(out.state, kb, NOW), action
