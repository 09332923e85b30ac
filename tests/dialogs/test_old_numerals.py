"""Newcomer trial 3, F13: the old compound numerals 廿 (20), 卅 (30), 卌 (40), 皕 (200) are read as their
value wherever a figure is read — a /check answer, a situation in a question, the search — and never
as the digit after them (卅八 was 8: "还差22张")."""

from __future__ import annotations

import re

import pytest

from dialogs.qa.facts import read_situation
from dialogs.quantities import ParsedValue, parse_quantity
from knowledge.search.normalize import numerals_to_digits
from tests.dialogs.qa.conftest import ask, text_of
from tests.dialogs.questionnaire.test_flow import answer_validly, director

CASES = [("卅八张", 38), ("廿张", 20), ("卌", 40), ("卌二张", 42), ("廿五", 25), ("约卅张", 30), ("一百卅", 130)]


@pytest.mark.parametrize(("typed", "value"), CASES)
def test_a_check_answer(kb, typed, value) -> None:
    parsed = parse_quantity(typed, kb.fields["open_beds"])
    assert isinstance(parsed, ParsedValue) and parsed.value == value


@pytest.mark.parametrize(("typed", "value"), CASES)
def test_the_search_reads_the_same_number(typed, value) -> None:
    assert str(value) in numerals_to_digits(typed + "张")


@pytest.mark.parametrize(("typed", "value"), CASES)
def test_a_situation_states_the_figure(kb, typed, value) -> None:
    found = read_situation("我们床位" + typed.removeprefix("约") + "，能申请吗", kb.fields)
    assert found["open_beds"].value == value


def test_through_the_router(kb, now) -> None:
    text = text_of(ask(kb, now, "我们床位卅八张，能申请吗", region="jilin"))
    assert "38张" in text and "还差22张" not in text and not re.search(r"(?<![0-9])8张", text)
    d = director(kb, now, region="national")
    d.command("check")
    while d.state.step != "open_beds" and d.state.dialog:
        answer_validly(d, kb.fields[d.state.step])
    d.say("卅八张")
    assert d.state.profile["open_beds"] == 38
