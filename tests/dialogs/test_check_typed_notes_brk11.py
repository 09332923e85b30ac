"""Breaker brk11, B17 and B11: an answer at /check wrapped in Markdown (**40**, `75%`) or after an emoji (🛏️40) was
"没有看懂这个回答", while <b>40</b> was read; so was a figure with when it is from (75%（去年）, 去年75%,
40张(2025年底)). Markdown emphasis is dropped like HTML (dialogs/input_check.py), a leading emoji and a time note
by the parser (dialogs/quantities.py); a number that merely starts like a year (20253) is untouched."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.input_check import without_markup
from dialogs.quantities import ParsedValue, parse_quantity
from dialogs.router import handle
from tests.dialogs.check_steps import at_question

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("step", "typed", "value"),
    [
        ("open_beds", "**40**", 40),
        ("open_beds", "🛏️40", 40),
        ("open_beds", "*40张*", 40),
        ("open_beds", "~~30~~ 40", 40),
        ("bed_occupancy_rate", "`75%`", 75),
        ("bed_occupancy_rate", "75%（去年）", 75),
        ("bed_occupancy_rate", "75%(2025年)", 75),
        ("bed_occupancy_rate", "去年75%", 75),
        ("bed_occupancy_rate", "75%（去年的数据）", 75),
        ("open_beds", "40张（去年底）", 40),
    ],
)
def test_a_figure_with_markup_an_emoji_or_its_time_is_recorded(kb, step: str, typed: str, value: int) -> None:
    state = at_question(kb, "jilin", step, NOW)
    assert handle(state, Event.say(typed), kb, NOW).state.profile.get(step) == value


@pytest.mark.parametrize(("typed", "value"), [("20253", 20253), ("2025", 2025), ("2025年35000人次", 35000)])
def test_a_number_like_a_year_is_its_own_value(kb, typed: str, value: int) -> None:
    parsed = parse_quantity(typed, kb.fields["annual_visits"])
    assert isinstance(parsed, ParsedValue) and parsed.value == value


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("**床位**要多少", "床位要多少"), ("*床位*要多少", "床位要多少"), ("3*4*5", "3*4*5"), ("a_b_c", "a_b_c")],
)
def test_markdown_emphasis_is_dropped_and_lone_marks_kept(typed: str, kept: str) -> None:
    assert without_markup(typed) == kept


def test_a_question_in_markdown_is_answered_as_without(kb) -> None:
    def first(text: str) -> str:
        return handle(UserState(user_id=1, region="jilin"), Event.say(text), kb, NOW).replies[0].text

    assert first("**床位使用率要多少**") == first("床位使用率要多少")
