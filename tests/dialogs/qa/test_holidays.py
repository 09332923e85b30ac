"""Holiday words (国庆/春节/放假/节假日…) are the texts' 法定节日 (synonyms.yaml): a question about a
date that falls on a holiday finds the entry that says 遇法定节日顺延 (breaker B15), never a decline."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import turn_for

HOLIDAY_QUESTIONS = [
    "每月1号报进展，如果1号是国庆节怎么办",
    "进展报告遇到春节怎么办",
    "1号要是放假还要报吗",
    "每月报进展碰上节假日呢",
    "报送进展赶上元旦放假咋办",
]


@pytest.mark.parametrize("q", HOLIDAY_QUESTIONS)
def test_a_holiday_question_gets_the_postponement_rule(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="beijing")
    assert turn.answered, turn.text
    assert "顺延" in turn.text


def test_a_holiday_with_no_rule_of_its_own_is_not_a_beijing_answer_elsewhere(kb, now) -> None:
    turn = turn_for(kb, now, "申报材料春节前要交吗", region="jilin")
    assert "顺延" not in turn.text, "Jilin's texts set no holiday rule: Beijing's is never Jilin's answer"
