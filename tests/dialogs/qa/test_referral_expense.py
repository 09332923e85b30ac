"""Newcomer trial 7, N24: 报销 alone is also the unit's own expense claim (院里空调坏了找谁报销): such a
decline points to the unit's finance office, not to 医保局; a 医保 question keeps its 医保 referral."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from knowledge.search.intent import referrals
from tests.dialogs.qa.conftest import ask, text_of


@pytest.mark.parametrize(
    "question", ["院里空调坏了找谁报销", "电脑的修理费找谁报销", "出差的差旅费怎么报账", "办公用品发票找谁报"]
)
def test_an_expense_claim_is_not_insurance(question) -> None:
    assert referrals(question) == ("expense",)


@pytest.mark.parametrize(
    "question", ["医保报销比例是多少", "住院报销能报多少", "卫生院医保报销怎么走流程", "看病报销找谁"]
)
def test_insurance_keeps_its_referral(question) -> None:
    assert "insurance" in referrals(question) and "expense" not in referrals(question)


@pytest.mark.parametrize("region", ["jilin", "beijing", "national"])
def test_the_decline_names_the_finance_office(kb, now, region) -> None:
    text = text_of(ask(kb, now, "院里空调坏了找谁报销", region))
    assert T.REFERRAL["expense"] in text and T.REFERRAL["insurance"] not in text, text
