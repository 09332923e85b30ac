"""Issue 10: a question typed in the middle of /check is recognised by its words, not only by a
question mark ("啥时候截止" as well as "啥时候截止？"), answered, and the pending question asked again."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import common as C
from dialogs.words import looks_like_question

NOW = dt.datetime(2026, 3, 10, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    "typed",
    [
        "啥时候截止",
        "啥时候截止？",
        "咋算床位使用率",
        "要交材料么",
        "是不是要30张床位",
        "截止时间",
        "什么时候申报",
        "申报材料清单",
        "有没有电话",
        "請問何時截止",
    ],
)
def test_a_question_without_a_question_mark_is_answered_in_the_middle(kb, typed: str) -> None:
    state = handle(UserState(region="jilin"), Event.command("check"), kb, NOW).state
    while state.step != "open_beds":  # walk to a numeric question
        state = handle(state, Event.say("是" if state.step != "institution_type" else "1"), kb, NOW).state
    out = handle(state, Event.say(typed), kb, NOW)
    texts = [r.text for r in out.replies]
    assert C.PENDING_AGAIN in texts, texts
    assert out.state.step == "open_beds" and "open_beds" not in out.state.profile
    assert not texts[0].startswith("抱歉，没有看懂")


@pytest.mark.parametrize("typed", ["30", "三十张", "约30张", "不清楚", "是", "八九张", "2所"])
def test_answers_are_not_questions(typed: str) -> None:
    assert not looks_like_question(typed)
