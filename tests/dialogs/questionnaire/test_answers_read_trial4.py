"""Newcomer trial 4: everyday answers at /check questions that were not read.

F6  a colloquial yes with the question's words after it ("算是吧，城乡结合部") is 是, never a question to answer;
    "算了" stays no yes (and a deleting confirmation never takes 算是);
F7  a correction of an earlier figure with a filler word (床位其实是40张, 应该是, 改成, 更正为) changes that figure;
F9  "没有" where the prompt says "没有请填 0" is 0 (a count outside the usual range is confirmed first);
F37 "说不准", "还没统计" at a number question are 不清楚, and a criterion left unknown by 不清楚 says so, not 尚未填写;
F16 a lower bound that decides every criterion it feeds ("九成以上" at ≥80 %) is recorded; "85分" is 85 % satisfaction.
"""

from __future__ import annotations

import pytest

from dialogs.questionnaire.summary import render_summary
from dialogs.words import parse_confirmation, parse_yes_no
from knowledge.eligibility import evaluate
from tests.dialogs.questionnaire.test_flow import answer_validly, director


def _at(kb, now, region: str, step: str, profile=None):
    d = director(kb, now, region=region, profile=profile)
    d.command("check")
    for _ in range(40):
        if d.state.step == step:
            return d
        answer_validly(d, kb.fields[d.state.step])
        if d.state.data.get("mode") == "confirm":
            d.say("是")
    raise AssertionError(step)


@pytest.mark.parametrize("said", ["算是吧，城乡结合部", "算是吧", "也算是", "算是，在城乡结合部", "应该算是吧"])
def test_a_colloquial_yes_is_yes(kb, now, said: str) -> None:
    d = _at(kb, now, "national", "urban_rural_fringe")
    d.say(said)
    assert d.state.profile.get("urban_rural_fringe") is True, d.text


@pytest.mark.parametrize("said", ["算了", "算了吧"])
def test_never_mind_is_no_yes(said: str) -> None:
    assert parse_yes_no(said) is not True
    assert parse_confirmation(said) is not True
    assert parse_confirmation("算是吧") is None


@pytest.mark.parametrize(
    "said", ["床位其实是40张", "床位应该是40张", "床位改成40张", "床位数更正为40张", "其实床位是40张"]
)
def test_a_correction_with_a_filler_word_changes_the_earlier_figure(kb, now, said: str) -> None:
    d = _at(kb, now, "national", "health_technical_staff")
    assert d.state.profile["open_beds"] != 40
    d.say(said)
    assert d.state.profile["open_beds"] == 40, d.text
    assert d.state.step == "health_technical_staff"


@pytest.mark.parametrize("said", ["没有", "没有的", "一个也没有", "还没有呢", "无"])
@pytest.mark.parametrize(
    ("region", "step"),
    [("jilin", "public_health_physicians"), ("chongqing-yuzhong", "elite_family_doctor_teams")],
)
def test_none_is_zero_where_the_prompt_says_so(kb, now, region: str, step: str, said: str) -> None:
    d = _at(kb, now, region, step)
    d.say(said)
    assert d.state.profile.get(step) == 0, d.text


def test_none_at_a_count_that_is_usually_more_is_confirmed(kb, now) -> None:
    d = _at(kb, now, "national", "health_technical_staff")
    d.say("没有")
    assert d.state.data.get("mode") == "confirm" and d.state.data.get("candidate") == 0
    d.say("是")
    assert d.state.profile["health_technical_staff"] == 0


@pytest.mark.parametrize("said", ["说不准", "还没统计", "没统计过", "不太清楚", "记不清了"])
@pytest.mark.parametrize("step", ["open_beds", "health_technical_staff", "bed_occupancy_rate"])
def test_not_known_in_words_is_unknown(kb, now, said: str, step: str) -> None:
    d = _at(kb, now, "national", step)
    d.say(said)
    assert step in d.state.profile and d.state.profile[step] is None, d.text
    assert d.state.step != step


def test_unknown_answered_is_said_as_such(kb, now) -> None:
    rule_set = kb.rules["national"]
    answered = evaluate({"meets_basic_standard_resources": None, "open_beds": None}, rule_set)
    text = "\n".join(r.message for r in answered.criteria)
    assert "您答的是“不清楚”" in text
    never = evaluate({}, rule_set)
    assert "您答的是“不清楚”" not in "\n".join(r.message for r in never.criteria)
    gps = evaluate({"general_practitioners": None, "resident_population": 60000}, kb.rules["chongqing-yuzhong"])
    assert "您答的是“不清楚”" in next(r.message for r in gps.criteria if r.id == "c6-gps-per-10k")
    assert render_summary(answered, rule_set, kb)


@pytest.mark.parametrize("said", ["九成以上", "超过90%", "90%以上", "85%以上", "超过八成五"])
@pytest.mark.parametrize("step", ["patient_satisfaction", "staff_satisfaction"])
def test_a_bound_wholly_above_the_limit_is_recorded(kb, now, said: str, step: str) -> None:
    d = _at(kb, now, "chongqing-yuzhong", step)
    d.say(said)
    assert d.state.profile.get(step) is not None and d.state.profile[step] >= 80, d.text
    assert "已经达到要求" in d.text


@pytest.mark.parametrize("said", ["七成以上", "超过70%", "不到九成", "90%以下"])
def test_a_bound_that_does_not_decide_is_asked_again(kb, now, said: str) -> None:
    d = _at(kb, now, "chongqing-yuzhong", "patient_satisfaction")
    d.say(said)
    assert "patient_satisfaction" not in d.state.profile and d.state.step == "patient_satisfaction"


@pytest.mark.parametrize(("said", "value"), [("85分", 85), ("八十五分", 85), ("92分", 92)])
def test_a_satisfaction_score_is_its_percentage(kb, now, said: str, value: int) -> None:
    d = _at(kb, now, "chongqing-yuzhong", "patient_satisfaction")
    d.say(said)
    assert d.state.profile.get("patient_satisfaction") == value, d.text
