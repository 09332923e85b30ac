"""A two-way referral agreement said with its partner hospital rather than a count ("我们跟区人民医院签了
双向转诊协议"): read as the count the rule asks (渝中 第7项: 至少与1所区县级以上医院建立稳定的双向转诊和技术
指导关系). Split from facts.py (at its size limit) by job: this reads one phrase, facts.py every figure."""

from __future__ import annotations

from collections.abc import Mapping

from dialogs.qa.situation_words import REFERRAL_BELOW, REFERRAL_PARTNER
from dialogs.qa.stated import Stated
from dialogs.quantities import number_value
from knowledge.eligibility import FieldSpec

FIELD = "referral_partner_hospitals"


def referral_partners(t: str, specs: Mapping[str, FieldSpec]) -> list[Stated]:
    """The partner hospitals a referral agreement said in `t` (folded, plain digits) names: their count
    (one when none is said), or nothing when no such agreement is said or the partner is below 区县级."""
    m = REFERRAL_PARTNER.search(t)
    if FIELD not in specs or m is None or any(w in m["who"] for w in REFERRAL_BELOW):
        return []
    count = number_value(m["num"]) if m["num"] else 1  # 两家 -> 2, by the questionnaire's own reader
    return [Stated(FIELD, int(count), m.group())] if count else []
