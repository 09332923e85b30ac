"""Newcomer trial 3, F11: a /check result short of 每万名常住人口全科医生 says, for the population given,
how many doctors that is (按5.5万人需11名，还差8名), and says the per-10,000 gap as per 10,000."""

from __future__ import annotations

import datetime as dt

from dialogs.questionnaire.result import render_result
from knowledge.eligibility import evaluate


def test_the_gp_gap_is_given_in_doctors(kb) -> None:
    rule_set = kb.rules["chongqing-yuzhong"]
    profile = {"general_practitioners": 3, "resident_population": 55000}
    text = render_result(evaluate(profile, rule_set), rule_set, kb.fields, kb, dt.date(2026, 12, 1), profile=profile)
    assert "至少要11人，现有3人，还差8人" in text
    assert "每万人还差1.45名" in text
