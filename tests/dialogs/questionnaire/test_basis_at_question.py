"""A question typed at a /check question that no entry answers ("跟区人民医院签了协议算不算" at the 双向转诊
question) gets the question's own basis — its criteria with their sources, what the texts say of it —
and whom to ask, not a flat decline (newcomer trial 5, N14); the question is asked again and nothing
is recorded."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import common as C
from tests.dialogs.check_steps import at_question

NOW = dt.datetime(2026, 3, 10, 10, tzinfo=SHANGHAI)


def at(kb, region: str, step: str) -> UserState:
    return at_question(kb, region, step, NOW)


@pytest.mark.parametrize(
    ("region", "step", "typed"),
    [
        ("chongqing-yuzhong", "referral_partner_hospitals", "跟区人民医院签了协议算不算"),
        ("chongqing-yuzhong", "referral_partner_hospitals", "医联体里的算吗"),
    ],
)
def test_the_questions_basis_instead_of_a_decline(kb, region: str, step: str, typed: str) -> None:
    state = at(kb, region, step)
    out = handle(state, Event.say(typed), kb, NOW)
    texts = [r.text for r in out.replies]
    assert texts[0].startswith(C.NOT_SAID_AT_QUESTION), texts[0][:120]
    assert "📄" in texts[0] and kb.fields[step].label in texts[0]
    assert C.PENDING_AGAIN in texts and out.state.step == step and step not in out.state.profile
