"""Sealed set 8 (s8a108, s8b105): an out-of-scope question naming another office's matter was answered
with a loosely related text (食堂对外承包要办什么证 → 吉林's who-may-apply entry on 卫生院; 住院医保能报销
百分之多少 → 渝中's 医保支付 policy linkage). The kind: such a question is declined plainly (with whom to
ask), or answered by the entry that says the texts give no such figure; never by an entry about
something else."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from dialogs.texts import qa_suggest as S
from knowledge.search.signals import matter_decision
from tests.dialogs.qa.conftest import ask, text_of

REGIONS = ["jilin", "beijing", "chongqing-yuzhong", "national"]
CANTEEN = [
    "我们卫生院食堂想对外承包，要办什么证？",
    "中心的食堂承包出去要什么手续",
    "卫生院开个小卖部要办什么证",
    "院里餐饮要办食品经营许可证吗",
]
RATE = [
    "社区医院住院报销比例是多少",
    "门诊看病医保能报几成",
    "在社区医院住院，医保能报百分之多少",
    "居民住院医保报销多少",
]
# What the loosely related entries said (渝中 六（五）'s policy linkage, 吉林's who-may-apply)
UNRELATED = ("政策相衔接", "遴选", "自愿申请")


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("question", CANTEEN)
def test_a_canteen_question_is_declined_with_the_market_regulator(kb, now, region, question) -> None:
    text = text_of(ask(kb, now, question, region))
    # declined, or said plainly not to be in the texts before any near topic is offered as a button
    assert (T.DECLINE in text or text.startswith(S.NOT_IN_TEXTS)) and T.REFERRAL["food"] in text, text
    assert not any(w in text for w in UNRELATED), text


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("question", RATE)
def test_a_reimbursement_share_is_said_not_given(kb, now, region, question) -> None:
    text = text_of(ask(kb, now, question, region))
    declined = T.DECLINE in text and T.REFERRAL["insurance"] in text
    assert declined or "没有给出具体的报销比例" in text, text
    assert not any(w in text for w in UNRELATED), text


def test_an_entry_naming_the_matter_among_those_shown_is_asked_back() -> None:
    assert matter_decision("answer", [1.0, 0.0, 1.0]) == "suggest"
    assert matter_decision("likely", [1.0, 1.0, 1.0]) == "decline"
    assert matter_decision("answer", [0.0, 1.0]) == "answer"
    assert matter_decision("suggest", [1.0, 1.0]) == "suggest"


@pytest.mark.parametrize(
    "question,region",
    [
        ("北京社区医院命名和执业许可证加注要在什么时候前完成", "beijing"),
        ("执业许可证上怎么加社区医院的名字", "jilin"),
        ("渝中这边创社区医院，连厕所食堂停车这些都得弄吗", "chongqing-yuzhong"),
    ],
)
def test_an_entry_that_names_the_matter_still_answers(kb, now, question, region) -> None:
    assert T.DECLINE not in text_of(ask(kb, now, question, region))
