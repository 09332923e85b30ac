"""A comparison of the requirements in general (newcomer N2) compares each region's conditions
overview, never the topic a bare 要求 matches best (a 中医阁 encouragement for 站/村卫生室 shown as a
Beijing condition); and a region's conditions are not the answer to whether one of them is a must
(newcomer N12)."""

from __future__ import annotations

import pytest

from dialogs.qa.compare_general import general
from dialogs.qa.compare_words import GENERAL_ASKED
from dialogs.texts import qa_compare as TC
from tests.dialogs.qa.conftest import turn_for

GENERAL = [
    "渝中和北京的要求有啥不一样",
    "北京和渝中申报条件有什么区别",
    "渝中跟北京的标准一样吗",
    "北京与渝中申报社区医院的条件有何不同",
]


@pytest.mark.parametrize("q", GENERAL)
def test_requirements_in_general_compare_the_conditions(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="chongqing-yuzhong")
    assert turn.kind == "comparison"
    yuzhong = turn.text[turn.text.index("【重庆市渝中区】") :]
    beijing = turn.text[turn.text.index("【北京市】") :]
    assert "11项" in yuzhong and "医疗事故" in yuzhong, "渝中: 11 criteria all met, and the 否决 conditions"
    assert "推荐标准" in beijing and "基本标准" in beijing
    assert "村卫生室" not in turn.text and "中医阁" not in turn.text


@pytest.mark.parametrize("asked", ["要求有啥", "申报条件", "两地标准", "规定有什么"])
def test_a_bare_requirement_word_asks_for_the_conditions(asked: str) -> None:
    assert general(asked) == GENERAL_ASKED


@pytest.mark.parametrize("asked", ["床位要求", "公卫人员占比的要求", "验收标准的日期"])
def test_a_named_topic_is_asked_as_it_is(asked: str) -> None:
    assert general(asked) == asked


def test_a_general_comparison_with_jilin_takes_its_selection_conditions(kb, now) -> None:
    turn = turn_for(kb, now, "吉林和北京的申报条件有什么区别", region=None)
    jilin = turn.text[turn.text.index("【吉林省】") : turn.text.index("【北京市】")]
    assert "遴选条件" in jilin


BEIJING_CONDITIONS = ["申报社区医院有啥条件", "北京申报条件有哪些", "北京建社区医院需要满足哪些条件"]
MUST = ["一定要达到推荐标准吗", "推荐标准是硬性的吗", "没到推荐标准能建吗"]


@pytest.mark.parametrize("conditions", BEIJING_CONDITIONS)
@pytest.mark.parametrize("must", MUST)
def test_the_conditions_and_whether_one_is_a_must_are_different_answers(kb, now, conditions: str, must: str) -> None:
    listed = turn_for(kb, now, conditions, region="beijing")
    one = turn_for(kb, now, must, region="beijing")
    assert listed.answered and one.answered
    assert listed.text != one.text
    assert "基本标准" in listed.text and "评估" in listed.text and "推荐标准" in listed.text
    assert "原则上" in one.text


def test_beijing_beds_are_beijings_plan_not_jilins_figure(kb, now) -> None:
    for q in ("北京床位有没有要求", "床位有没有要求", "北京床位有要求吗", "床位要多少张"):
        turn = turn_for(kb, now, q, region="beijing")
        assert "合理设置床位" in turn.text and "吉林" not in turn.text.split("\n", 1)[0], (q, turn.text[:100])


def test_the_summary_header_is_shown(kb, now) -> None:
    assert TC.COMPARE_SUMMARY in turn_for(kb, now, GENERAL[0], region="chongqing-yuzhong").text
