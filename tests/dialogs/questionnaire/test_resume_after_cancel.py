"""Newcomer trial 3, N7: a /check left unfinished (/cancel, then /check days later) offers 继续 at the
first unanswered question, or 重新开始 — not question 1 with 沿用 for every answer given; a finished
check starts again from question 1, offering the answers (沿用)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, Outcome, UserState
from dialogs.router import handle
from dialogs.texts import questionnaire as T
from knowledge.base import KnowledgeBase

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
REGIONS = ["jilin", "chongqing-yuzhong", "beijing", "national"]


def _answer(state: UserState, kb: KnowledgeBase) -> Outcome:
    """Answer the pending question with its first choice, 是, or a plausible figure."""
    spec = kb.fields[state.step or ""]
    middle = int(sum(spec.plausible) / 2) if spec.plausible else 50
    typed = {"bool": "是", "choice": "1"}.get(spec.kind) or str(max(middle, 10))
    return handle(state, Event.say(typed), kb, NOW)


def _unfinished(kb: KnowledgeBase, region: str, answered: int, leave: str) -> tuple[UserState, list[str]]:
    out = handle(UserState(user_id=1, region=region), Event.command("check"), kb, NOW)
    asked = []
    for _ in range(answered):
        asked.append(out.state.step or "")
        out = _answer(out.state, kb)
    pending = out.state.step or ""
    state = handle(out.state, Event.command(leave), kb, NOW).state
    if leave == "start":  # /start with a region set ends the dialog too
        state = handle(state, Event.command("cancel"), kb, NOW).state
    assert state.dialog is None
    return state, [*asked, pending]


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("answered", [1, 2])
@pytest.mark.parametrize("leave", ["cancel", "start"])
def test_check_after_cancel_offers_to_continue_at_the_first_unanswered(kb, region, answered, leave) -> None:
    state, steps = _unfinished(kb, region, answered, leave)
    offer = handle(state, Event.command("check"), kb, NOW)
    assert offer.state.data.get("mode") == "resume"
    assert f"{answered}/" in offer.replies[0].text and T.RESUME_CONTINUE in str(offer.replies[0].buttons)
    for typed in (T.RESUME_CONTINUE, "接着做"):
        resumed = handle(offer.state, Event.say(typed), kb, NOW)
        assert resumed.state.step == steps[-1] and resumed.state.data.get("mode") == "ask", typed
    restarted = handle(offer.state, Event.say(T.RESUME_RESTART), kb, NOW)
    assert restarted.state.step == steps[0] and restarted.state.data.get("mode") == "reuse"


@pytest.mark.parametrize("region", ["jilin", "beijing"])
def test_a_finished_check_starts_again_from_the_first_question(kb, region) -> None:
    out = handle(UserState(user_id=1, region=region), Event.command("check"), kb, NOW)
    first = out.state.step
    for _ in range(40):
        if out.state.dialog is None:
            break
        out = _answer(out.state, kb)
    assert out.state.dialog is None
    again = handle(out.state, Event.command("check"), kb, NOW)
    assert again.state.step == first and again.state.data.get("mode") == "reuse"


def test_yes_at_the_resume_offer_is_not_taken_as_continue(kb) -> None:
    state, _ = _unfinished(kb, "jilin", 2, "cancel")
    offer = handle(state, Event.command("check"), kb, NOW)
    out = handle(offer.state, Event.say("是的"), kb, NOW)
    assert out.state.data.get("mode") == "resume" and out.replies[0].text == T.RESUME_NOT_UNDERSTOOD
