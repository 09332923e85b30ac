"""A 怎么算 question followed by "is there a formula" or "does X count" (spent sealed sets 3 and 9: w095
床位使用率具体怎么算，公式有吗; s9b095 床位使用率怎么算？吉林文件里有公式吗; s9a097 每床0.7个人是咋算的 护士算不算):
one question about the same term — the method (or that none is given), and that the texts do not say
whether the thing named counts — not a second part left unanswered. A figure the question names
(0.7, 15%) keeps its decimal point and pins the rule's entry even when the search only suggests it."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from knowledge.search.question_parts import split_parts
from knowledge.search.terms import asked_about
from tests.dialogs.qa.conftest import turn_for

TODAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    "question",
    [
        "床位使用率具体怎么算，公式有吗",
        "床位使用率怎么算？吉林文件里有公式吗",
        "使用率怎么计算？有没有计算公式",
        "床位使用率咋算的 文件里有公式没有",
        "床位使用率怎么统计？有明确的口径吗",
    ],
)
@pytest.mark.parametrize("region", [None, "jilin"])
def test_is_there_a_formula_is_the_same_question(kb, question: str, region: str | None) -> None:
    assert split_parts(question) == [question]
    turn = turn_for(kb, TODAY, question, region=region)
    assert turn.answered and "没有给出床位使用率的计算方法" in turn.text
    assert "method-bed-occupancy" in [a.entry_id for a in turn.shown]
    assert "没有找到确切的答案" not in turn.text


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("每床0.7个人是咋算的 护士算不算", "护士"),
        ("每床0.7人是怎么计算的，护士算吗", "护士"),
        ("每张床0.7名人员怎么算，护士也算吗", "护士"),
        ("0.7人每床咋算 行政人员算不算", "行政人员"),
    ],
)
@pytest.mark.parametrize("region", [None, "national", "jilin"])
def test_does_it_count_after_a_method_question(kb, question: str, thing: str, region: str | None) -> None:
    turn = turn_for(kb, TODAY, question, region=region)
    assert turn.answered and turn.kind == "method"
    assert "0.7" in turn.text and "卫生技术人员" in turn.text and "未能确认" in turn.text
    assert f"没有说“{thing}”算不算在内" in turn.text


@pytest.mark.parametrize(
    "question",
    ["业务用房面积怎么算，食堂算不算", "实际开放床位怎么算 家庭病床算吗", "业务用房怎么计算？职工宿舍包括吗"],
)
def test_a_thing_the_method_entry_names_is_left_to_it(kb, question: str) -> None:
    """The entry says itself that 食堂 / 家庭病床 are not said to count: no second sentence on it."""
    turn = turn_for(kb, TODAY, question, region="jilin")
    assert turn.answered and turn.kind == "method"
    assert "算不算在内，请向" not in turn.text


@pytest.mark.parametrize(
    "question", ["床位要多少？家庭病床算不算", "床位使用率怎么算？床位要多少张", "使用率怎么算？几号截止"]
)
def test_a_question_of_its_own_stays_a_part(question: str) -> None:
    assert len(split_parts(question)) == 2


@pytest.mark.parametrize(
    ("question", "term"),
    [("每床0.7个人是咋算的", "每床0.7个人"), ("1.5倍是什么意思", "1.5倍"), ("床位使用率75%.怎么算", "床位使用率")],
)
def test_a_decimal_point_stays_in_the_term(question: str, term: str) -> None:
    asked = "meaning" if "意思" in question else "method"
    assert asked_about(question, asked) == term
