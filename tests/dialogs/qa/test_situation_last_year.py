"""Sealed set 5, r062: "去年床位使用率74%" was set aside as not current, and the reply said every stated
condition was met. A figure counted over a year (床位使用率, 年诊疗人次) said for last year is the latest
whole year: taken, held against the rule, and said to be last year's. A level (床位, 面积) said for last
year is still not current, nor is a yearly figure said with 以前/原来, and a current figure still wins."""

from __future__ import annotations

import pytest

from dialogs.qa.facts import read_all
from dialogs.qa.figure_words import YEARLY
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, text_of

SAID = {"bed_occupancy_rate": ("床位使用率74%", 74), "annual_visits": ("年诊疗人次5万", 50000)}
LAST_YEAR = ("去年", "上年")
NOTE = T.SITUATION_LAST_YEAR.split("}", 1)[1][:8]


def test_every_yearly_field_has_a_case() -> None:
    assert set(SAID) == set(YEARLY)


@pytest.mark.parametrize("field", sorted(YEARLY))
@pytest.mark.parametrize("when", LAST_YEAR)
def test_a_yearly_figure_said_for_last_year_is_taken(kb, field: str, when: str) -> None:
    words, value = SAID[field]
    reading = read_all(f"我们{when}{words}，能申请吗", kb.fields)
    assert reading.found[field].value == value and reading.yearly and not reading.past


@pytest.mark.parametrize("field", sorted(YEARLY))
@pytest.mark.parametrize("when", ["以前", "原来"])
def test_a_yearly_figure_said_for_earlier_times_is_still_past(kb, field: str, when: str) -> None:
    words, _ = SAID[field]
    reading = read_all(f"我们{when}{words}，能申请吗", kb.fields)
    assert field not in reading.found and reading.past


@pytest.mark.parametrize("said", ["去年床位25张", "去年业务用房2500平"])
def test_a_level_said_for_last_year_is_still_past(kb, said: str) -> None:
    reading = read_all(f"我们{said}，能申请吗", kb.fields)
    assert not reading.found and reading.past and not reading.yearly


def test_a_current_figure_still_wins(kb) -> None:
    reading = read_all("去年使用率80%，今年只有60%，床位40张，能申请吗", kb.fields)
    assert reading.found["bed_occupancy_rate"].value == 60 and not reading.yearly


def test_the_reply_holds_last_years_rate_against_the_rule_and_says_so(kb, now) -> None:
    q = "我们是长春的社区卫生服务中心，实际开放床位50张，去年床位使用率74%，业务用房5000平米，能申请社区医院吗？"
    text = text_of(ask(kb, now, q, region="jilin"))
    assert text.splitlines()[0].endswith(T.SITUATION_FAILED_SHORT.format(n=1)), text
    assert "❌ 床位使用率≥75%" in text and "还差1个百分点" in text and NOTE in text
