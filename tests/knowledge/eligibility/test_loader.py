"""Loading fields and rule sets: pydantic schemas with `file: entry: field: message` errors, the
cross-file checks (fields, derived functions, documents) and the force checks (a condition, disqualifier
or principle cites where the text states the conditions for the name; a norm does not)."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml

from knowledge.base import KnowledgeBase
from knowledge.documents import load_catalogue
from knowledge.eligibility import RuleError, load_fields, load_rule_sets
from knowledge.eligibility.check import check_rules
from knowledge.eligibility.loader import rule_set_from_dict
from knowledge.regions import DATA

BASE = {
    "id": "x",
    "force": "condition",
    "title": "t",
    "why": "w",
    "pass": "p",
    "fail": "f",
    "field": "open_beds",
    "compare": ">=",
    "limit": 30,
    "citation": {"document": "jilin-2020", "section": "四（二）", "quote": "实际开放床位数≥30张"},
}
RULE_SET = {
    "region": "jilin",
    "title": "t",
    "conditions_from": [{"document": "jilin-2020", "section": "四（二）"}],
    "criteria": [],
}


@pytest.fixture(scope="module")
def fields():
    return load_fields(DATA)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(DATA)


def build(change: dict, fields, catalogue, drop: tuple[str, ...] = ()):
    criterion = {k: v for k, v in {**BASE, **change}.items() if k not in drop}
    return rule_set_from_dict({**copy.deepcopy(RULE_SET), "criteria": [criterion]}, fields, "test.yaml", catalogue)


def test_a_good_criterion_loads(fields, catalogue):
    (c,) = build({}, fields, catalogue).criteria
    assert (c.force, c.kind, c.fields, c.limit, c.unit) == ("condition", "required", ("open_beds",), 30, "张")
    assert c.source is not None and c.source.number == "吉卫基层发〔2020〕5号"


@pytest.mark.parametrize(
    ("change", "drop", "fault"),
    [
        ({"field": "open_bed"}, (), "x: unknown profile field 'open_bed'"),
        ({"field": None, "derived": "beds_per_gp"}, (), "x: unknown derived function 'beds_per_gp'"),
        ({"compare": "=>"}, (), "x: compare: Input should be"),
        ({"limit": "30"}, (), "needs a numeric limit"),
        ({"field": "local_government_support"}, (), "on a non-numeric value"),
        ({"compare": "is_true", "limit": None}, (), "on a non-bool value"),
        ({"field": "service_capability_level", "compare": "==", "limit": "excellent"}, (), "not among the choices"),
        ({"derived": "health_staff_per_bed"}, (), "give exactly one of field and derived"),
        ({"force": "optional"}, (), "x: force: Input should be"),
        ({"force": "required"}, (), "x: force: Input should be 'condition'"),
        ({"provenance": "据报道"}, (), "a reported criterion needs provenance"),
        ({}, ("field",), "give exactly one of field and derived"),
        ({"why": ""}, (), "x: why: missing or empty"),
        ({"colour": "red"}, (), "x: colour: unknown key"),
        ({}, ("citation",), "x: citation: missing"),
    ],
)
def test_the_loader_rejects_malformed_criteria_naming_file_entry_and_field(change, drop, fault, fields, catalogue):
    with pytest.raises(RuleError) as excinfo:
        build(change, fields, catalogue, drop)
    assert fault in str(excinfo.value), str(excinfo.value)
    assert str(excinfo.value).startswith("test.yaml: x: ") or str(excinfo.value).startswith("test.yaml: ")


def test_news_reports_and_official_texts_stay_apart(fields, catalogue):
    with pytest.raises(RuleError, match="force reported goes exactly with a citation of a secondary note"):
        build({"force": "reported", "provenance": "据报道"}, fields, catalogue)
    news = {"document": "basic-standard-2019-reports", "section": "B1", "quote": "at least 30"}
    with pytest.raises(RuleError, match="force reported goes exactly with"):
        build({"citation": news}, fields, catalogue)
    with pytest.raises(RuleError, match="citation names unknown document 'jilin-2099'"):
        build({"citation": {"document": "jilin-2099", "section": "一", "quote": "q"}}, fields, catalogue)


def test_a_force_must_fit_where_it_is_cited(fields, catalogue):
    """R1–R3, R6 would have been caught: a staffing rule of 二（三） cited as a condition, the 三（二）
    inspection rule as a disqualifier; and a norm cited from the condition passage."""
    staffing = {"document": "jilin-2024", "section": "二（三）", "quote": "至少配备1名公共卫生医师"}
    with pytest.raises(RuleError, match="a condition must cite a passage listed in conditions_from"):
        build({"citation": staffing, "field": "public_health_physicians", "limit": 1}, fields, catalogue)
    inspection = {"document": "jilin-2024", "section": "三（二）", "quote": "不能参加当年申报服务能力标准的复核"}
    with pytest.raises(RuleError, match="a disqualifier must cite a passage listed in conditions_from"):
        build({"force": "disqualifier", "citation": inspection, "field": "serious_inspection_findings",
               "compare": "is_false", "limit": None}, fields, catalogue)  # fmt: skip
    with pytest.raises(RuleError, match="a norm cites a passage that states the conditions"):
        build({"force": "norm"}, fields, catalogue)
    assert build({"force": "norm", "citation": staffing, "field": "public_health_physicians", "limit": 1},
                 fields, catalogue).criteria[0].force == "norm"  # fmt: skip


def test_a_principle_must_show_the_words_of_the_text(fields, catalogue):
    with pytest.raises(RuleError, match="a principle's quote must show the text's 原则上"):
        build({"force": "principle"}, fields, catalogue)


def test_criterion_ids_are_unique(fields, catalogue):
    raw = {**copy.deepcopy(RULE_SET), "criteria": [BASE, BASE]}
    with pytest.raises(RuleError, match=r"test\.yaml: x: criterion id used twice"):
        rule_set_from_dict(raw, fields, "test.yaml", catalogue)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    return root


def test_rule_set_file_name_must_match_region(data_copy: Path):
    (data_copy / "rules" / "jilin.yaml").rename(data_copy / "rules" / "jilin2.yaml")
    with pytest.raises(RuleError, match="does not match the file name"):
        load_rule_sets(data_copy)


def test_kb_check_rules_is_clean_and_registered(kb: KnowledgeBase):
    from knowledge.check import CHECKS

    assert check_rules in CHECKS
    assert check_rules(kb) == []


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
    assert "rules/beijing.yaml: public-health-staff-share: colour: unknown key" in errors, errors
    path.write_text(text.replace("\n    colour: red", ""), "utf-8")
    errors = check_rules(KnowledgeBase(data_copy))
    assert any("unknown profile field 'public_health_staf_share'" in e for e in errors), errors


def test_kb_check_reports_a_priority_that_the_text_does_not_make_one(data_copy: Path):
    """R11: national-2021 二 says where to build, nothing about 优先遴选."""
    path = data_copy / "rules" / "national.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  - id: build-basis\n    force: norm", "  - id: build-basis\n    force: priority"), "utf-8"
    )
    errors = check_rules(KnowledgeBase(data_copy))
    assert "rules/national.yaml: build-basis: a priority must cite a passage that speaks of 优先遴选" in errors, errors


def test_a_case_file_with_an_unknown_key_is_reported(data_copy: Path):
    cases = data_copy / "rules" / "cases" / "beijing.yaml"
    raw = yaml.safe_load(cases.read_text(encoding="utf-8"))
    raw[0]["expected"] = "eligible"
    cases.write_text(yaml.safe_dump(raw, allow_unicode=True), "utf-8")
    errors = check_rules(KnowledgeBase(data_copy))
    assert any(e.startswith("rules/cases/beijing.yaml: 全部达标: expected: unknown key") for e in errors), errors
