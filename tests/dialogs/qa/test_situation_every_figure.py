"""Every stated figure weighed against every rule it meets (sealed set 10, issue 12 item 3), by kind:

- a figure after 现在/目前 that names another field is that field's, never the previous field's later
  figure (s10b064: "常住人口8万，现在有15个全科医生" read the population as 15 and passed the per-万 rule);
- a standard the question asks about ("够基本标准吗", "达没达到推荐标准") is not the level stated (s10a069 was
  told 推荐标准 未达到 though it never said its level);
- a reported ratio of two stated figures is weighed where the region has no rule on one of them, with the
  count it asks (s10a069: 30张床、卫技人员20个 against the reported 0.7 per bed: 至少要21人，还差1人).
Limits are read from knowledge/, never written here."""

from __future__ import annotations

import math

import pytest

from dialogs.qa.facts import read_situation
from knowledge.eligibility.evaluate import number_text
from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    ("q", "population", "gps"),
    [
        ("我们辖区常住人口8万，现在有15个全科医生，渝中这条达标没", 80000, 15),
        ("常住人口八万，目前有十五名全科医师", 80000, 15),
        ("辖区人口6万，现在的全科医生有11个，够吗", 60000, 11),
        ("服务人口十万，如今有二十个全科大夫", 100000, 20),
    ],
)
def test_a_figure_naming_another_field_is_that_fields(kb, q: str, population: int, gps: int) -> None:
    facts = read_situation(q, kb.fields)
    assert facts["resident_population"].value == population, q
    assert facts["general_practitioners"].value == gps, q


@pytest.mark.parametrize(
    ("q", "value"),
    [("去年使用率80%，今年只有60%", 60), ("使用率去年七成，现在85%", 85), ("床位30张，现在有40张", 40)],
)
def test_a_later_figure_of_the_same_field_is_still_read(kb, q: str, value: int) -> None:
    facts = read_situation(q, kb.fields)
    field = "open_beds" if "张" in q else "bed_occupancy_rate"
    assert facts[field].value == value, q


def gp_limit(kb) -> float:
    (c,) = [c for c in kb.rules["chongqing-yuzhong"].criteria if c.derived == "gps_per_10k_residents"]
    return float(c.limit)


@pytest.mark.parametrize(
    ("q", "population", "gps"),
    [
        ("我们辖区常住人口8万，现在有15个全科医生，渝中这条达标没", 80000, 15),
        ("辖区常住人口七万，目前有十三名全科医生，达标吗", 70000, 13),
    ],
)
def test_the_per_10k_rule_uses_the_population_said(kb, now, q: str, population: int, gps: int) -> None:
    need = math.ceil(gp_limit(kb) * population / 10000)
    text = turn_for(kb, now, q, region="chongqing-yuzhong").text
    assert f"全科医生数至少要{need}人" in text, text[:500]
    assert f"还差{need - gps}人" in text, text[:500]


@pytest.mark.parametrize(
    "q",
    [
        "我们打算开30张床，卫技人员配20个，够基本标准吗",
        "床位30张，卫生技术人员20人，达没达到基本标准",
        "30张床位，卫技人员20名，符合基本标准要求吗？",
        "床位40张，服务能力够不够推荐标准",
    ],
)
def test_a_standard_asked_about_is_no_level_stated(kb, q: str) -> None:
    assert "service_capability_level" not in read_situation(q, kb.fields), q


@pytest.mark.parametrize(
    ("q", "level"),
    [
        ("我们已经达到推荐标准了，床位40张能申请吗", "recommended"),
        ("达到推荐标准没问题，床位40张", "recommended"),
        ("我们只达到基本标准还没到推荐标准，床位40张能申请吗", "basic"),
    ],
)
def test_a_level_stated_is_still_read(kb, q: str, level: str) -> None:
    assert read_situation(q, kb.fields)["service_capability_level"].value == level, q


def per_bed_limit(kb) -> float:
    (c,) = [c for c in kb.rules["national"].criteria if c.derived == "health_staff_per_bed"]
    assert c.force == "reported"
    return float(c.limit)


@pytest.mark.parametrize(
    ("q", "beds", "staff"),
    [
        ("我们打算开30张床，卫技人员配20个，够基本标准吗", 30, 20),
        ("床位四十张，卫生技术人员二十五人，能申请吗", 40, 25),
        ("实际开放床位50张，卫技人员三十个，行不行", 50, 30),
    ],
)
def test_a_reported_ratio_of_two_stated_figures_is_weighed(kb, now, q: str, beds: int, staff: int) -> None:
    need = math.ceil(per_bed_limit(kb) * beds - 1e-9)
    text = turn_for(kb, now, q, region="jilin").text
    assert f"每床至少配备{number_text(per_bed_limit(kb), 2)}名" in text, text[:600]
    assert f"至少要{need}人，现有{staff}人，还差{need - staff}人" in text, text[:900]
    assert "推荐标准" not in text.split("供参考", 1)[0], text[:600]  # no verdict on a level never said


def test_a_reported_ratio_met_says_enough(kb, now) -> None:
    beds = 30
    staff = math.ceil(per_bed_limit(kb) * beds) + 2
    text = turn_for(kb, now, f"床位{beds}张，卫技人员{staff}人，够吗", region="jilin").text
    assert f"现有{staff}人，已够" in text, text[:900]
