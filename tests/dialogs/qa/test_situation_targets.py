"""A figure stated against a plan's work target (rules/<region>.yaml `targets`: norms weighed when stated,
never asked by /check): a count against a count target and a percentage against a rate target other than
bed occupancy get ⚠️ with the gap (sealed set 10: s10a066 "能做7项中医适宜技术，到2025年达标没" restated the
≥10 target without a verdict; s10a068 "重点人群电子健康档案开放率95%" was not read at all). Limits are read
from knowledge/."""

from __future__ import annotations

import pytest

from dialogs.qa.facts import read_situation
from knowledge.eligibility.evaluate import number_text
from tests.dialogs.qa.conftest import turn_for

TECHNIQUES = "tcm_appropriate_techniques"
RECORDS = "key_population_record_open_rate"


def target(kb, field: str):
    (c,) = [c for c in kb.rules["jilin"].targets if c.fields == (field,)]
    assert c.force == "norm"
    return c


def test_targets_are_never_asked_by_check(kb) -> None:
    needed = kb.rules["jilin"].fields_needed()
    assert TECHNIQUES not in needed and RECORDS not in needed
    assert {c.id for c in kb.rules["jilin"].targets} <= {c.id for c in kb.rules["jilin"].weighed().criteria}


@pytest.mark.parametrize(
    ("q", "field", "value"),
    [
        ("我们卫生院现在能做7项中医适宜技术，到2025年达标没", TECHNIQUES, 7),
        ("中医药适宜技术开展了八项", TECHNIQUES, 8),
        ("床位40张，中医适宜技术能开展十二项", TECHNIQUES, 12),
        ("我们重点人群电子健康档案开放率现在95%，达标吗", RECORDS, 95),
        ("电子健康档案开放率百分之九十七", RECORDS, 97),
        ("重点人群档案开放率九成", RECORDS, 90),
    ],
)
def test_the_figure_is_read_for_its_target(kb, q: str, field: str, value: int) -> None:
    assert read_situation(q, kb.fields)[field].value == value, q


@pytest.mark.parametrize(
    ("q", "field", "value", "gap_unit"),
    [
        ("我们卫生院现在能做7项中医适宜技术，到2025年达标没", TECHNIQUES, 7, "项"),
        ("卫生院中医适宜技术只能开展5项，够不够", TECHNIQUES, 5, "项"),
        ("我们重点人群电子健康档案开放率现在95%，达标吗", RECORDS, 95, "个百分点"),
        ("档案开放率百分之九十，面积3200平，行吗", RECORDS, 90, "个百分点"),
    ],
)
def test_a_figure_short_of_its_target_gets_the_gap(kb, now, q: str, field: str, value: int, gap_unit: str) -> None:
    c = target(kb, field)
    text = turn_for(kb, now, q, region="jilin").text
    line = next((ln for ln in text.split("\n") if c.title in ln), "")
    assert line.startswith("⚠️"), text[:600]
    assert f"还差{number_text(c.limit - value, 1)}{gap_unit}" in line, line
    assert "不符合" not in text.split("\n", 1)[0], text[:200]  # a target decides nothing


@pytest.mark.parametrize(
    ("q", "field"),
    [("中医适宜技术我们能开展12项", TECHNIQUES), ("重点人群档案开放率99%，达标吗", RECORDS)],
)
def test_a_figure_meeting_its_target_passes(kb, now, q: str, field: str) -> None:
    c = target(kb, field)
    text = turn_for(kb, now, q, region="jilin").text
    line = next((ln for ln in text.split("\n") if c.title in ln), "")
    assert line.startswith("✅"), text[:600]


@pytest.mark.parametrize(
    ("q", "whole", "part"),
    [
        ("我们区2022年前达到推荐标准的有20家，今年回头看了5家，北京的比例够吗", 20, 5),
        ("达到推荐标准的有30家，今年回头看了8家，够不够", 30, 8),
        ("区里达到推荐标准的共40家，回头看了10家，达标没", 40, 10),
    ],
)
def test_a_count_of_institutions_at_a_level_is_no_level_stated(kb, now, q: str, whole: int, part: int) -> None:
    """达到推荐标准的有20家 counts a district's institutions (s10b071 was told 原则上达到推荐标准：符合): the two
    counts are weighed as a share against 北京's 回头看 rule (dialogs/qa/share_enough.py): 一（二）
    2022年各区回头看比例不低于30%."""
    import math

    assert "service_capability_level" not in read_situation(q, kb.fields), q
    need = math.ceil(0.3 * whole - 1e-9)
    text = turn_for(kb, now, q, region="beijing").text
    assert "推荐标准：符合" not in text, text[:600]
    assert "不达标" in text and f"{whole}家至少要{need}家" in text, text[:600]
