"""Breaker brk10, figures typed at a /check number question (dialogs/quantities.py):

- N1 a bare figure with a question mark (85?, 30张？, 七成？) is the answer, said with doubt — it was searched
  as a question and a news passage holding "85%" shown in the middle of /check;
- N2 多 after the percent sign (80%多, 80%多点, 75％多) is 80多% — it was "没有看懂";
- N3 whole shares in words: 百分之百 / 百分百 (100 %), 一半 at a percentage question (50 %).
A question with its words (30张够吗？) is still a question.
"""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event
from dialogs.router import handle
from tests.dialogs.check_steps import at_question

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


def _typed(kb, region: str, step: str, typed: str):
    return handle(at_question(kb, region, step, NOW), Event.say(typed), kb, NOW)


@pytest.mark.parametrize(
    ("region", "step", "typed", "value"),
    [
        ("jilin", "bed_occupancy_rate", "85?", 85),
        ("jilin", "bed_occupancy_rate", "85%？", 85),
        ("jilin", "bed_occupancy_rate", "八成五？", 85),
        ("jilin", "open_beds", "35张？", 35),
        ("jilin", "open_beds", "三十五??", 35),
        ("jilin", "floor_area_m2", "3500平米？", 3500),
        ("chongqing-yuzhong", "general_practitioners", "12个?", 12),
    ],
)
def test_a_bare_figure_with_a_question_mark_is_the_answer(kb, region, step, typed, value) -> None:
    out = _typed(kb, region, step, typed)
    assert out.state.profile.get(step) == value, [r.text[:80] for r in out.replies]


@pytest.mark.parametrize("typed", ["30张够吗？", "要30张吗?", "30张行不行？"])
def test_a_figure_asked_about_is_still_a_question(kb, typed: str) -> None:
    out = _typed(kb, "jilin", "open_beds", typed)
    assert "open_beds" not in out.state.profile and out.state.step == "open_beds"


@pytest.mark.parametrize("typed", ["80%多", "80%多点", "８０％多", "80%多一点", "80%余"])
def test_more_after_the_percent_sign_is_approximate(kb, typed: str) -> None:
    out = _typed(kb, "jilin", "bed_occupancy_rate", typed)
    assert out.state.profile.get("bed_occupancy_rate") == 80 and "约数" in out.replies[0].text, out.replies[0].text


def test_more_after_the_percent_sign_across_a_limit_is_asked(kb) -> None:
    out = _typed(kb, "jilin", "bed_occupancy_rate", "70%多")  # 70–79 % against ≥75 %
    assert "bed_occupancy_rate" not in out.state.profile and out.state.step == "bed_occupancy_rate"


@pytest.mark.parametrize(
    ("step", "typed", "value"),
    [
        ("bed_occupancy_rate", "百分之百", 100),
        ("bed_occupancy_rate", "百分百", 100),
        ("bed_occupancy_rate", "一半", 50),
        ("bed_occupancy_rate", "大概一半", 50),
        ("bed_occupancy_rate", "百分之百吧", 100),
    ],
)
def test_whole_shares_in_words(kb, step: str, typed: str, value: int) -> None:
    out = _typed(kb, "jilin", step, typed)
    assert out.state.profile.get(step) == value, [r.text[:80] for r in out.replies]


def test_half_is_no_count(kb) -> None:
    out = _typed(kb, "jilin", "open_beds", "一半")
    assert "open_beds" not in out.state.profile


@pytest.mark.parametrize(
    ("region", "step", "typed", "value", "part"),
    [
        ("jilin", "open_beds", "30张（含家庭病床）", 30, "含家庭病床"),
        ("jilin", "open_beds", "30张(其中5张家庭病床)", 30, "其中5张家庭病床"),
        ("jilin", "open_beds", "30张，含5张家庭病床", 30, "含5张家庭病床"),
        ("jilin", "open_beds", "三十张（不含家庭病床）。", 30, "不含家庭病床"),
        ("jilin", "floor_area_m2", "3000平米（含租用）", 3000, "含租用"),
        ("jilin", "floor_area_m2", "3000平方米，包括租用的500平", 3000, "包括租用的500平"),
        ("chongqing-yuzhong", "general_practitioners", "12个（含2个转岗培训的）", 12, "含2个转岗培训的"),
    ],
)
def test_a_part_stated_beside_the_figure_records_the_figure_and_points_to_the_basis(
    kb, region: str, step: str, typed: str, value: int, part: str
) -> None:
    """N4: 30张（含家庭病床） was "没有看懂"; the part is pointed to the basis as one asked about (算不算) is."""
    out = _typed(kb, region, step, typed)
    assert out.state.profile.get(step) == value, [r.text[:80] for r in out.replies]
    assert f"“{part}”" in out.replies[0].text and "上一步" in out.replies[0].text


@pytest.mark.parametrize("typed", ["30张（去年）", "30张，明年扩到50张", "30张(2025年)"])
def test_a_bracket_naming_no_part_is_not_read_as_one(kb, typed: str) -> None:
    out = _typed(kb, "jilin", "open_beds", typed)
    assert not any("先按您给的总数记录" in r.text for r in out.replies)


@pytest.mark.parametrize(
    ("region", "step", "typed", "value"),
    [
        ("jilin", "open_beds", "编制50张，实际开放30张", 30),
        ("jilin", "open_beds", "实际开放30张，编制50张", 30),
        ("jilin", "open_beds", "编制床位50张，开放床位35张", 35),
        ("jilin", "bed_occupancy_rate", "使用率今年80%，去年70%", 80),
    ],
)
def test_the_figure_named_by_the_question_among_others(kb, region, step, typed, value) -> None:
    """N5: several figures, one said with the question's words (编制 is another quantity): that one, said so."""
    out = _typed(kb, region, step, typed)
    assert out.state.profile.get(step) == value, [r.text[:80] for r in out.replies]
    assert out.replies[0].text.startswith("按您说的")


@pytest.mark.parametrize("typed", ["30张和40张", "30张，40张"])
def test_bare_figures_side_by_side_are_still_one_too_many(kb, typed: str) -> None:
    out = _typed(kb, "jilin", "open_beds", typed)
    assert "open_beds" not in out.state.profile and out.state.step == "open_beds"
