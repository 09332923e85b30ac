"""The YAML cases beside each rule set (knowledge/data/rules/cases/<region>.yaml) pass, exercise every
criterion, and the case runner reports a wrong expectation."""

from __future__ import annotations

import pytest
import yaml

from knowledge.eligibility import evaluate, load_fields, load_rule_sets
from knowledge.eligibility.cases import load_cases, run_case
from knowledge.regions import DATA, region_ids

REGIONS = region_ids()
ALL_CASES = [(region, case) for region in REGIONS for case in load_cases(DATA, region)]


@pytest.fixture(scope="module")
def fields():
    return load_fields(DATA)


@pytest.fixture(scope="module")
def rules():
    return load_rule_sets(DATA)


@pytest.mark.parametrize(("region", "case"), ALL_CASES, ids=[f"{r}: {c.name}" for r, c in ALL_CASES])
def test_case(region, case, rules, fields):
    assert run_case(case, rules[region], fields) == []


@pytest.mark.parametrize("region", REGIONS)
def test_every_region_has_a_rule_set_and_ten_cases(region, rules):
    assert region in rules
    assert len(load_cases(DATA, region)) >= 10


@pytest.mark.parametrize("region", REGIONS)
def test_cases_cover_every_criterion_on_both_sides(region, rules, fields):
    """Every criterion is seen passing, not passing (fail, ⚠️ or not met, by its force) and unknown
    in some case: the cases really exercise each limit."""
    seen: dict[str, set[str]] = {c.id: set() for c in rules[region].criteria}
    for case in load_cases(DATA, region):
        for result in evaluate(case.profile, rules[region]).criteria:
            seen[result.id].add(result.status)
    missed = {"condition": "fail", "disqualifier": "fail", "priority": "not_met"}
    for criterion in rules[region].criteria:
        assert "unknown" in seen[criterion.id], criterion.id
        assert "pass" in seen[criterion.id], criterion.id
        assert missed.get(criterion.force, "warning") in seen[criterion.id], criterion.id


def test_run_case_reports_a_wrong_expectation(rules, fields):
    case = next(c for c in load_cases(DATA, "jilin") if c.name == "床位29张，差1张")
    wrong = type(case)(case.name, case.profile, "eligible", statuses={"open-beds": "pass"}, gaps={"open-beds": 3})
    faults = run_case(wrong, rules["jilin"], fields)
    assert any("verdict not_eligible, expected eligible" in f for f in faults)
    assert any(f.startswith("open-beds: status fail") for f in faults)
    assert any(f.startswith("open-beds: gap 1") for f in faults)
    reported = type(case)(case.name, case.profile, "not_eligible", reported_only=True)
    assert run_case(reported, rules["jilin"], fields) == ["reported_only False, expected True"]


def test_cases_yaml_files_are_plain_yaml():
    for region in REGIONS:
        raw = yaml.safe_load((DATA / "rules" / "cases" / f"{region}.yaml").read_text(encoding="utf-8"))
        assert isinstance(raw, list) and all("profile" in c and "verdict" in c for c in raw)
