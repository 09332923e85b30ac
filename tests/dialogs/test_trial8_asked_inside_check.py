"""Newcomer trial 8, N10: a question asked inside /check must get the same answer as outside it (in the
trial the answers differed because the phrasings did: "是不是要30张" vs "北京的床位要多少张"). Over
questions × regions × the question /check waits at: the same answer, then the question again."""

from __future__ import annotations

import pytest

from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import common as C
from tests.dialogs.check_steps import at_question

REGIONS = ("jilin", "national", "chongqing-yuzhong", "beijing")
QUESTIONS = ("申报要交什么材料", "什么时候截止？", "有问题找谁咨询", "北京的床位要多少张", "要交材料么", "是不是要30张")
AT = {
    "jilin": "bed_occupancy_rate",
    "national": "open_beds",
    "chongqing-yuzhong": "annual_visits",
    "beijing": "public_health_staff_share",
}


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("question", QUESTIONS)
def test_a_question_inside_check_is_answered_as_outside(kb, now, region, question) -> None:
    outside = handle(UserState(region=region), Event.say(question), kb, now)
    state = at_question(kb, region, AT[region], now)
    inside = handle(state, Event.say(question), kb, now)
    assert C.PENDING_AGAIN in [r.text for r in inside.replies], question  # asked as a question, not an answer
    at = [r.text for r in inside.replies].index(C.PENDING_AGAIN)
    assert [r.text for r in inside.replies[:at]] == [r.text for r in outside.replies], question
    assert inside.state.step == state.step
