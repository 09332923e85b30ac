"""Newcomer trial 8's Q&A findings, each as its kind (phrasings × regions)."""

from __future__ import annotations

import pytest

from knowledge.search.intent import attributes_asked
from tests.dialogs.qa.conftest import ask, text_of

REGIONS = ["jilin", "beijing", "chongqing-yuzhong", "national"]

# What each region's answer to an area question says (its own rule, or that its texts give no figure).
AREA_SAID = {
    "jilin": "业务用房建筑面积不少于3000平方米",
    "beijing": "没有规定业务用房建筑面积的数字",
    "chongqing-yuzhong": "没有规定业务用房建筑面积的数字",
    "national": "面积",
}


@pytest.mark.parametrize(
    "question",
    ["咱这申请社区医院得多少个平方", "申请社区医院得多少平方米", "用房要几个平米", "申请社区医院得多少个平方米"],
)
def test_area_asked_by_its_unit_is_an_area_not_a_count(question) -> None:
    """N2: 多少个平方 asks square metres; its 个 is no count (it was answered with the bed rule)."""
    assert attributes_asked(question) == {"area"}


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("question", ["咱这申请社区医院得多少个平方", "申请社区医院得多少平方米", "用房要几个平米"])
def test_area_asked_by_its_unit_gets_the_area_answer(kb, now, region, question) -> None:
    text = text_of(ask(kb, now, question, region))
    assert AREA_SAID[region] in text, text
    assert "床位数至少30张" not in text and "费用" not in text.split("\n")[0], text


@pytest.mark.parametrize("region", REGIONS)
def test_area_per_bed_stays_per_bed(kb, now, region) -> None:
    text = text_of(ask(kb, now, "每张床要多少平方米", region))
    assert "每床建筑面积" in text, text
