"""Two method kinds of spent sealed set 5: a question quoting the texts' own words with a figure beside
them (“普遍达到”，普遍是指多少, r093) asks about the text, not for a verdict on the figure; and the base of a
share (这个30%的基数是啥, 分母是什么, r096) is a method question, answered with the rule and said plainly
that the texts do not give how it is counted."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from knowledge.search.intent import method_asked
from tests.dialogs.qa.conftest import turn_for

TODAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    "question",
    [
        "服务人口1万以上的卫生院“普遍达到”服务能力标准，普遍是指多少？",
        "服务人口超过1万人的卫生院“普遍达到”服务能力标准，这个普遍达到是什么意思",
        "方案说1万人以上的要“普遍达到”，普遍指多少",
        "“普遍达到服务能力标准”是指多少家？服务人口1万以上那些",
    ],
)
def test_quoted_words_with_a_figure_ask_about_the_text(kb, question: str) -> None:
    turn = turn_for(kb, TODAY, question, region="jilin")
    assert turn.kind == "method" and turn.answered
    assert "21%" in turn.text and "没有" in turn.text


@pytest.mark.parametrize(
    "question",
    [
        "回头看比例不低于30%，这个30%的基数是啥？",
        "回头看30%的分母是什么",
        "回头看的比例以什么为基数",
        "回头看不低于30%，分母是啥",
    ],
)
def test_the_base_of_a_share_is_a_method_question(kb, question: str) -> None:
    assert method_asked(question) == "method"
    turn = turn_for(kb, TODAY, question, region="beijing")
    assert turn.answered and "beijing-2022-revisit" in [a.entry_id for a in turn.shown]
    assert "没有写明" in turn.text or "没有找到" in turn.text


@pytest.mark.parametrize(
    "question", ["床位使用率算多少合格", "使用率要算多少才达标", "床位算多少张够", "回头看比例算多少"]
)
def test_a_figure_asked_is_no_method_question(question: str) -> None:
    """算多少 asks the rule's figure, not how it is counted or what a word means."""
    assert method_asked(question) is None
