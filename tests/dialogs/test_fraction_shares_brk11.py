"""Breaker brk11, B2: a share written as a fraction of digits. "使用率3/4" was read as 3 % in a situation (❌,
还差72个百分点) and "3/4" at the /check occupancy question was "只需要一个数字". Read as its percentage at a
percentage question and after a share's word (dialogs/unit_words.fraction_as_percent); a date such as 3/15
elsewhere is never a share."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.qa.facts import read_situation
from dialogs.router import handle
from dialogs.unit_words import fraction_as_percent
from tests.dialogs.check_steps import at_question

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("使用率3/4，床位35张，能申请吗", "bed_occupancy_rate", 75),
        ("床位使用率是3／4", "bed_occupancy_rate", 75),
        ("床位40张，使用率4/5", "bed_occupancy_rate", 80),
        ("使用率30/40", "bed_occupancy_rate", 75),
        ("患者满意度4/5", "patient_satisfaction", 80),
        ("公卫人员占专技编制的1/4", "public_health_staff_share", 25),
    ],
)
def test_a_fraction_after_a_share_word_is_its_percentage(kb, text: str, field: str, value: float) -> None:
    assert read_situation(text, kb.fields)[field].value == value


@pytest.mark.parametrize("text", ["3/15前交了申请，床位40张", "床位40张，12/31前能报吗", "床位40张 3/4的床住满了"])
def test_a_fraction_with_no_share_word_is_left_alone(kb, text: str) -> None:
    found = read_situation(text, kb.fields)
    assert found["open_beds"].value == 40 and "bed_occupancy_rate" not in found


@pytest.mark.parametrize("typed", ["2/1", "3/25", "0/4", "12/31"])
def test_no_proper_fraction_no_percentage(typed: str) -> None:
    assert fraction_as_percent(typed) == typed


def test_the_situation_verdict_counts_three_quarters_as_met(kb) -> None:
    out = handle(UserState(user_id=1, region="jilin"), Event.say("使用率3/4，床位35张，能申请吗"), kb, NOW)
    said = out.replies[0].text
    assert "现为75%" in said and "现为3%" not in said


@pytest.mark.parametrize(("typed", "value"), [("3/4", 75), ("4/5", 80), ("1/2", 50), ("7/8", 87.5), ("四分之三", 75)])
def test_a_fraction_at_a_percentage_question_is_recorded(kb, typed: str, value: float) -> None:
    state = at_question(kb, "jilin", "bed_occupancy_rate", NOW)
    assert handle(state, Event.say(typed), kb, NOW).state.profile.get("bed_occupancy_rate") == value
