"""怎么算 questions: the method where a text gives one (faq/method.yaml), else said to be absent."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_for


def test_a_method_the_texts_give_is_answered_with_it(kb, now) -> None:
    turn = turn_for(kb, now, "中医处方比例怎么算的", region="chongqing-yuzhong")
    assert turn.answered and "处方总数" in turn.text and "渝中卫发〔2021〕49号" in turn.text


def test_a_method_the_texts_do_not_give_is_said_to_be_absent(kb, now) -> None:
    turn = turn_for(kb, now, "床位使用率怎么计算", region="jilin")
    assert turn.answered and "没有给出床位使用率的计算方法" in turn.text


def test_method_entries_do_not_answer_questions_about_the_figure(kb, now) -> None:
    result = kb.search("每万人口全科医生要几名", "chongqing-yuzhong")
    assert result.answers and not result.answers[0].method


def test_the_method_note_names_the_term_asked_about(kb, now) -> None:
    from dialogs.qa import method

    result = kb.search("特色科室日均门诊量怎么算", "chongqing-yuzhong")
    turn = method.reply("特色科室日均门诊量怎么算", result, kb, now.date())
    if turn is not None:  # the entry found gives no method: said so, naming the term
        assert turn.text.startswith(T.METHOD_NOT_GIVEN.format(term="特色科室日均门诊量"))


@pytest.mark.parametrize(
    "q",
    [
        "病床使用率算法是啥",
        "床位使用率怎么计算",
        "使用率咋算的",
        "床位使用率的计算方法是什么",
        "床位使用率如何计算",
    ],
)
def test_a_threshold_is_not_a_method(kb, now, q: str) -> None:
    """Newcomer N11: the national 75% threshold (a news report whose answer says its wording is not
    given) was shown as if it answered 算法是啥; the reply says first that the texts give no method."""
    turn = turn_for(kb, now, q, region="national")
    assert turn.text.startswith(T.METHOD_NOT_GIVEN.split("“", 1)[0]), turn.text[:80]
