"""Newcomer trial 3, N19: at 上次选的是…，沿用吗 (buttons 沿用/修改) an answer that is not understood
gets an error naming 沿用/修改, not "回复'是''否''不清楚'" of the plain yes/no question."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import questionnaire as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


def _finished_profile(kb, region: str) -> dict:
    values = {"bool": True, "int": 50, "number": 50, "percent": 80}
    specs = [kb.fields[f] for f in kb.rules[region].fields_needed()]
    return {s.name: (s.choices[0][0] if s.kind == "choice" else values[s.kind]) for s in specs}


@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong", "beijing", "national"])
@pytest.mark.parametrize("typed", ["7", "随便", "看情况"])
def test_not_understood_at_reuse_names_keep_and_edit(kb, region, typed) -> None:
    out = handle(
        UserState(user_id=1, region=region, profile=_finished_profile(kb, region)), Event.command("check"), kb, NOW
    )
    assert out.state.data.get("mode") == "reuse"
    if kb.fields[out.state.step].kind not in ("bool", "choice"):
        pytest.skip("a numeric first question")
    bad = handle(out.state, Event.say(typed), kb, NOW)
    # a 是/否 question offers 是/否/不清楚 and 沿用 (newcomer trial 3, F23), its error names those (after
    # "您发来的是一个数字（7），这一题不用填数字。" for a figure: newcomer trial 5, N7)
    expected = T.REUSE_BOOL_NOT_UNDERSTOOD if kb.fields[out.state.step].kind == "bool" else T.REUSE_NOT_UNDERSTOOD
    # after a figure the lead "没有看懂这个回答" is dropped: the figure was read (newcomer trial 8, N28)
    expected = expected.removeprefix(T.NOT_UNDERSTOOD_LEAD) if typed == "7" else expected
    assert bad.replies[0].text.endswith(expected) and bad.state.step == out.state.step


@pytest.mark.parametrize("region", ["jilin", "national"])
def test_the_plain_question_keeps_its_own_error(kb, region) -> None:
    out = handle(UserState(user_id=1, region=region), Event.command("check"), kb, NOW)
    spec = kb.fields[out.state.step]
    bad = handle(out.state, Event.say("随便"), kb, NOW)
    expected = T.BOOL_NOT_UNDERSTOOD if spec.kind == "bool" else T.CHOICE_NOT_UNDERSTOOD.format(n=len(spec.choices))
    assert bad.replies[0].text == expected
