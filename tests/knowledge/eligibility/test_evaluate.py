"""Verdict semantics by force (issue 9): a missing answer never fails, a disqualifier overrides, a
principle makes the verdict conditional, norms and reported figures never decide alone, priorities
never change it; and what a result carries."""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase
from knowledge.eligibility import evaluate
from knowledge.eligibility.cases import load_cases
from knowledge.regions import DATA, region_ids

REGIONS = region_ids()


@pytest.fixture(scope="module")
def rules(kb: KnowledgeBase):
    return kb.rules


@pytest.mark.parametrize("region", REGIONS)
def test_a_missing_answer_never_makes_a_profile_not_eligible(region, rules):
    """Remove any one field from the all-pass profile: the verdict is incomplete (or still eligible
    when only a priority, norm or reported criterion reads it), never not_eligible."""
    all_pass = load_cases(DATA, region)[0].profile
    assert evaluate(all_pass, rules[region]).verdict == "eligible"
    for name in all_pass:
        profile = {k: v for k, v in all_pass.items() if k != name}
        verdict = evaluate(profile, rules[region])
        assert verdict.verdict in ("incomplete", "eligible"), name
        assert not verdict.failed(), name


@pytest.mark.parametrize("region", REGIONS)
def test_each_disqualifier_overrides_all_passes(region, rules):
    all_pass = load_cases(DATA, region)[0].profile
    for criterion in rules[region].criteria:
        if criterion.force != "disqualifier":
            continue
        (name,) = criterion.fields
        verdict = evaluate({**all_pass, name: True}, rules[region])
        assert verdict.verdict == "not_eligible"
        assert [r.id for r in verdict.failed()] == [criterion.id]
        assert len(verdict.passed()) == len([c for c in rules[region].criteria if c.deciding]) - 1


@pytest.mark.parametrize("region", ["jilin", "beijing", "national"])  # 渝中 has conditions and disqualifiers only
def test_norms_reported_figures_and_priorities_never_change_the_verdict(region, rules, kb: KnowledgeBase):
    """Give every field that only norms, priorities or reported figures read each value it can take:
    the all-pass verdict stays eligible (issue 9: norm and reported never decide alone — with an
    official condition known — and priority never decides)."""
    rule_set = rules[region]
    all_pass = load_cases(DATA, region)[0].profile
    deciding = {f for c in rule_set.criteria if c.deciding for f in c.fields}
    others = {f for c in rule_set.criteria if not c.deciding for f in c.fields} - deciding
    assert others, "every rule set has a norm, priority or reported criterion"
    for name in sorted(others):
        spec = kb.fields[name]
        values = {"bool": [True, False], "choice": [v for v, _ in spec.choices]}.get(spec.kind, [spec.min, spec.max])
        for value in values:
            verdict = evaluate({**all_pass, name: value}, rule_set)
            assert (verdict.verdict, verdict.conditional, verdict.reported_only) == ("eligible", False, False), (
                name,
                value,
            )


def test_forces_give_their_statuses(rules):
    jilin = evaluate({"open_beds": 20, "public_health_staff_share": 10, "demonstration_center": False}, rules["jilin"])
    status = {r.id: r.status for r in jilin.criteria}
    assert (status["open-beds"], status["public-health-staff-share"], status["demonstration-center"]) == (
        "fail",
        "warning",
        "not_met",
    )
    assert [r.id for r in jilin.failed()] == ["open-beds"]
    assert [r.id for r in jilin.cautions()] == ["public-health-staff-share"]
    assert jilin.warnings() == ()


def test_verdict_groups(rules):
    profile = {"open_beds": 28, "local_government_support": True, "demonstration_center": False}
    verdict = evaluate(profile, rules["jilin"])
    assert [r.id for r in verdict.failed()] == ["open-beds"]
    assert [r.id for r in verdict.passed()] == ["local-government-support"]
    assert "floor-area" in [r.id for r in verdict.unknown()]
    assert "public-health-staff-share" not in [r.id for r in verdict.unknown()]  # a norm is never awaited
    assert [r.id for r in verdict.priority()] == ["recommended-capability", "demonstration-center"]
    assert [r.status for r in verdict.priority()] == ["unknown", "not_met"]
    assert verdict.verdict == "not_eligible"


def test_beijing_in_principle_is_a_marked_warning_not_a_silent_pass(rules):
    verdict = evaluate(
        {"service_capability_level": "basic", "meets_basic_standard_resources": True, "public_health_staff_share": 30},
        rules["beijing"],
    )
    assert verdict.verdict == "not_eligible"
    assert verdict.conditional and not verdict.reported_only
    (warning,) = verdict.warnings()
    assert warning.id == "recommended-capability" and warning.principle and warning.force == "principle"
    assert "原则上" in warning.message and "区卫生健康委" in warning.message
    assert not verdict.failed()


def test_a_verdict_resting_only_on_reported_figures_says_so(rules):
    """R9: news-reported figures alone never give a hard 不符合; when nothing official is known the
    verdict says it rests only on them, and the missed figures are what failed() lists."""
    national = rules["national"]
    only_reported = evaluate({"open_beds": 25}, national)
    assert (only_reported.verdict, only_reported.reported_only, only_reported.conditional) == (
        "not_eligible",
        True,
        False,
    )
    assert [r.id for r in only_reported.failed()] == ["b1-open-beds"]
    official = evaluate({"open_beds": 25, "meets_basic_standard_resources": True}, national)
    assert (official.verdict, official.reported_only) == ("eligible", False)
    assert [r.id for r in official.cautions()] == ["b1-open-beds"]
    assert official.failed() == ()


def test_result_carries_force_value_limit_gap_unit_and_source(rules):
    (beds,) = [r for r in evaluate({"open_beds": 28}, rules["jilin"]).criteria if r.id == "open-beds"]
    assert (beds.force, beds.kind, beds.value, beds.limit, beds.gap, beds.unit) == (
        "condition",
        "required",
        28,
        30,
        2,
        "张",
    )
    assert beds.message == "实际开放床位28张，要求≥30张，还差2张"
    assert beds.source.document == "吉林省社区医院建设实施方案"
    assert beds.source.number == "吉卫基层发〔2020〕5号"
    assert (beds.source.section, beds.source.quote) == ("四（二）", "实际开放床位数≥30张")
    assert not beds.source.secondary


def test_reported_criteria_are_never_presented_as_official(rules, kb: KnowledgeBase):
    verdict = evaluate({"open_beds": 10, "general_practitioners": 5}, rules["national"])
    reported = [r for r in verdict.criteria if r.force == "reported"]
    assert {r.id for r in reported} == {
        "b1-open-beds", "b2-bed-occupancy", "b3-staff-per-bed", "b4-non-technical-staff", "b5-general-practitioners"
    }  # fmt: skip
    for r in reported:
        assert r.secondary and r.source.secondary
        assert kb.documents[rules["national"].criterion(r.id).citation.document].secondary
        assert "新闻报道" in r.message and "正式文件" in r.message, r.message
    for r in verdict.criteria:
        if r.force != "reported":
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


def test_yuzhong_has_the_eleven_items_all_conditions_and_three_disqualifiers(rules):
    criteria = rules["chongqing-yuzhong"].criteria
    items = {c.id.split("-")[0].rstrip("ab") for c in criteria if c.force == "condition"}
    assert items == {f"c{i}" for i in range(1, 12)}
    assert len([c for c in criteria if c.force == "disqualifier"]) == 3
    assert {c.force for c in criteria} == {"condition", "disqualifier"}


def test_rule_sets_list_the_documents_they_rest_on(rules):
    assert rules["jilin"].documents() == ("jilin-2020", "jilin-2024")
    assert rules["national"].documents() == ("national-2021", "basic-standard-2019-reports")


@pytest.mark.parametrize("region", REGIONS)
def test_a_value_exactly_at_its_limit_never_shows_a_gap_of_zero(region, rules):
    """F19: "高0个百分点" — at a strict limit (低于15%) the value fails with a gap of 0; the message
    says it is exactly at the limit instead of showing a gap."""
    import re

    zero_gap = re.compile(r"(高|差|低|多|少)0(个|张|名|人|%|平|$|[^\d.])")
    for criterion in rules[region].criteria:
        if criterion.derived or not isinstance(criterion.limit, int | float) or isinstance(criterion.limit, bool):
            continue
        (result,) = [
            r for r in evaluate({criterion.fields[0]: criterion.limit}, rules[region]).criteria if r.id == criterion.id
        ]
        assert not zero_gap.search(result.message), (criterion.id, result.message)


def test_a_strict_limit_reached_exactly_says_so(rules):
    (share,) = [
        r
        for r in evaluate({"non_technical_staff_share": 15}, rules["national"]).criteria
        if r.id == "b4-non-technical-staff"
    ]
    assert share.status == "warning" and share.gap == 0
    assert "正好" in share.message and "高0" not in share.message
