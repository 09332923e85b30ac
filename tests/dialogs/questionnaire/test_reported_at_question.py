"""A question whose answer is held against a news-reported figure says so (newcomer trial, F7): the
national /check's 全科医生 question shows the reported ≥3 (force `reported`, marked 新闻报道, never
deciding alone), and so does every question of every region with a reported criterion on its field alone;
the result lists the criterion under the reported group with its figure and gap."""

from __future__ import annotations

import pytest

from dialogs.texts import questionnaire as T
from knowledge.texts import FORCE
from tests.dialogs.questionnaire.test_flow import answer_validly, director

REPORTED_PREFIX = T.REPORTED_AT_QUESTION.split("{")[0]


@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong", "beijing", "national"])
def test_every_question_with_a_reported_figure_shows_it(kb, now, region: str) -> None:
    rules = kb.rules[region]
    d = director(kb, now, region=region)
    d.command("check")
    while d.state.dialog == "questionnaire":
        field = d.state.step
        reported = [c for c in rules.criteria if c.force == "reported" and c.fields == (field,)]
        shown = d.question.text
        for c in reported:
            assert c.title.removesuffix(T.REPORTED_TITLE_SUFFIX) in shown and REPORTED_PREFIX in shown, (field, shown)
        if not reported:
            assert REPORTED_PREFIX not in shown, (field, shown)
        answer_validly(d, kb.fields[field])


def test_national_general_practitioners_question_and_result(kb, now) -> None:
    d = director(kb, now, region="national")
    d.command("check")
    while d.state.step != "general_practitioners":
        answer_validly(d, kb.fields[d.state.step])
    assert "3名全科医师" in d.question.text and "新闻报道" in d.question.text
    d.say("2")
    result = d.text
    assert FORCE["reported"] in result and "至少有3名全科医师" in result
    line = next(ln for ln in result.splitlines() if "全科医生2名" in ln)
    assert "≥3名" in line and "还差1名" in line and "新闻报道" in line
