"""A past figure and a change of the same field give the current one (breaker2 K-DELTA): 床位去年35张今年少了10张
is 25张 now, 去年床位25张，今年增加了10张 is 35张; a past figure is never judged as the current one
(去年使用率80%，今年只有60% -> 60%), and a field said only in the past asks for the current figure."""

from __future__ import annotations

import pytest

from dialogs.qa.facts import read_all, read_situation
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_full


def values(kb, text: str) -> dict:
    return {f: s.value for f, s in read_situation(text, kb.fields).items()}


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("床位去年35张今年少了10张", "open_beds", 25),
        ("床位去年35张，今年减少了10张", "open_beds", 25),
        ("去年床位25张，今年增加了10张，使用率80%", "open_beds", 35),
        ("去年床位25张，今年多了10张", "open_beds", 35),
        ("去年有床位30张，今年新增了8张", "open_beds", 38),
        ("业务用房去年2000平，今年扩建了1500平", "floor_area_m2", 3500),
        ("去年业务用房2000平方米，今年又扩建了1500平方米", "floor_area_m2", 3500),
        ("原来业务用房3200平方米，今年拆了一部分，减少了500平方米", "floor_area_m2", 2700),
    ],
)
def test_a_past_level_and_its_change_give_the_current_level(kb, text, field, value) -> None:
    assert values(kb, text)[field] == value


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("去年使用率80%，今年只有60%", "bed_occupancy_rate", 60),
        ("去年使用率60%，现在是80%", "bed_occupancy_rate", 80),
        ("床位去年35张，今年40张", "open_beds", 40),
        ("去年床位25张，今年增加了10张，现在35张", "open_beds", 35),
        ("床位增加了10张，现在40张", "open_beds", 40),
    ],
)
def test_the_current_figure_wins_over_the_past_one(kb, text, field, value) -> None:
    assert values(kb, text)[field] == value


@pytest.mark.parametrize("text", ["去年床位25张", "原来床位35张", "床位比去年多了10张", "床位差两张到30张"])
def test_no_current_figure_no_level(kb, text) -> None:
    assert "open_beds" not in values(kb, text)


@pytest.mark.parametrize(
    ("text", "verdict", "shown", "note"),
    [
        ("床位去年35张今年少了10张，能申请吗", "❌", "实际开放床位25张", "按去年35张、今年少了10张计，现为25张"),
        ("去年床位25张，今年增加了10张，使用率80%，能申请吗？", "✅", "实际开放床位35张", "现为35张"),
        ("床位40张，使用率80%，业务用房去年2000平，今年扩建了1500平，能申请吗", "✅", "3500平方米", "现为3500平"),
        ("去年使用率80%，今年只有60%，能申请吗", "❌", "床位使用率60%", ""),
    ],
)
def test_the_verdict_is_on_the_current_figure(kb, now, text, verdict, shown, note) -> None:
    turn = turn_full(kb, now, text, region="jilin")
    assert turn.kind == "situation" and shown in turn.text
    assert ("❌ 结论" in turn.text) == (verdict == "❌")
    assert note in turn.text
    assert T.SITUATION_UNREAD.split("{")[0] not in turn.text


def test_the_past_figure_is_not_shown_as_the_current_one(kb, now) -> None:
    turn = turn_full(kb, now, "床位去年35张今年少了10张，能申请吗", region="jilin")
    assert "实际开放床位35张" not in turn.text and "❌ 结论" in turn.text
    turn = turn_full(kb, now, "去年使用率80%，今年只有60%，能申请吗", region="jilin")
    assert "床位使用率80%" not in turn.text and "❌ 结论" in turn.text


@pytest.mark.parametrize("text", ["去年床位25张，能申请吗", "以前床位有35张，够吗"])
def test_a_figure_said_only_in_the_past_asks_for_the_current_one(kb, now, text) -> None:
    turn = turn_full(kb, now, text, region="jilin")
    assert T.SITUATION_PAST_ONLY.split("{")[0] in turn.text
    assert "实际开放床位" not in turn.text


def test_a_past_figure_beside_current_facts_is_named(kb, now) -> None:
    turn = turn_full(kb, now, "使用率80%，去年床位25张，能申请吗", region="jilin")
    assert "床位使用率80%" in turn.text and "实际开放床位25张" not in turn.text
    reading = read_all("使用率80%，去年床位25张", kb.fields)
    assert reading.past and T.SITUATION_PAST.format(figures=reading.past[0]) in turn.text


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("使用率今年比去年提高了5个百分点，达到72%", "bed_occupancy_rate", 72),
        ("使用率比去年提高了5%，达到了80%", "bed_occupancy_rate", 80),
        ("使用率比去年下降了，现在降到70%", "bed_occupancy_rate", 70),
        ("床位比去年多了10张，达到40张", "open_beds", 40),
    ],
)
def test_the_level_a_change_reached_is_the_fields(kb, text, field, value) -> None:
    reading = read_all(text, kb.fields)
    assert reading.found[field].value == value and not reading.changes


def test_the_level_reached_is_judged_and_the_change_not_called_unread(kb, now) -> None:
    turn = turn_full(kb, now, "使用率今年比去年提高了5个百分点，达到72%，能申请吗", region="jilin")
    assert "床位使用率72%" in turn.text and "还差3个百分点" in turn.text
    assert T.SITUATION_UNREAD.split("{")[0] not in turn.text
