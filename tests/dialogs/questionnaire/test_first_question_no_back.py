"""Newcomer trial 3, N21: the first question of /check (whatever kind it is, in every region) shows
no 上一步 button; every later question does."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import questionnaire as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


def _labels(out) -> list[str]:
    return [b.label for r in out.replies for row in r.buttons for b in row]


@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong", "beijing", "national"])
def test_no_back_on_the_first_question_and_back_on_the_next(kb, region) -> None:
    out = handle(UserState(user_id=1, region=region), Event.command("check"), kb, NOW)
    assert T.BACK not in _labels(out)
    answer = {"bool": "是", "choice": "1"}.get(kb.fields[out.state.step].kind, "50")
    second = handle(out.state, Event.say(answer), kb, NOW)
    assert second.state.step != out.state.step and T.BACK in _labels(second)
    back = handle(second.state, Event.say(T.BACK), kb, NOW)
    assert back.state.step == out.state.step and T.BACK not in _labels(back)
