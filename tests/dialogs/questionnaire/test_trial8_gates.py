"""Newcomer trial 8: /check's gates take typed answers, and 重新开始 restarts (N17, N18, N25).

N17: at 继续 / 重新开始, "俩" and "１２个，其中两个…算不算" were refused again and again; at the figures offer
(用这些数开始自评 / 不用，逐题填写), "四十张" got "请输入 /check" although the director just had. N18: 重新开始
went from 第 1 题 to 第 5 题, the questions filled from a question never shown again. N25: that jump was
never said. Every test runs over the four regions' questionnaires and several phrasings."""

from __future__ import annotations

import pytest

from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import common as C
from dialogs.texts import questionnaire as T
from tests.dialogs.check_steps import at_question

REGIONS = ("jilin", "national", "chongqing-yuzhong", "beijing")
# A percentage question of each region's run, and how a director types 60 %.
PERCENT_FIELD = {
    "jilin": "bed_occupancy_rate",
    "national": "bed_occupancy_rate",
    "chongqing-yuzhong": "tcm_prescription_share",
    "beijing": "public_health_staff_share",
}
SIXTY = ("六成", "60%", "百分之六十", "６０％")
# A situation question stating figures of each region's run: /check then offers them.
SITUATION = {
    "jilin": ("床位40张，使用率75%，能申请吗", "open_beds", 40),
    "national": ("床位40张，使用率75%，能申请吗", "open_beds", 40),
    "chongqing-yuzhong": ("全科医生5个，患者满意度90%，能申请吗", "general_practitioners", 5),
    "beijing": ("公卫人员占比30%，我们是社区卫生服务中心，能申请吗", "public_health_staff_share", 30),
}
USE_WORDS = ("用", "好的", "用这些数", "📝 用这些数开始自评", "可以")
PLAIN_WORDS = ("不用", "不用，逐题填写", "逐题填写", "不用了")


def _texts(outcome) -> str:
    return "\n".join(r.text for r in outcome.replies)


def _at_resume(kb, now, region: str, step: str) -> UserState:
    state = at_question(kb, region, step, now)
    offer = handle(state, Event.command("check"), kb, now)
    assert offer.state.data.get("mode") == "resume"
    return offer.state


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", SIXTY)
def test_an_answer_typed_at_continue_or_restart_answers_the_waiting_question(kb, now, region, typed) -> None:
    field = PERCENT_FIELD[region]
    out = handle(_at_resume(kb, now, region, field), Event.say(typed), kb, now)
    assert out.state.profile.get(field) == 60, _texts(out)
    assert out.state.step != field and out.state.data.get("mode") != "resume"
    assert T.RESUME_NOT_UNDERSTOOD not in _texts(out)


@pytest.mark.parametrize("region", ("jilin", "chongqing-yuzhong", "national"))
@pytest.mark.parametrize("typed", ("俩", "两个", "2个", "就俩"))
def test_a_count_typed_at_the_gate_answers_a_count_question(kb, now, region, typed) -> None:
    field = {"jilin": "public_health_physicians", "chongqing-yuzhong": "general_practitioners"}.get(
        region, "general_practitioners"
    )
    out = handle(_at_resume(kb, now, region, field), Event.say(typed), kb, now)
    assert out.state.profile.get(field) == 2, _texts(out)


def test_a_count_with_a_doubt_at_the_gate_is_recorded_and_the_doubt_pointed_to_its_basis(kb, now) -> None:
    out = handle(
        _at_resume(kb, now, "jilin", "public_health_physicians"),
        Event.say("１２个，其中两个是转岗培训的算不算"),
        kb,
        now,
    )
    assert out.state.profile.get("public_health_physicians") == 12
    assert "转岗培训" in out.replies[0].text and "没有找到计算方法" not in _texts(out)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", ("是", "是的", "有的", "好"))
def test_a_bare_yes_at_the_gate_is_never_taken_as_the_hidden_questions_answer(kb, now, region, typed) -> None:
    field = PERCENT_FIELD[region]
    state = _at_resume(kb, now, region, field)
    out = handle(state, Event.say(typed), kb, now)
    assert out.state.data.get("mode") == "resume" and out.state.profile == state.profile


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", ("啥时候截止？", "申报材料交给谁？"))
def test_a_question_at_the_gate_is_answered_and_the_gate_asked_again(kb, now, region, typed) -> None:
    state = _at_resume(kb, now, region, PERCENT_FIELD[region])
    out = handle(state, Event.say(typed), kb, now)
    assert out.replies[0].text != T.RESUME_NOT_UNDERSTOOD
    assert C.PENDING_AGAIN in _texts(out) and out.state.data.get("mode") == "resume"


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", ("重新开始", "从头开始", "重来"))
def test_restart_asks_every_question_again_those_filled_from_a_question_too(kb, now, region, typed) -> None:
    question, field, value = SITUATION[region]
    state = handle(UserState(region=region), Event.say(question), kb, now).state
    offer = handle(state, Event.command("check"), kb, now)
    started = handle(offer.state, Event.press(offer.replies[-1].buttons[0][0].data), kb, now)
    assert started.state.profile.get(field) == value
    out = handle(handle(started.state, Event.command("check"), kb, now).state, Event.say(typed), kb, now)
    assert out.replies[0].text == T.RESTARTED
    seen = []
    state = out.state
    for _ in range(40):  # 沿用 every answer; 不清楚 or the first choice where none is stored
        if state.dialog is None:
            break
        seen.append(state.step)
        answer = "沿用" if state.profile.get(state.step) is not None else "不清楚"
        if kb.fields[state.step].kind == "choice" and state.profile.get(state.step) is None:
            answer = "1"
        state = handle(state, Event.say(answer), kb, now).state
    assert field in seen and seen[0] == kb.rules[region].fields_needed()[0]


@pytest.mark.parametrize("region", ("jilin", "national"))
def test_the_jump_over_questions_filled_from_a_question_is_said(kb, now, region) -> None:
    state = handle(UserState(region=region), Event.say("床位40张，使用率75%，能申请吗"), kb, now).state
    offer = handle(state, Event.command("check"), kb, now)
    state = handle(offer.state, Event.press(offer.replies[-1].buttons[0][0].data), kb, now).state
    texts = []
    for _ in range(10):
        if state.step == "health_technical_staff" or state.step == "floor_area_m2":
            break
        out = handle(state, Event.say("1" if kb.fields[state.step].kind == "choice" else "不清楚"), kb, now)
        texts.append(_texts(out))
        state = out.state
    said = "\n".join(texts)
    assert "已按您说到的填好：实际开放床位数 40 张；床位使用率 75%" in said, said


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", USE_WORDS)
def test_use_typed_at_the_figures_offer_starts_with_them(kb, now, region, typed) -> None:
    question, field, value = SITUATION[region]
    state = handle(UserState(region=region), Event.say(question), kb, now).state
    offer = handle(state, Event.command("check"), kb, now)
    out = handle(offer.state, Event.say(typed), kb, now)
    assert out.state.dialog == "questionnaire" and out.state.profile.get(field) == value, _texts(out)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", PLAIN_WORDS)
def test_no_typed_at_the_figures_offer_starts_without_them(kb, now, region, typed) -> None:
    question, field, _ = SITUATION[region]
    state = handle(UserState(region=region), Event.say(question), kb, now).state
    offer = handle(state, Event.command("check"), kb, now)
    out = handle(offer.state, Event.say(typed), kb, now)
    assert out.state.dialog == "questionnaire" and field not in out.state.profile, _texts(out)


@pytest.mark.parametrize("region", ("jilin", "national"))
@pytest.mark.parametrize("typed", ("四十张", "床位40张", "40张"))
def test_a_figure_typed_at_the_figures_offer_starts_the_check_and_is_read(kb, now, region, typed) -> None:
    state = handle(UserState(region=region), Event.say("床位30张，使用率75%，能申请吗"), kb, now).state
    offer = handle(state, Event.command("check"), kb, now)
    out = handle(offer.state, Event.say(typed), kb, now)
    assert out.state.dialog == "questionnaire", _texts(out)
    assert "请输入 /check" not in _texts(out)
    assert out.state.profile.get("open_beds") in (40, None)  # at a bed question 40; elsewhere the unit is named
    assert out.state.profile.get("bed_occupancy_rate") is None  # the offered figures were not taken


@pytest.mark.parametrize("region", REGIONS)
def test_a_question_at_the_figures_offer_is_answered_and_the_offer_shown_again(kb, now, region) -> None:
    question, _, _ = SITUATION[region]
    state = handle(UserState(region=region), Event.say(question), kb, now).state
    offer = handle(state, Event.command("check"), kb, now)
    out = handle(offer.state, Event.say("啥时候截止？"), kb, now)
    assert C.PENDING_AGAIN in _texts(out) and out.replies[-1].text == offer.replies[-1].text
    again = handle(out.state, Event.say("用"), kb, now)
    assert again.state.dialog == "questionnaire"


def test_the_figures_offer_waits_for_one_message_only(kb, now) -> None:
    state = handle(UserState(region="jilin"), Event.say("床位40张，使用率75%，能申请吗"), kb, now).state
    offer = handle(state, Event.command("check"), kb, now)
    other = handle(offer.state, Event.say("随便吧"), kb, now)
    later = handle(other.state, Event.say("好的"), kb, now)
    assert later.state.dialog is None
