"""Newcomer trial 8, N21: natural answers at /check questions.

"儿科" at 是否已建成区县级特色科室 was not understood ("有，儿科" was); "没有" at 患者满意度是多少 was not
understood; "没有" at "全科医生数是 0 人 吗？" was taken as 否，重新输入; "有一支" at the question counted in
所 (双向转诊医院) was recorded silently as 1 所. Each kind over phrasings and the regions whose runs ask it."""

from __future__ import annotations

import pytest

from core.model import Event
from dialogs.router import handle
from tests.dialogs.check_steps import at_question

DEPARTMENTS = ("儿科", "中医科", "康复医学科", "儿科和中医科", "我们是儿科", "口腔科吧", "有儿科")
NOT_DEPARTMENTS = ("没有科室", "没科室", "科室？", "儿科怎么算")
# Percentage questions of each region's run.
PERCENT_FIELDS = (
    ("jilin", "bed_occupancy_rate"),
    ("jilin", "public_health_staff_share"),
    ("national", "non_technical_staff_share"),
    ("beijing", "public_health_staff_share"),
    ("chongqing-yuzhong", "patient_satisfaction"),
    ("chongqing-yuzhong", "tcm_prescription_share"),
)
NONE_SAID = ("没有", "没", "还没有", "无", "没有呢")


def _texts(outcome) -> str:
    return "\n".join(r.text for r in outcome.replies)


@pytest.mark.parametrize("field", ("has_district_featured_department", "outsourced_departments"))
@pytest.mark.parametrize("typed", DEPARTMENTS)
def test_a_department_named_at_a_question_about_departments_is_yes(kb, now, field, typed) -> None:
    state = at_question(kb, "chongqing-yuzhong", field, now)
    out = handle(state, Event.say(typed), kb, now)
    assert out.state.profile.get(field) is True and out.state.step != field, _texts(out)


@pytest.mark.parametrize("typed", NOT_DEPARTMENTS)
def test_no_department_or_a_question_is_never_yes(kb, now, typed) -> None:
    state = at_question(kb, "chongqing-yuzhong", "has_district_featured_department", now)
    out = handle(state, Event.say(typed), kb, now)
    assert out.state.profile.get("has_district_featured_department") is not True


@pytest.mark.parametrize(("region", "field"), PERCENT_FIELDS)
@pytest.mark.parametrize("typed", NONE_SAID)
def test_none_at_a_percentage_question_is_not_known(kb, now, region, field, typed) -> None:
    state = at_question(kb, region, field, now)
    out = handle(state, Event.say(typed), kb, now)
    assert field in out.state.profile and out.state.profile[field] is None, _texts(out)
    assert out.state.step != field


@pytest.mark.parametrize(
    ("region", "field"), (("national", "general_practitioners"), ("chongqing-yuzhong", "general_practitioners"))
)
@pytest.mark.parametrize("typed", ("没有", "没", "一个也没有"))
def test_none_at_the_confirmation_of_zero_confirms_it(kb, now, region, field, typed) -> None:
    state = at_question(kb, region, field, now)
    asked = handle(state, Event.say("没有"), kb, now)
    if asked.state.data.get("mode") != "confirm":  # 0 in the usual range: recorded at once
        assert asked.state.profile.get(field) == 0
        return
    out = handle(asked.state, Event.say(typed), kb, now)
    assert out.state.profile.get(field) == 0 and out.state.step != field, _texts(out)


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("referral_partner_hospitals", "有一支"),
        ("referral_partner_hospitals", "一支"),
        ("referral_partner_hospitals", "两个团队"),
        ("elite_family_doctor_teams", "一所"),
        ("elite_family_doctor_teams", "3家"),
        ("elite_family_doctor_teams", "两所医院"),
    ],
)
def test_a_count_in_another_things_unit_is_not_recorded(kb, now, field, typed) -> None:
    state = at_question(kb, "chongqing-yuzhong", field, now)
    out = handle(state, Event.say(typed), kb, now)
    assert field not in out.state.profile and out.state.step == field, _texts(out)


@pytest.mark.parametrize(
    ("field", "typed", "value"),
    [
        ("referral_partner_hospitals", "有一所", 1),
        ("referral_partner_hospitals", "两家", 2),
        ("referral_partner_hospitals", "2个", 2),
        ("elite_family_doctor_teams", "两支", 2),
        ("elite_family_doctor_teams", "一个团队", 1),
        ("elite_family_doctor_teams", "3个", 3),
    ],
)
def test_a_count_in_its_own_unit_or_ge_is_recorded(kb, now, field, typed, value) -> None:
    state = at_question(kb, "chongqing-yuzhong", field, now)
    out = handle(state, Event.say(typed), kb, now)
    assert out.state.profile.get(field) == value, _texts(out)
