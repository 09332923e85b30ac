"""Comparisons of one area in general carry every rule of that area on each side (compare_rules), the
same / different lines compare them all, a region's own entry stands over a national news report
(compare._own_over_national), and the national side shows the basic standard's reported figures
(sealed set 9: s9b075, s9a077, s9a076)."""

from __future__ import annotations

import pytest

from dialogs.qa.compare_rules import area_asked
from dialogs.texts import qa_compare as TC
from tests.dialogs.qa.conftest import turn_for


def _side(text: str, header: str) -> str:
    """One region's section of a comparison: from its header to the next header or the summary."""
    start = text.index(header)
    ends = [i for i in (text.find("【", start + 1),) if i > 0]
    return text[start : min(ends) if ends else len(text)]


def _summary(text: str) -> str:
    return text[text.index(TC.COMPARE_SUMMARY) :]


@pytest.mark.parametrize(
    "q",
    [
        "床位要求方面，吉林和渝中有什么不同？",
        "吉林和渝中在床位上有啥区别",
        "吉林跟渝中区床位方面的规定一样吗",
        "渝中和吉林对床位的要求有什么不一样",
        "吉林与北京床位要求一样吗",
    ],
)
def test_a_side_carries_every_rule_of_the_area_asked(kb, now, q: str) -> None:
    """Jilin's bed rules are two (≥30张 and 使用率≥75%): both in its section, whichever entry ranked first;
    the summary never calls the sides all the same when one side's figures are only reported."""
    turn = turn_for(kb, now, q, region=None)
    assert turn.kind == "comparison"
    jilin = _side(turn.text, "【吉林省】")
    assert "30张" in jilin and "75%" in jilin
    summary = _summary(turn.text)
    assert "都相同" not in summary
    assert "75%" in summary


@pytest.mark.parametrize(
    "q",
    [
        "渝中区和国家标准对全科医生的要求有什么区别？",
        "国家和渝中全科医生要求一样吗",
        "渝中的全科医生配置和国家标准比有啥不同",
        "国家对全科医生的要求跟渝中有什么不同",
    ],
)
def test_the_national_side_gives_the_reported_basic_standard_with_its_provenance(kb, now, q: str) -> None:
    """The national official texts set no GP count; the basic standard is reported to ask ≥3 全科医师:
    the national side says so, marked as a news report, and the summary compares it with 渝中's 2名."""
    turn = turn_for(kb, now, q, region=None)
    assert turn.kind == "comparison"
    national = _side(turn.text, "【全国")
    assert "3名全科医师" in national and "新闻报道" in national
    summary = _summary(turn.text)
    assert "3名" in summary and "2名" in summary


@pytest.mark.parametrize(
    ("q", "titles", "kept"),
    [
        ("床位要求方面", ("床位",), {"open-beds", "bed-occupancy"}),
        ("床位有啥", ("床位",), {"open-beds", "bed-occupancy"}),
        ("床位使用率", ("床位",), {"bed-occupancy"}),  # one rule of the area asked, not the area
        ("床位最少几张", ("床位",), {"open-beds"}),
        ("对全科医生的要求", ("全科",), set()),
    ],
)
def test_an_area_is_narrowed_to_the_rules_the_question_names(kb, q: str, titles: tuple[str, ...], kept: set) -> None:
    area = area_asked(q)
    assert area is not None and area.titles == titles
    jilin = [c for c in kb.rules["jilin"].criteria if any(t in c.title for t in area.titles)]
    assert {c.id for c in area.narrowed(jilin)} == kept


def test_no_area_named_is_none() -> None:
    assert area_asked("名单报给谁") is None


@pytest.mark.parametrize(
    "q",
    [
        "北京和吉林达到推荐标准的比例目标分别是多少",
        "吉林和北京推荐标准比例要达到多少",
        "北京、吉林两地推荐标准达标比例目标各是多少",
        "渝中和北京达到推荐标准的比例目标分别是多少",
    ],
)
def test_a_regions_own_target_stands_over_the_national_plans_report(kb, now, q: str) -> None:
    """Beijing's own 2022 targets (推荐标准 ≥35%, 服务能力标准 ≥85%), not the national three-year plan's
    reported east / central / west 30 / 20 / 10 %."""
    turn = turn_for(kb, now, q, region=None)
    beijing = _side(turn.text, "【北京市】")
    assert "35%" in beijing and "85%" in beijing
    assert "东部30%" not in beijing and "国家层面的新闻报道" not in beijing


@pytest.mark.parametrize(
    "q",
    ["床位使用率这块吉林方案报道国家基本标准", "报道的床位使用率", "新闻报道里床位使用率", "床位使用率报道说"],
)
def test_a_reported_titles_aside_does_not_widen_the_area(kb, q: str) -> None:
    """Every reported title ends （新闻报道）: 报道 in the question names none of them (sealed set 8, s8a075)."""
    area = area_asked(q)
    national = [c for c in kb.rules["national"].criteria if any(t in c.title for t in area.titles)]
    assert {c.id for c in area.narrowed(national)} == {"b2-bed-occupancy"}


@pytest.mark.parametrize(
    "q",
    [
        "床位使用率这块，吉林方案和报道的国家基本标准要求一样吗？",
        "吉林和国家基本标准的床位使用率要求一样吗",
        "国家和吉林病床使用率要求相同吗",
        "吉林跟国家在床位使用率上一致吗",
    ],
)
def test_the_same_figure_one_side_only_reported_is_said_the_same_with_the_difference(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="jilin")
    summary = _summary(turn.text)
    assert "相同" in summary and "75%" in summary and "新闻报道" in summary
    assert "30张" not in summary
