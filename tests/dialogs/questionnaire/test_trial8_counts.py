"""Newcomer trial 8, N25: 渝中's plan has "11项评价指标"; the chat said 共 17 题 and the result 共 16 项 with
no word how they relate. Where the rule set's titles carry the plan's numbering, the intro and the result
say the counts against the plan's items; elsewhere nothing is added."""

from __future__ import annotations

import pytest

from core.model import Event, UserState
from dialogs.questionnaire.summary import plan_items
from dialogs.router import handle


def _finish(kb, now, region: str) -> str:
    state = handle(UserState(region=region), Event.command("check"), kb, now).state
    out = None
    for _ in range(40):
        if state.dialog is None:
            break
        out = handle(state, Event.say("1" if kb.fields[state.step].kind == "choice" else "不清楚"), kb, now)
        state = out.state
    return out.replies[0].text if out else ""


def test_yuzhongs_numbered_items_are_read_from_its_titles(kb) -> None:
    assert plan_items(kb.rules["chongqing-yuzhong"]) == (11, 3)


@pytest.mark.parametrize("region", ("jilin", "beijing", "national"))
def test_unnumbered_plans_add_nothing(kb, now, region) -> None:
    assert plan_items(kb.rules[region]) is None
    intro = handle(UserState(region=region), Event.command("check"), kb, now).replies[0].text
    assert "项指标" not in intro and "项指标" not in _finish(kb, now, region)


def test_yuzhongs_intro_and_result_say_the_plans_eleven_items(kb, now) -> None:
    intro = handle(UserState(region="chongqing-yuzhong"), Event.command("check"), kb, now).replies[0].text
    assert "11 项指标" in intro and "3 项否决情形" in intro
    assert "11 项指标" in _finish(kb, now, "chongqing-yuzhong")
