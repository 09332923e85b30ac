"""Breaker brk10: a situation whose figure cannot be its field's (床位-5张, 使用率300%, 面积5亩, 床位100000张) says
why — the questionnaire parser's reason for that field — instead of the list of every possible reason
("可能是单位对不上、数字里夹了字母或符号、不是整数…"), and gives no verdict."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("said", "reason"),
    [
        ("床位-5张能申请吗", "不能是负数"),
        ("我们床位负五张，能申请吗", "不能是负数"),
        ("使用率300%够吗", "不会超过"),
        ("床位使用率300%，能申请吗", "不会超过"),
        ("床位１０００００张够吗", "不会超过"),
        ("业务用房面积5亩够吗", "“亩”"),
        ("床位35.5张够不够", "整数"),
    ],
)
@pytest.mark.parametrize("region", ["jilin", "national"])
def test_an_impossible_figure_of_a_named_field_says_why(kb, said: str, reason: str, region: str) -> None:
    text = handle(UserState(user_id=1, region=region), Event.say(said), kb, NOW).replies[0].text
    assert reason in text and "可能是单位对不上" not in text, text[:160]
    assert "符合" not in text.replace("是否符合", ""), text[:160]


def test_a_figure_with_no_field_named_keeps_the_general_reply(kb) -> None:
    text = handle(UserState(user_id=1, region="jilin"), Event.say("我们有3o张，能申请吗"), kb, NOW).replies[0].text
    assert "没能把它读成" in text


@pytest.mark.parametrize(
    ("said", "reason"),
    [
        ("床位40张，使用率300%，能申请吗", "不会超过"),
        ("床位-5张，使用率80%，能申请吗", "不能是负数"),
        ("使用率80%，面积5亩，够吗", "“亩”"),
    ],
)
def test_beside_a_verdict_the_impossible_figure_says_why_too(kb, said: str, reason: str) -> None:
    text = handle(UserState(user_id=1, region="jilin"), Event.say(said), kb, NOW).replies[0].text
    note = next(line for line in text.splitlines() if line.startswith("⚠️") and reason in line)
    assert "没有算它" in note and "没能对上" not in text
