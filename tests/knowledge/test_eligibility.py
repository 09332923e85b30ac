"""Eligibility rules: the YAML cases beside each rule set, derived quantities, the loader's checks,
profile validation and the verdict semantics (missing never fails, disqualifiers override)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from knowledge.base import KnowledgeBase
from knowledge.citations import verify
from knowledge.eligibility import (
    RuleError,
    evaluate,
    load_fields,
    load_rule_sets,
    validate_profile,
    validate_value,
)
from knowledge.eligibility.cases import load_cases, run_case
from knowledge.eligibility.check import check_rules
from knowledge.eligibility.derived import (
    DERIVED,
    compute,
    gps_per_10k_residents,
    health_staff_per_bed,
    primary_build_basis,
    visits_per_resident,
)
from knowledge.eligibility.loader import criterion_from_dict, document_metadata
from knowledge.regions import DATA, region_ids

REGIONS = region_ids()
ALL_CASES = [(region, case) for region in REGIONS for case in load_cases(DATA, region)]


@pytest.fixture(scope="module")
def fields():
    return load_fields(DATA)


@pytest.fixture(scope="module")
def rules():
    return load_rule_sets(DATA)


# ---------------------------------------------------------------- the YAML cases


@pytest.mark.parametrize(("region", "case"), ALL_CASES, ids=[f"{r}: {c.name}" for r, c in ALL_CASES])
def test_case(region, case, rules, fields):
    assert run_case(case, rules[region], fields) == []


@pytest.mark.parametrize("region", REGIONS)
def test_every_region_has_a_rule_set_and_ten_cases(region, rules):
    assert region in rules
    assert len(load_cases(DATA, region)) >= 10


@pytest.mark.parametrize("region", REGIONS)
def test_cases_cover_every_criterion_on_both_sides(region, rules, fields):
    """Every required criterion and disqualifier is seen passing and not passing in some case, and
    every criterion is seen unknown: the cases really exercise each limit."""
    seen: dict[str, set[str]] = {c.id: set() for c in rules[region].criteria}
    for case in load_cases(DATA, region):
        for result in evaluate(case.profile, rules[region]).criteria:
            seen[result.id].add(result.status)
    for criterion in rules[region].criteria:
        assert "unknown" in seen[criterion.id], criterion.id
        assert "pass" in seen[criterion.id], criterion.id
        blocked = {"fail", "warning"} if criterion.kind != "priority" else {"not_met"}
        assert seen[criterion.id] & blocked, criterion.id


def test_run_case_reports_a_wrong_expectation(rules, fields):
    case = load_cases(DATA, "jilin")[1]  # 床位29张
    wrong = type(case)(case.name, case.profile, "eligible", statuses={"open-beds": "pass"}, gaps={"open-beds": 3})
    faults = run_case(wrong, rules["jilin"], fields)
    assert any("verdict not_eligible, expected eligible" in f for f in faults)
    assert any(f.startswith("open-beds: status fail") for f in faults)
    assert any(f.startswith("open-beds: gap 1") for f in faults)


# ---------------------------------------------------------------- verdict semantics


@pytest.mark.parametrize("region", REGIONS)
def test_a_missing_answer_never_makes_a_profile_not_eligible(region, rules):
    """Remove any one field from the all-pass profile: the verdict is incomplete (or still eligible
    when only a priority condition reads it), never not_eligible."""
    all_pass = load_cases(DATA, region)[0].profile
    assert evaluate(all_pass, rules[region]).verdict == "eligible"
    for name in all_pass:
        profile = {k: v for k, v in all_pass.items() if k != name}
        verdict = evaluate(profile, rules[region])
        assert verdict.verdict in ("incomplete", "eligible"), name
        assert not verdict.failed(), name


@pytest.mark.parametrize("region", REGIONS)
def test_each_disqualifier_overrides_all_passes(region, rules, fields):
    all_pass = load_cases(DATA, region)[0].profile
    for criterion in rules[region].criteria:
        if criterion.kind != "disqualifier":
            continue
        (name,) = criterion.fields
        verdict = evaluate({**all_pass, name: True}, rules[region])
        assert verdict.verdict == "not_eligible"
        assert [r.id for r in verdict.failed()] == [criterion.id]
        assert len(verdict.passed()) == len([c for c in rules[region].criteria if c.kind != "priority"]) - 1


def test_priority_conditions_never_fail(rules):
    for rule_set in rules.values():
        for case in load_cases(DATA, rule_set.region):
            for r in evaluate(case.profile, rule_set).criteria:
                if r.kind == "priority":
                    assert r.status in ("pass", "not_met", "unknown")


def test_verdict_groups(rules):
    profile = {"open_beds": 28, "local_government_support": True, "demonstration_center": False}
    verdict = evaluate(profile, rules["jilin"])
    assert [r.id for r in verdict.failed()] == ["open-beds"]
    assert [r.id for r in verdict.passed()] == ["local-government-support"]
    assert "floor-area" in [r.id for r in verdict.unknown()]
    assert [r.id for r in verdict.priority()] == ["recommended-capability", "demonstration-center"]
    assert [r.status for r in verdict.priority()] == ["unknown", "not_met"]
    assert verdict.verdict == "not_eligible"


def test_beijing_in_principle_is_a_marked_warning_not_a_silent_pass(rules):
    verdict = evaluate(
        {"service_capability_level": "basic", "meets_basic_standard_resources": True, "public_health_staff_share": 30},
        rules["beijing"],
    )
    assert verdict.verdict == "not_eligible"
    assert verdict.conditional
    (warning,) = verdict.warnings()
    assert warning.id == "recommended-capability" and warning.principle
    assert "原则上" in warning.message and "区卫生健康委" in warning.message
    assert not verdict.failed()


def test_result_carries_value_limit_gap_unit_and_source(rules):
    (beds,) = [r for r in evaluate({"open_beds": 28}, rules["jilin"]).criteria if r.id == "open-beds"]
    assert (beds.value, beds.limit, beds.gap, beds.unit) == (28, 30, 2, "张")
    assert beds.message == "实际开放床位28张，要求≥30张，还差2张"
    assert beds.source.document == "吉林省社区医院建设实施方案"
    assert beds.source.number == "吉卫基层发〔2020〕5号"
    assert (beds.source.section, beds.source.quote) == ("四（二）", "实际开放床位数≥30张")
    assert not beds.source.secondary


def test_secondary_criteria_are_never_presented_as_official(rules, kb: KnowledgeBase):
    verdict = evaluate({"open_beds": 10, "general_practitioners": 5}, rules["national"])
    secondary = [r for r in verdict.criteria if r.secondary]
    assert {r.id for r in secondary} == {
        "b1-open-beds", "b2-bed-occupancy", "b3-staff-per-bed", "b4-non-technical-staff", "b5-general-practitioners"
    }  # fmt: skip
    for r in secondary:
        assert r.source.secondary
        assert kb.documents[rules["national"].criterion(r.id).citation.document].secondary
        assert "新闻报道" in r.message and "正式文件" in r.message, r.message
    for r in verdict.criteria:
        if not r.secondary:
            assert "新闻报道" not in r.message
            assert not kb.documents[rules["national"].criterion(r.id).citation.document].secondary


def test_fields_needed_in_yaml_order_with_derived_inputs(rules):
    assert rules["jilin"].fields_needed()[:4] == [
        "local_government_support", "open_beds", "bed_occupancy_rate", "floor_area_m2"
    ]  # fmt: skip
    needed = rules["chongqing-yuzhong"].fields_needed()
    assert needed.index("annual_visits") < needed.index("resident_population") < needed.index("tcm_herbal_pieces")
    assert needed.count("resident_population") == 1
    assert "general_practitioners" in needed
    assert rules["national"].fields_needed()[:3] == [
        "meets_basic_standard_resources", "institution_type", "urban_rural_fringe"
    ]  # fmt: skip


def test_yuzhong_has_the_eleven_items_all_required_and_three_disqualifiers(rules):
    criteria = rules["chongqing-yuzhong"].criteria
    items = {c.id.split("-")[0].rstrip("ab") for c in criteria if c.kind == "required"}
    assert items == {f"c{i}" for i in range(1, 12)}
    assert len([c for c in criteria if c.kind == "disqualifier"]) == 3
    assert not [c for c in criteria if c.kind == "priority"]


# ---------------------------------------------------------------- citations


@pytest.mark.parametrize("region", REGIONS)
def test_every_rule_citation_verifies_against_the_source(region, rules, kb: KnowledgeBase):
    for c in rules[region].criteria:
        assert verify(kb.documents, c.citation.document, c.citation.section, c.citation.quote) is None, c.id


def test_kb_check_rules_is_clean_and_registered(kb: KnowledgeBase):
    from knowledge.check import CHECKS

    assert check_rules in CHECKS
    assert check_rules(kb) == []


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    return root


def test_kb_check_reports_a_wrong_quote_a_failing_case_and_a_missing_rule_set(data_copy: Path):
    path = data_copy / "rules" / "jilin.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("实际开放床位数≥30张}", "实际开放床位数≥35张}"), "utf-8")
    cases = data_copy / "rules" / "cases" / "jilin.yaml"
    cases.write_text(cases.read_text(encoding="utf-8").replace("还差1张", "还差9张"), "utf-8")
    (data_copy / "rules" / "beijing.yaml").unlink()
    errors = check_rules(KnowledgeBase(data_copy))
    assert any(e.startswith("rules/jilin.yaml: open-beds: citation:") for e in errors), errors
    assert any(e.startswith("rules/cases/jilin.yaml: 床位29张，差1张: open-beds: message") for e in errors), errors
    assert "rules: -: region beijing has no rule set" in errors


def test_kb_check_reports_unknown_field_and_unknown_key(data_copy: Path):
    path = data_copy / "rules" / "beijing.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("field: public_health_staff_share", "field: public_health_staf_share\n    colour: red")
    path.write_text(text, "utf-8")
    errors = check_rules(KnowledgeBase(data_copy))
    assert any("unknown keys ['colour']" in e for e in errors), errors
    assert any("unknown profile field 'public_health_staf_share'" in e for e in errors), errors


# ---------------------------------------------------------------- loader checks


BASE = {
    "id": "x",
    "kind": "required",
    "title": "t",
    "why": "w",
    "pass": "p",
    "fail": "f",
    "citation": {"document": "jilin-2020", "section": "四（二）", "quote": "q"},
}


@pytest.mark.parametrize(
    ("change", "fault"),
    [
        ({"field": "open_bed", "compare": ">=", "limit": 30}, "unknown profile field 'open_bed'"),
        ({"derived": "beds_per_gp", "compare": ">=", "limit": 1}, "unknown derived function 'beds_per_gp'"),
        ({"field": "open_beds", "compare": "=>", "limit": 30}, "compare must be one of"),
        ({"field": "open_beds", "compare": ">=", "limit": "30"}, "needs a numeric limit"),
        ({"field": "local_government_support", "compare": ">=", "limit": 1}, "on a non-numeric value"),
        ({"field": "open_beds", "compare": "is_true"}, "on a non-bool value"),
        ({"field": "service_capability_level", "compare": "==", "limit": "excellent"}, "not among the choices"),
        ({"field": "open_beds", "derived": "health_staff_per_bed", "compare": ">=", "limit": 1}, "either field or"),
        ({"field": "open_beds", "compare": ">=", "limit": 30, "kind": "optional"}, "kind must be one of"),
        ({"field": "open_beds", "compare": ">=", "limit": 30, "secondary": True}, "needs provenance"),
        ({"compare": "is_true"}, "field (or derived) is missing"),
        ({"field": "open_beds", "compare": ">=", "limit": 30, "why": ""}, "why is missing"),
    ],
)
def test_loader_rejects_malformed_criteria(change, fault, fields):
    with pytest.raises(RuleError, match=None) as excinfo:
        criterion_from_dict({**BASE, **change}, fields, "test.yaml")
    assert fault in str(excinfo.value)
    assert "test.yaml: criterion x" in str(excinfo.value)


def test_loader_keeps_news_reports_and_official_texts_apart(fields):
    documents = document_metadata(DATA)
    official_marked_secondary = {**BASE, "field": "open_beds", "compare": ">=", "limit": 30, "secondary": True,
                                 "provenance": "据报道"}  # fmt: skip
    with pytest.raises(RuleError, match="secondary must be true exactly when"):
        criterion_from_dict(official_marked_secondary, fields, "t.yaml", documents)
    news_as_official = {
        **BASE, "field": "open_beds", "compare": ">=", "limit": 30,
        "citation": {"document": "basic-standard-2019-reports", "section": "B1", "quote": "at least 30"},
    }  # fmt: skip
    with pytest.raises(RuleError, match="secondary must be true exactly when"):
        criterion_from_dict(news_as_official, fields, "t.yaml", documents)
    with pytest.raises(RuleError, match="unknown document"):
        criterion_from_dict({**BASE, "field": "open_beds", "compare": "is_true", "citation": {
            "document": "jilin-2099", "section": "一", "quote": "q"}} | {"compare": ">=", "limit": 1},
            fields, "t.yaml", documents)  # fmt: skip


def test_rule_set_file_name_must_match_region(data_copy: Path):
    (data_copy / "rules" / "jilin.yaml").rename(data_copy / "rules" / "jilin2.yaml")
    with pytest.raises(RuleError, match="does not match the file name"):
        load_rule_sets(data_copy)


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


def test_every_rule_field_is_defined_and_every_design_field_exists(rules, fields):
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
    for rule_set in rules.values():
        assert set(rule_set.fields_needed()) <= set(fields)


# ---------------------------------------------------------------- derived quantities


def test_gps_per_10k_residents():
    assert gps_per_10k_residents(10, 50000) == 2.0
    assert gps_per_10k_residents(9, 50000) == pytest.approx(1.8)
    assert gps_per_10k_residents(0, 50000) == 0.0
    assert gps_per_10k_residents(None, 50000) is None
    assert gps_per_10k_residents(10, None) is None
    assert gps_per_10k_residents(10, 0) is None


def test_visits_per_resident():
    assert visits_per_resident(100000, 50000) == 2.0
    assert visits_per_resident(99999, 50000) < 2.0
    assert visits_per_resident(0, 50000) == 0.0
    assert visits_per_resident(None, 1) is None
    assert visits_per_resident(100, 0) is None


def test_health_staff_per_bed():
    assert health_staff_per_bed(21, 30) == pytest.approx(0.7)
    assert health_staff_per_bed(20, 30) < 0.7
    assert health_staff_per_bed(20, 0) is None
    assert health_staff_per_bed(None, 30) is None


def test_primary_build_basis():
    assert primary_build_basis("community_health_center", None) is True
    assert primary_build_basis("community_health_center", False) is True
    assert primary_build_basis("township_health_center", True) is True
    assert primary_build_basis("township_health_center", False) is False
    assert primary_build_basis("township_health_center", None) is None
    assert primary_build_basis(None, True) is None


def test_compute_reads_inputs_by_name_from_the_profile(fields):
    assert compute("gps_per_10k_residents", {"general_practitioners": 6, "resident_population": 20000}) == 3.0
    assert compute("visits_per_resident", {"annual_visits": 100}) is None
    for name, spec in DERIVED.items():
        assert set(spec.inputs) <= set(fields), name


# ---------------------------------------------------------------- profile validation


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


def test_cases_yaml_files_are_plain_yaml():
    for region in REGIONS:
        raw = yaml.safe_load((DATA / "rules" / "cases" / f"{region}.yaml").read_text(encoding="utf-8"))
        assert isinstance(raw, list) and all("profile" in c and "verdict" in c for c in raw)
