"""Profile fields (fields.yaml) and validating a profile against them."""

from __future__ import annotations

import pytest

from knowledge.eligibility import load_fields, load_rule_sets, validate_profile, validate_value
from knowledge.regions import DATA


@pytest.fixture(scope="module")
def fields():
    return load_fields(DATA)


def test_every_field_has_question_label_and_a_sane_range(fields):
    for spec in fields.values():
        assert spec.question.endswith("？"), spec.name
        if spec.kind in ("int", "number", "percent"):
            assert spec.min is not None and spec.max is not None and spec.min < spec.max, spec.name
        if spec.kind == "percent":
            assert spec.unit == "%"
        assert bool(spec.choices) == (spec.kind == "choice"), spec.name
    assert fields["bed_occupancy_rate"].max == 150
    assert fields["open_beds"].min == 0


def test_every_help_text_rests_on_a_citation(fields):
    """Field help texts say only what a source says (audit R12–R15): each has the passages it rests on."""
    for spec in fields.values():
        assert spec.citations, spec.name


def test_every_rule_field_is_defined_and_every_design_field_exists(fields):
    design = {
        "institution_type", "urban_rural_fringe", "local_government_support", "open_beds", "bed_occupancy_rate",
        "floor_area_m2", "service_capability_level", "community_grade_a", "meets_basic_standard_resources",
        "has_district_featured_department", "featured_department_daily_visits", "annual_visits",
        "resident_population", "general_practitioners", "tcm_herbal_pieces", "tcm_prescription_share",
        "referral_partner_hospitals", "elite_family_doctor_teams", "patient_satisfaction",
        "signed_resident_satisfaction", "staff_satisfaction", "public_health_staff_share",
        "public_health_physicians", "health_technical_staff", "major_malpractice_last_2_years",
        "insurance_fraud_penalty", "outsourced_departments", "serious_inspection_findings",
    }  # fmt: skip
    assert design <= set(fields)
    levels = (("none", "未达到"), ("basic", "基本标准"), ("recommended", "推荐标准"))
    assert fields["service_capability_level"].choices == levels
    for rule_set in load_rule_sets(DATA).values():
        assert set(rule_set.fields_needed()) <= set(fields)


@pytest.mark.parametrize(
    ("profile", "fault"),
    [
        ({"open_bed": 30}, "未知字段 open_bed"),
        ({"open_beds": "三十"}, "open_beds（实际开放床位数）应为数字"),
        ({"open_beds": 30.5}, "open_beds（实际开放床位数）应为整数"),
        ({"open_beds": -1}, "open_beds（实际开放床位数）不能小于 0张"),
        ({"bed_occupancy_rate": 151}, "bed_occupancy_rate（床位使用率）不能大于 150%"),
        ({"local_government_support": "yes"}, "（当地党委政府支持社区医院建设）应为 true 或 false"),
        ({"open_beds": True}, "应为数字"),
        ({"service_capability_level": "bad"}, "应为以下之一：none（未达到）、basic（基本标准）、recommended"),
        ({"resident_population": 0}, "不能小于 1人"),
    ],
)
def test_validate_profile_names_the_field(profile, fault, fields):
    errors = validate_profile(profile, fields)
    assert len(errors) == 1 and fault in errors[0], errors


def test_validate_profile_accepts_good_values_and_unknowns(fields):
    profile = {
        "open_beds": 30, "bed_occupancy_rate": 78.5, "floor_area_m2": 3000.0, "local_government_support": False,
        "service_capability_level": "basic", "general_practitioners": None, "annual_visits": 120000,
        "featured_department_daily_visits": 30, "tcm_prescription_share": 0,
    }  # fmt: skip
    assert validate_profile(profile, fields) == []
    assert validate_profile({}, fields) == []
    assert validate_profile(["open_beds"], fields) != []  # type: ignore[arg-type]


def test_validate_value_reports_several_faults(fields):
    assert validate_value(fields["open_beds"], 30.0) is None  # YAML may give 30.0 for an int field
    assert len(validate_profile({"open_beds": -5, "foo": 1, "staff_satisfaction": 101}, fields)) == 3


def test_every_number_question_says_how_to_answer_it() -> None:
    """F21: a director reads the question alone, without the help: a number question says what to
    type (its unit, an example), a percentage that 80 means 80 %, and all say 贵机构 alike."""
    for spec in load_fields(DATA).values():
        if spec.kind in ("int", "number", "percent"):
            assert ("请填" in spec.question and "例如" in spec.question) or "没有请填 0" in spec.question, spec.name
        if spec.kind == "percent":
            assert "百分数" in spec.question and "表示" in spec.question, spec.name
        assert "贵院" not in spec.question, spec.name
