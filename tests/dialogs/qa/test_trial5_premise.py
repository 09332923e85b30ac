"""Newcomer trial 5, N15: a question checking a wrong figure of a rule ("吉林使用率是不是要80%以上") got the
rule's figure (75%) but no reply started with 不是; a skimming director could take the wrong figure as
confirmed. Now the reply starts by saying the figure is not the rule's, in every region that sets one."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, text_of

NOT = T.PREMISE_NOT.split("：")[0]  # "不是"


@pytest.mark.parametrize(
    ("region", "q", "rule"),
    [
        ("jilin", "吉林使用率是不是要80%以上", "75%"),
        ("jilin", "吉林床位是不是得50张", "30张"),
        ("jilin", "床位是不是要40张", "30张"),
        ("jilin", "业务用房是不是要5000平米对吧", "3000平方米"),
        ("chongqing-yuzhong", "渝中特色科室日均门诊量要50人次对吧", "30人次"),
    ],
)
def test_a_wrong_figure_checked_is_said_not_to_be_the_rule(kb, now, region: str, q: str, rule: str) -> None:
    said = text_of(ask(kb, now, q, region))
    assert said.startswith(NOT) and rule in said.split("\n")[0], said[:200]


@pytest.mark.parametrize(
    ("region", "q"),
    [
        ("jilin", "床位是不是要30张"),
        ("jilin", "使用率是不是要75%"),
        ("jilin", "我们床位50张是不是够了"),
        ("jilin", "床位要多少张"),
    ],
)
def test_no_lead_when_the_figure_is_the_rule_or_the_institutions(kb, now, region: str, q: str) -> None:
    assert not text_of(ask(kb, now, q, region)).startswith(NOT)
