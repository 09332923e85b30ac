"""Newcomer trial 7: /check answers as people say them (N13, N14).

N13: a share given as its two counts in Chinese numerals (编制四十个，公卫的有九个) is computed like the
digits. N14: spoken answers are read — a count fused with its measure word (俩, 仨), a bit more than a
figure (八成多点), not known and who would tell (不知道，得问后勤), something said to have happened or been
reached with its time before it (去年刚评上甲级, 以前有，前年罚过一次), and a question ending in 不 (算一所不)
is a question, never an answer."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.answer_words import read_yes_no
from dialogs.none_words import says_unsure
from dialogs.quantities import ParsedValue, parse_quantity
from dialogs.router import handle
from dialogs.words import asks
from tests.dialogs.check_steps import at_question

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
T_APPROX = "按约数记录"
SHARE = "public_health_staff_share"
YUZHONG = "chongqing-yuzhong"


def at(kb, region: str, step: str) -> UserState:
    return at_question(kb, region, step, NOW)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("编制四十个，公卫的有九个", 22.5),
        ("编制四十，公卫九个", 22.5),
        ("专技人员五十人，公卫人员十五人", 30),
        ("编制两百个，其中公卫五十个", 25),
    ],
)
@pytest.mark.parametrize("region", ["beijing", "jilin"])
def test_a_share_in_chinese_numerals_is_computed(kb, region: str, typed: str, value: float) -> None:
    out = handle(at(kb, region, SHARE), Event.say(typed), kb, NOW)
    assert out.state.profile[SHARE] == value and out.state.step != SHARE


@pytest.mark.parametrize(
    ("typed", "value"),
    [("俩", 2), ("仨", 3), ("就俩", 2), ("只有仨", 3), ("俩人", 2), ("才俩", 2), ("十二", 12)],
)
def test_fused_counts_are_read(kb, typed: str, value: int) -> None:
    parsed = parse_quantity(typed, kb.fields["public_health_physicians"])
    assert isinstance(parsed, ParsedValue) and parsed.value == value and not parsed.approximate


@pytest.mark.parametrize(
    ("typed", "value"), [("八成多点", 80), ("八成多一点", 80), ("80多点", 80), ("九成多些", 90), ("百分之七十多点", 70)]
)
def test_a_bit_more_is_the_approximate_figure(kb, typed: str, value: int) -> None:
    parsed = parse_quantity(typed, kb.fields["patient_satisfaction"])
    assert isinstance(parsed, ParsedValue) and parsed.value == value and parsed.approximate


@pytest.mark.parametrize(
    "typed", ["不知道，得问后勤", "不清楚 要查一下台账", "这个不清楚，要问财务", "不晓得，回头问问院办"]
)
def test_unknown_then_who_would_tell_is_unknown(typed: str) -> None:
    assert says_unsure(typed)


@pytest.mark.parametrize("typed", ["不知道，大概三十", "不清楚，一百个吧", "不知道"])
def test_unknown_with_a_figure_is_not_read_as_unknown(typed: str) -> None:
    assert not says_unsure(typed)


@pytest.mark.parametrize(("region", "step"), [("jilin", "floor_area_m2"), (YUZHONG, "annual_visits")])
def test_unknown_then_who_is_recorded_as_unknown_at_a_number_question(kb, region: str, step: str) -> None:
    out = handle(at(kb, region, step), Event.say("不知道，得问后勤"), kb, NOW)
    assert out.state.profile.get(step, "missing") is None and out.state.step != step


@pytest.mark.parametrize(
    ("step", "typed", "value"),
    [
        ("community_grade_a", "去年刚评上甲级", True),
        ("community_grade_a", "前年评上了", True),
        ("community_grade_a", "2023年就评上甲级了", True),
        ("insurance_fraud_penalty", "以前有，前年罚过一次", True),
        ("insurance_fraud_penalty", "罚过一次", True),
        ("insurance_fraud_penalty", "没有过", False),
        ("insurance_fraud_penalty", "去年被罚过", True),
        ("community_grade_a", "早就达到了", True),
    ],
)
def test_something_that_happened_is_a_yes(kb, step: str, typed: str, value: bool) -> None:
    out = handle(at(kb, YUZHONG, step), Event.say(typed), kb, NOW)
    assert out.state.profile.get(step) is value and out.state.step != step


def test_past_at_a_question_about_now_is_not_a_yes(kb) -> None:
    """以前有 at 是否存在对外出租…: what was, not what is — asked again, nothing recorded (trial 6, N23)."""
    question = kb.fields["outsourced_departments"].question
    assert read_yes_no("以前有，现在不清楚", question).kind != "value"
    out = handle(at(kb, YUZHONG, "outsourced_departments"), Event.say("以前有"), kb, NOW)
    assert "outsourced_departments" not in out.state.profile


@pytest.mark.parametrize("typed", ["跟市中医院是医联体，算一所不", "转岗培训的行不", "这样够不", "算不"])
def test_a_question_ending_in_bu_is_a_question(typed: str) -> None:
    assert asks(typed)


@pytest.mark.parametrize("typed", ["一点也不", "我们从不", "都不"])
def test_a_denial_ending_in_bu_is_no_question(typed: str) -> None:
    assert not asks(typed)


def test_a_question_ending_in_bu_records_nothing(kb) -> None:
    step = "referral_partner_hospitals"
    out = handle(at(kb, YUZHONG, step), Event.say("跟市中医院是医联体，算一所不"), kb, NOW)
    assert step not in out.state.profile and out.state.step == step


@pytest.mark.parametrize("region", ["chongqing-yuzhong", "beijing", "national"])
def test_why_of_the_basic_standard_gives_the_reported_figures(kb, region: str) -> None:
    """N18: 为什么问这个 at the 基本标准 question gives the figures reported for it, with their provenance."""
    step = "meets_basic_standard_resources"
    out = handle(at(kb, region, step), Event.say("为什么问这个"), kb, NOW)
    text = out.replies[0].text
    reported = [c for c in kb.rules["national"].criteria if c.force == "reported"]
    assert reported and all(c.title in text for c in reported)
    assert all(c.source.document in text for c in reported) and out.state.step == step


def test_why_of_another_question_has_no_reported_figures(kb) -> None:
    out = handle(at(kb, "jilin", "open_beds"), Event.say("为什么问这个"), kb, NOW)
    assert "新华社" not in out.replies[0].text


@pytest.mark.parametrize("region", ["national", "jilin", "beijing", "chongqing-yuzhong"])
def test_the_resume_offer_counts_as_the_questions_do(kb, region: str) -> None:
    """N26: 已答 i/n on the resume offer uses the n of the 第 i/n 题 after it, and no '现在共 n 题' follows."""
    import re

    state = handle(UserState(region=region), Event.command("check"), kb, NOW).state
    first = kb.fields[state.step]
    state = handle(state, Event.say("1" if first.kind == "choice" else "不清楚"), kb, NOW).state
    state = handle(state, Event.command("cancel"), kb, NOW).state
    offered = handle(state, Event.command("check"), kb, NOW)
    total = re.search(r"已答 \d+/(\d+) 题", offered.replies[-1].text)
    asked = handle(offered.state, Event.say("继续"), kb, NOW)
    text = "\n".join(r.text for r in asked.replies)
    shown = re.search(r"第 \d+/(\d+) 题", text)
    assert total and shown and total[1] == shown[1] and "现在共" not in text


@pytest.mark.parametrize(
    ("region", "step", "typed", "value"),
    [
        ("jilin", "floor_area_m2", "两千九百来平", 2900),  # 2900–2999: wholly under ≥3000, recorded
        ("jilin", "open_beds", "三十来张", 30),  # 30–39: wholly at or over ≥30
        ("jilin", "open_beds", "四十多张", 40),
        ("national", "open_beds", "三十来张", 30),
    ],
)
def test_a_round_approximation_runs_up_to_the_next_round_figure(kb, region, step, typed, value) -> None:
    """N15: X来 and X多 are X up to, not including, the next round figure: recorded 按约数 when that range is
    on one side of every limit."""
    out = handle(at(kb, region, step), Event.say(typed), kb, NOW)
    assert out.state.profile.get(step) == value and out.state.step != step
    assert T_APPROX in out.replies[0].text


@pytest.mark.parametrize(("region", "typed"), [("jilin", "七十来"), ("chongqing-yuzhong", "七十来")])
def test_a_round_approximation_across_a_limit_asks(kb, region: str, typed: str) -> None:
    step = "bed_occupancy_rate" if region == "jilin" else "tcm_prescription_share"
    state = at(kb, region, step)
    out = handle(state, Event.say(typed), kb, NOW)
    limits = [c for c in kb.rules[region].criteria if step in c.fields and c.force in ("condition", "disqualifier")]
    straddles = any(isinstance(c.limit, int | float) and 70 < c.limit <= 79 for c in limits)
    assert (step not in out.state.profile) == straddles


def test_the_verdict_says_it_rests_on_approximate_figures(kb) -> None:
    state = handle(UserState(region="national"), Event.command("check"), kb, NOW).state
    for said in ["是", "1", "三十来张", "八成", "二十个左右", "10", "5"]:
        out = handle(state, Event.say(said), kb, NOW)
        state = out.state
    assert state.dialog is None
    summary = out.replies[0].text
    assert "约数" in summary and "实际开放床位数 约30 张" in summary and "卫生技术人员数 约20 人" in summary


def test_an_exact_figure_after_an_approximate_one_drops_the_note(kb) -> None:
    state = handle(UserState(region="national"), Event.command("check"), kb, NOW).state
    for said in ["是", "1", "三十来张", "上一步", "32", "八成", "21", "10", "5"]:
        out = handle(state, Event.say(said), kb, NOW)
        state = out.state
    assert state.dialog is None and "按约数记录的数字" not in out.replies[0].text


@pytest.mark.parametrize(
    ("region", "step", "typed", "value"),
    [
        (YUZHONG, "general_practitioners", "十二个，其中两个是转岗培训的算不算", 12),
        (YUZHONG, "general_practitioners", "12名，其中3个是兼职的，算吗", 12),
        ("jilin", "open_beds", "40张，其中10张是观察床算不算", 40),
        ("jilin", "public_health_physicians", "两个，其中一个是助理医师能算吗", 2),
        ("national", "general_practitioners", "5个 里面有一个退休返聘的算不算", 5),
    ],
)
def test_a_figure_with_a_part_asked_about_is_recorded_and_the_part_pointed(kb, region, step, typed, value) -> None:
    """N16: the figure is recorded as said; the part asked about is pointed to the basis and whom to ask."""
    out = handle(at(kb, region, step), Event.say(typed), kb, NOW)
    assert out.state.profile.get(step) == value and out.state.step != step
    assert "上一步" in out.replies[0].text


def test_a_question_without_its_figure_is_still_a_question(kb) -> None:
    step = "general_practitioners"
    out = handle(at(kb, YUZHONG, step), Event.say("转岗培训的算不算"), kb, NOW)
    assert step not in out.state.profile and out.state.step == step
