"""The likely band (issue 12, item 2; brief qacal): below answer_at and above the suggestion
threshold the best entry is shown, marked as the likeliest, with the alternatives as buttons —
but only for a question that passes the band's gate against out-of-scope questions
(calibration.likely_gate): nearly every word one the knowledge base uses, no other office's matter
named, specific enough to pick one entry. Wordings of our own."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from knowledge.search.calibration import FEATURES, LIKELY_KNOWN, likely_gate

NOW = dt.datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def features(**values: float) -> tuple[float, ...]:
    base = dict.fromkeys(FEATURES, 0.0) | {"known": 1.0, "specificity": 1.0}
    return tuple((base | values)[name] for name in FEATURES)


def test_the_gate_keeps_out_other_offices_matters_unknown_words_and_vague_questions() -> None:
    assert likely_gate(features(), refers=False)
    assert not likely_gate(features(), refers=True)  # 职称, 工资, 医保: the decline names whom to ask
    assert not likely_gate(features(known=LIKELY_KNOWN - 0.05), refers=False)  # 限号, 资格考试 …
    assert not likely_gate(features(specificity=0.5), refers=False)  # "床位" alone: ask back


def test_a_gated_question_is_judged_against_the_suggestion_threshold_alone(kb) -> None:
    c = dataclasses.replace(kb.index.calibration, answer_at=0.8, likely_at=0.5, suggest_at=0.7)
    assert c.decide(0.6, likely_ok=True) == "likely"
    assert c.decide(0.6, likely_ok=False) == "decline"
    assert c.decide(0.75, likely_ok=False) == "suggest"
    assert c.decide(0.85, likely_ok=False) == "answer"


def test_the_shipped_calibration_has_a_likely_band(kb) -> None:
    c = kb.index.calibration
    assert c.likely_at is not None and c.likely_at < c.answer_at


@pytest.mark.parametrize(("region", "question"), [("jilin", "床位"), ("jilin", "社区医院挂牌后护士工资能涨不")])
def test_vague_questions_and_other_offices_matters_are_never_the_likeliest(kb, region, question) -> None:
    assert kb.index.search(question, region).decision != "likely"


def test_a_likely_answer_is_shown_marked_with_alternatives_and_counts_as_answered(kb) -> None:
    from core.model import Event, UserState
    from dialogs import qa
    from dialogs.qa.turn import ANSWERED
    from dialogs.router import handle
    from dialogs.texts import qa as T

    question = "吉林建社区医院由县里组织还是市里组织"
    index = kb.index
    saved = index.calibration
    result = index.search(question, "jilin")
    index.calibration = dataclasses.replace(
        saved, answer_at=result.confidence + 0.01, likely_at=result.confidence - 0.01, suggest_at=0.05
    )
    try:
        turn = qa.respond(UserState(user_id=1, region="jilin"), question, kb, NOW)
        replies = handle(UserState(user_id=1, region="jilin"), Event.say(question), kb, NOW).replies
    finally:
        index.calibration = saved
    assert turn.decision == "likely" and turn.decision in ANSWERED
    assert not replies[0].text.startswith(T.DID_YOU_MEAN[:8])  # an answer first, not a list
    assert any(b.data.startswith("g:ask:") for r in replies for row in r.buttons for b in row)


def test_unknown_words_or_a_vague_question_need_more_to_be_answered_outright(kb) -> None:
    from knowledge.search.calibration import UNKNOWN_WORDS_SURE_AT

    c = dataclasses.replace(kb.index.calibration, answer_at=0.7, likely_at=0.5, suggest_at=0.4)
    assert c.decide(0.75, likely_ok=False, sure_at=UNKNOWN_WORDS_SURE_AT) == "suggest"
    assert c.decide(UNKNOWN_WORDS_SURE_AT, likely_ok=False, sure_at=UNKNOWN_WORDS_SURE_AT) == "answer"
    assert c.decide(0.6, likely_ok=False, refers=True) == "decline"  # names whom to ask
    assert kb.index.search("看情况", "national").decision != "answer"  # vague: VAGUE_SURE_AT


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("全科医生要几个", "basic-standard-gp-count"),  # the number asked, reported, before "none per 10 000"
        ("社区医院得配几名全科医生", "basic-standard-gp-count"),
        ("每万人要配几个全科医生", "not-covered-gp-per-10k"),  # asked per 10 000: the texts give none
    ],
)
def test_a_count_asked_goes_to_the_entry_that_gives_one_before_a_not_given_entry(kb, question, entry) -> None:
    assert kb.index.search(question, "national").answers[0].entry_id == entry


def test_a_not_given_entry_is_one_whose_first_sentence_says_so() -> None:
    from knowledge.search.signals import NOT_GIVEN_MARK, not_given_yield, provided

    lead = provided("国家文件都没有按常住人口规定全科医生的配置数。渝中区要求每万名常住人口2名。")
    part = provided("实际开放床位至少30张。文件没有规定床位上限。")
    assert NOT_GIVEN_MARK in lead and NOT_GIVEN_MARK not in part
    assert not_given_yield({"count"}, lead) > 0 and not_given_yield({"count", "method"}, lead) == 0
    assert not_given_yield({"time"}, lead) == 0  # dates and fees: tried, moved best entries wrongly
