"""Breaker B17: a situational question's headline said "✅ 您说到的条件都符合" — the conditions passing
on the director's saved /check answers — while the figures typed in the question were ⚠️ below the
basic standard's reported figures. Typed figures override saved ones, and the headline reflects the
worst criterion shown: a reported figure missed is ⚠️ with its provenance (新闻报道, 请以正式文件为准),
never ✅; its line says it misses the reported requirement (not 只作提示); a norm missed under a ✅ is
said in the headline. Driven through the router, each reported criterion of the national rules."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import qa as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
# A /check finished with every national figure met.
SAVED = {
    "meets_basic_standard_resources": True,
    "institution_type": "community_health_center",
    "open_beds": 40,
    "bed_occupancy_rate": 85,
    "health_technical_staff": 40,
    "non_technical_staff_share": 10,
    "general_practitioners": 5,
}
JILIN = {"local_government_support": True, "floor_area_m2": 3500}
# One reported figure typed below its reported requirement, and what the reply shows of it.
TYPED = [
    ("b1-open-beds", "我们床位20张，能申请吗", "现为20张"),
    ("b2-bed-occupancy", "我们床位使用率才60%，能申请社区医院吗", "现为60%"),
    ("b3-staff-per-bed", "我们卫技人员30人，床位50张，能申请吗", "现有30人"),
    ("b4-non-technical-staff", "我们非卫生技术人员占20%，能申请吗", "现为20%"),
    ("b5-general-practitioners", "我们全科医生2个，够吗", "现为2人"),
]


def _reply(kb, text: str, profile: dict, region: str = "national") -> str:
    out = handle(UserState(user_id=1, region=region, profile=dict(profile)), Event.say(text), kb, NOW)
    return "\n".join(r.text for r in out.replies)


def test_every_reported_criterion_is_typed_once(kb) -> None:
    assert {c.id for c in kb.rules["national"].criteria if c.force == "reported"} == {c for c, _, _ in TYPED}


@pytest.mark.parametrize(("criterion", "text", "shown"), TYPED)
def test_a_typed_figure_below_a_reported_figure_is_not_overruled_by_saved_answers(kb, criterion, text, shown) -> None:
    reply = _reply(kb, text, SAVED)
    head = reply.splitlines()[0]
    assert "✅" not in head and "都符合" not in head, reply
    assert T.SITUATION_REPORTED_MISSED_PASSED.format(n=1) in head
    title = next(c.title for c in kb.rules["national"].criteria if c.id == criterion)
    line = next(x for x in reply.splitlines() if x.startswith("⚠️ " + title))
    assert T.SITUATION_WARNING_BY_FORCE["reported"] in line and shown in line, line  # typed wins over saved
    assert T.SITUATION_STATUS["warning"] not in line


@pytest.mark.parametrize(("criterion", "text", "shown"), TYPED)
def test_without_saved_answers_a_reported_figure_missed_is_a_warning_headline(kb, criterion, text, shown) -> None:
    reply = _reply(kb, text, {})
    assert reply.splitlines()[0].endswith(T.SITUATION_REPORTED_MISSED.format(n=1)), reply
    assert "正式文件" in reply.splitlines()[0]


def test_figures_met_with_saved_answers_met_are_green(kb) -> None:
    head = _reply(kb, "我们床位45张，使用率80%，能申请吗", SAVED).splitlines()[0]
    assert head.endswith(T.SITUATION_PASSED.format(aside="")), head


@pytest.mark.parametrize(
    ("region", "saved", "text", "failed"),
    [
        ("jilin", {**JILIN, "bed_occupancy_rate": 80}, "我们使用率70%，能申请吗", 1),
        ("jilin", {**JILIN, "open_beds": 40}, "我们床位25张能申请吗", 1),
        ("chongqing-yuzhong", {"tcm_herbal_pieces": 320, "patient_satisfaction": 90}, "我们患者满意度75%，达标吗", 1),
    ],
)
def test_a_typed_condition_missed_fails_whatever_was_saved(kb, region, saved, text, failed) -> None:
    head = _reply(kb, text, saved, region).splitlines()[0]
    assert head.endswith(T.SITUATION_FAILED_SHORT.format(n=failed)), head


@pytest.mark.parametrize("region", ["beijing", "chongqing-yuzhong"])
def test_a_local_regions_reported_figures_missed_are_flagged_without_a_second_verdict(kb, region) -> None:
    reply = _reply(kb, "我们床位20张，使用率80%，能申请吗", {}, region)
    assert T.SITUATION_REPORTED_MISSED_NOTE.format(n=1) in reply, reply
    assert T.SITUATION_REPORTED_MISSED.format(n=1) not in reply
    assert sum(line.count("结论：") for line in reply.splitlines()) == 1, reply


def test_a_norm_missed_under_a_green_headline_is_said_in_it(kb) -> None:
    said = "我们卫生院床位36张，使用率82%，业务用房3300平，公卫人员占比20%，能申请吗"
    head = _reply(kb, said, {}, "jilin").splitlines()[0]
    assert head.startswith("【吉林省】✅") and T.SITUATION_NORMS_MISSED.format(n=1) in head, head
    # the institution's type alone is no requirement missed (newcomer trial 8, N23)
    head = _reply(kb, "我们卫生院床位36张，使用率82%，业务用房3300平，能申请吗", {}, "jilin").splitlines()[0]
    assert head.startswith("【吉林省】✅") and "未达到" not in head, head
