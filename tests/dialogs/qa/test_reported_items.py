"""Reported national standard items and reported local examples (knowledge/data/secondary): asked,
they are answered with their provenance (sealed set 7, s7a033, s7b032) — never declined as the
garbled machine translation when the item is one of the reliable ones (B7: 全科、康复、中医), never
"not loaded" for a place the progress notes report on (泉州, 青海海南州)."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from knowledge.places import places_named
from tests.dialogs.qa.conftest import ask, text_of

GARBLED = "译文混乱"

DEPARTMENTS = [
    "社区医院必须设的临床科室有哪些？",
    "社区医院要求设置哪些临床科室",
    "临床科室至少要设哪几个",
    "基本标准规定要开哪些临床科室",
    "社区医院临床科室必须有哪些",
]


@pytest.mark.parametrize("question", DEPARTMENTS)
def test_required_departments_are_the_reported_b7(kb, now, question: str) -> None:
    text = text_of(ask(kb, now, question, "national"))
    assert "全科" in text and "康复" in text and "中医" in text, text[:160]
    assert "新华社" in text, "said with its provenance"


@pytest.mark.parametrize("question", DEPARTMENTS)
@pytest.mark.parametrize("region", ["jilin", "beijing", "chongqing-yuzhong"])
def test_in_a_region_the_departments_are_never_declined_as_garbled(kb, now, question: str, region: str) -> None:
    """A region's own text on departments (北京: 临床、公共卫生、医技等科室) may come first; B7 otherwise."""
    text = text_of(ask(kb, now, question, region))
    assert not text.startswith("这些内容"), text[:160]
    assert ("全科" in text and "新华社" in text) or "科室" in text.split("📄", 1)[0], text[:160]


@pytest.mark.parametrize("question", ["还要设哪些临床科室", "检验科影像科必须设吗"])
def test_the_unconfirmed_items_still_name_what_is_reliable(kb, now, question: str) -> None:
    text = text_of(ask(kb, now, question, "national"))
    assert GARBLED in text, "the S4-only items stay unconfirmed"
    assert "全科医疗、康复医学和中医" in text, "B7 is reliable: never hidden behind the garbled report"


LOCAL = [
    ("泉州那边社区医院是怎么规划的，计划建多少家？", "16家"),
    ("泉州计划建几家社区医院", "16家"),
    ("福建泉州社区医院建设有啥做法", "8家"),
    ("福建有没有社区医院建设的经验", "16家"),
    ("青海海南州乡镇卫生院推荐标准目标是多少", "90%"),
    ("海南州2025年推荐标准比例", "90%"),
]


@pytest.mark.parametrize(("question", "figure"), LOCAL)
@pytest.mark.parametrize("region", ["national", "jilin", "beijing", "chongqing-yuzhong"])
def test_a_reported_local_example_is_answered_as_reported(kb, now, question: str, figure: str, region: str) -> None:
    text = text_of(ask(kb, now, question, region))
    assert figure in text, text[:200]
    assert "新闻报道" in text and "不适用于" in text, "said as a report of another place"
    assert text.startswith(T.NOT_COVERED.split("{", 1)[0]), "the place itself is still not covered"


def test_haenan_prefecture_is_qinghais_not_hainan_province() -> None:
    named = places_named("青海海南州乡镇卫生院")
    assert [p.province for p in named.uncovered][-1] == "青海省"
    assert all(p.name != "海南省" for p in named.uncovered)


@pytest.mark.parametrize("question", ["上海社区医院床位要求", "广东社区医院申报材料有哪些"])
def test_a_place_without_a_reported_example_gets_no_example(kb, now, question: str) -> None:
    text = text_of(ask(kb, now, question, "national"))
    assert "泉州" not in text and "海南州" not in text
