"""A figure said as a bound ("我们没有30张床", "超过40张") is never read as the value itself: it decides
a criterion only when every value it allows falls on one side of the limit, and it is never filled
into /check (newcomer trial 2, A1: "没有30张床" was answered "✅ …已达到" and pre-filled as 30)."""

from __future__ import annotations

import pytest

from core.model import Event
from dialogs import router
from dialogs.qa.bounds import Bound, decides
from dialogs.qa.facts import read_situation
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, buttons_of, full_text, text_of

BEDS = "实际开放床位数≥30张"


@pytest.mark.parametrize(
    "question",
    [
        "我们没有30张床",  # 没有 N
        "床位不到三十张能报吗",  # 不到 N, a Chinese numeral
        "床位不够30张咋办",  # 不够
        "我们床位少于30张",  # 少于
        "我们床位不足30张",  # 不足
        "我们床位没达到30张",  # 没达到
        "我们床位还没有达到30张",  # 没有达到
        "我们床位低于30张 能申请吗",  # 低于
        "我们30张床都不到",  # after the figure
    ],
)
def test_an_upper_bound_below_the_limit_is_not_met(kb, now, question) -> None:
    out = ask(kb, now, question, region="jilin")
    text = text_of(out)
    assert f"❌ {BEDS}：不符合" in text, text
    assert "已达到" not in text and "✅" not in text
    assert T.BOUND_NOT_MET.format(said="不到30张", limit="≥30张") in text
    assert not [b for b in buttons_of(out) if b.startswith("g:chk:")], "nothing to fill in: 30 is not the beds"


def test_an_upper_bound_above_the_limit_depends_on_the_figure(kb, now) -> None:
    text = text_of(ask(kb, now, "我们床位不到40张 能报吗", region="jilin"))
    assert f"❔ {BEDS}：{T.SITUATION_DEPENDS_STATUS}" in text
    assert T.BOUND_DEPENDS.format(said="不到40张", limit="≥30张") in text
    assert "✅" not in text and "❌" not in text


@pytest.mark.parametrize("question", ["我们床位超过40张 能报吗", "我们床位多于30张 能报吗", "我们床位30张以上"])
def test_a_lower_bound_at_or_above_the_limit_is_met(kb, now, question) -> None:
    text = text_of(ask(kb, now, question, region="jilin"))
    assert f"✅ {BEDS}：符合" in text, text


def test_a_lower_bound_below_the_limit_depends(kb, now) -> None:
    text = text_of(ask(kb, now, "我们床位超过20张 能报吗", region="jilin"))
    assert f"❔ {BEDS}：{T.SITUATION_DEPENDS_STATUS}" in text and "✅ 实际开放" not in text


def test_a_news_figure_bound_is_a_warning_with_its_provenance(kb, now) -> None:
    text = text_of(ask(kb, now, "床位不够30张咋办", region="national"))
    assert "⚠️ 实际开放床位不少于30张（新闻报道）：未达到" in text and "新华社" in text
    assert "符合" not in text.replace("不符合", "")


def test_the_value_said_wins_over_the_bound(kb, now) -> None:
    text = full_text(kb, now, "我们没有30张床，只有28张", region="jilin")
    assert "实际开放床位28张" in text and "现为28张，还差2张" in text and "不到30张" not in text


def test_check_is_never_prefilled_with_a_bound(kb, now) -> None:
    out = ask(kb, now, "我们床位不到30张 使用率80% 能申请吗", region="jilin")
    (button,) = [b for b in buttons_of(out) if b.startswith("g:chk:")]
    started = router.handle(out.state, Event.press(button), kb, now)
    assert started.state.profile.get("bed_occupancy_rate") == 80
    assert "open_beds" not in started.state.profile, "the bound is not an answer"


def test_question_forms_are_not_bounds(kb, now) -> None:
    text = text_of(ask(kb, now, "我们床位40张 有没有30张就够了", region="jilin"))
    assert "不到" not in text


@pytest.mark.parametrize(
    ("bound", "compare", "limit", "expected"),
    [
        (Bound("<", 30), ">=", 30, False),
        (Bound("<=", 30), ">=", 30, None),
        (Bound("<", 40), ">=", 30, None),
        (Bound(">", 30), ">=", 30, True),
        (Bound(">=", 30), ">", 30, None),
        (Bound("<", 10), "<", 15, True),
        (Bound(">", 15), "<", 15, False),
        (Bound(">", 10), "<", 15, None),
    ],
)
def test_decides_only_when_every_allowed_value_is_on_one_side(bound, compare, limit, expected) -> None:
    assert decides(bound, compare, limit) is expected


# A bound is a one-sided range (merge of qaparts' ranges and nfix's bounds): it is read for every
# field, between the field word and its number too, and "depends" reads as it does for a range.
@pytest.mark.parametrize(
    ("question", "field", "op", "figure"),
    [
        ("床位使用率不到75%", "bed_occupancy_rate", "<", 75),
        ("使用率低于百分之七十五", "bed_occupancy_rate", "<", 75),
        ("使用率超过80%", "bed_occupancy_rate", ">", 80),
        ("常住人口不到5万", "resident_population", "<", 50000),
        ("全科医生不到3个", "general_practitioners", "<", 3),
        ("业务用房不到3000平，能申请吗", "floor_area_m2", "<", 3000),
        ("床位三十出头", "open_beds", ">", 30),
    ],
)
def test_a_bound_is_a_one_sided_range_of_any_field(kb, question, field, op, figure) -> None:
    stated = read_situation(question, kb.fields)[field]
    assert (stated.bound, stated.value) == (op, figure)
    upper = op.startswith("<")
    assert (stated.low, stated.high) == ((None, figure) if upper else (figure, None))
    assert not stated.ranged


def test_a_bound_and_a_range_across_the_limit_both_depend(kb, now) -> None:
    out = ask(kb, now, "我们床位不到40张 使用率七成多 能报吗", region="jilin")
    text = text_of(out)
    headline = next(line for line in text.splitlines() if "结论" in line)
    assert "要看准确数字" in headline and "实际开放床位数≥30张" in headline and "床位使用率≥75%" in headline
    assert f"❔ {BEDS}：{T.SITUATION_DEPENDS_STATUS}" in text
    assert T.SITUATION_RANGE_CHECK.format(said="七成多、不到40张") in text
    assert not [b for b in buttons_of(out) if b.startswith("g:chk:")]


def test_a_bound_beside_a_range_decides_its_own_criterion(kb, now) -> None:
    text = text_of(ask(kb, now, "我们床位二三十张，业务用房不到3000平，能申请吗", region="jilin"))
    assert "❌ 业务用房建筑面积≥3000平方米：不符合" in text
    assert "❔ 实际开放床位数≥30张：要看准确数字" in text
    assert "✅" not in text


@pytest.mark.parametrize("question", ["床位超过一半空着", "使用率超过一半", "床位不到一年就满了", "床位不到十五年"])
def test_a_bound_word_before_a_number_without_its_unit_is_no_figure(kb, question) -> None:
    assert read_situation(question, kb.fields) == {}
