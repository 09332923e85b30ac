"""Newcomer trial 6, N5–N8: what a /check question and an idle chat do with text that is not what the
screen asks for.

N5: a grade said below a rule's "二级及以上" (三级医疗事故) is not the disqualifier — 否 at /check, ✅ in the
Q&A — while a grade at or above it still depends on the rest. N6: a question at a /check question about
something else (要交材料么 at the 公卫人员 question) is answered as itself, never with the pending
question's basis. N7: a bound or a range (不到九成) at a choice question is a figure, never searched.
N8: a bare 是 / 不清楚 / 跳过 with no question waiting says so in one line, never a policy passage."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs import qa
from dialogs.router import handle
from dialogs.texts import common as C
from dialogs.texts import depends as D
from dialogs.texts import qa as QT
from dialogs.texts import questionnaire as T
from tests.dialogs.check_steps import at_question

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
ACCIDENT = "major_malpractice_last_2_years"


def at(kb, region: str, step: str) -> UserState:
    return at_question(kb, region, step, NOW)


@pytest.mark.parametrize(
    "typed", ["出过一次三级医疗事故", "前年有过一起四级医疗事故", "出过3级医疗事故，我们负主要责任"]
)
def test_a_grade_below_the_bar_is_no_at_check(kb, typed: str) -> None:
    out = handle(at(kb, "chongqing-yuzhong", ACCIDENT), Event.say(typed), kb, NOW)
    assert out.state.profile[ACCIDENT] is False and out.state.step != ACCIDENT
    assert out.replies[0].text.startswith("您说的等级是") and "二级及以上" in out.replies[0].text


@pytest.mark.parametrize("typed", ["出过一次二级医疗事故", "出过一起三级医院鉴定的事故", "一起三级一起二级医疗事故"])
def test_a_grade_at_the_bar_or_of_something_else_is_not_no(kb, typed: str) -> None:
    out = handle(at(kb, "chongqing-yuzhong", ACCIDENT), Event.say(typed), kb, NOW)
    assert out.state.profile.get(ACCIDENT) is not False


@pytest.mark.parametrize(
    "question",
    [
        "我们两年前出过一次三级医疗事故，还能申请验收吗",
        "去年出过一次四级医疗事故，能验收吗",
        "出过三级医疗事故影响申请吗",
    ],
)
def test_a_grade_below_the_bar_is_not_the_disqualifier_in_qa(kb, question: str) -> None:
    text = "\n".join(r.text for r in qa.respond(UserState(region="chongqing-yuzhong"), question, kb, NOW).replies)
    assert text.startswith(D.BAR_BELOW[:8]) and "您没说事故是否经鉴定定性为二级及以上" not in text


def test_a_grade_at_the_bar_still_depends(kb) -> None:
    turn = qa.respond(UserState(region="chongqing-yuzhong"), "前年出过一起二级医疗事故，还能报吗", kb, NOW)
    assert turn.replies[0].text.startswith("❔") and not turn.replies[0].text.startswith(D.BAR_BELOW[:8])


@pytest.mark.parametrize(
    ("region", "step", "typed"),
    [
        ("jilin", "public_health_staff_share", "要交材料么"),
        ("jilin", "open_beds", "下个月底前要交啥"),
        ("chongqing-yuzhong", "referral_partner_hospitals", "验收申请表在哪下载"),
    ],
)
def test_a_question_about_something_else_gets_no_basis_of_the_pending_one(kb, region, step, typed) -> None:
    out = handle(at(kb, region, step), Event.say(typed), kb, NOW)
    texts = [r.text for r in out.replies]
    assert not any(t.startswith(C.NOT_SAID_AT_QUESTION) for t in texts)
    assert not any(kb.fields[step].label in t for t in texts[:-2]), texts[0][:120]
    assert C.PENDING_AGAIN in texts and out.state.step == step and step not in out.state.profile


@pytest.mark.parametrize("typed", ["不到九成", "三四十张", "超过80%", "少于50张", "七八成"])
@pytest.mark.parametrize(("region", "step"), [("national", "institution_type"), ("chongqing-yuzhong", ACCIDENT)])
def test_a_bound_or_range_at_a_closed_question_is_a_figure_never_searched(kb, typed, region, step) -> None:
    out = handle(at(kb, region, step), Event.say(typed), kb, NOW)
    assert out.replies[0].text.startswith(T.FIGURE_AT_CLOSED.format(typed=typed))
    assert "据报道" not in "\n".join(r.text for r in out.replies)
    assert out.state.step == step and step not in out.state.profile


@pytest.mark.parametrize("typed", ["不清楚", "是", "否", "跳过", "不知道", "上一步", "没有"])
@pytest.mark.parametrize("region", ["jilin", "beijing", "national", "chongqing-yuzhong"])
def test_a_stray_answer_with_nothing_waiting_says_so(kb, typed: str, region: str) -> None:
    out = handle(UserState(region=region), Event.say(typed), kb, NOW)
    assert out.replies[0].text.startswith(QT.SMALLTALK["stray_answer"]) and "📄" not in out.replies[0].text


def test_a_stray_answer_after_the_check_result(kb) -> None:
    state = handle(UserState(region="jilin"), Event.command("check"), kb, NOW).state
    for _ in range(40):
        if state.dialog != "questionnaire":
            break
        state = handle(state, Event.say("不清楚" if kb.fields[state.step].kind != "choice" else "1"), kb, NOW).state
    out = handle(state, Event.say("不清楚"), kb, NOW)
    assert out.replies[0].text.startswith(QT.SMALLTALK["stray_answer"])


def test_a_screen_that_cannot_read_yes_keeps_its_own_reply(kb) -> None:
    out = handle(UserState(region="jilin"), Event.command("region"), kb, NOW)
    out = handle(out.state, Event.say("是"), kb, NOW)
    assert QT.SMALLTALK["stray_answer"] not in "\n".join(r.text for r in out.replies)


@pytest.mark.parametrize(
    ("typed", "deleted"),
    [("确定删除", True), ("确定删除。", True), ("1. 确定删除", True), ("不删除", False), ("2.不删除", False)],
)
def test_typing_a_buttons_label_presses_it(kb, typed: str, deleted: bool) -> None:
    """N25: a button's label typed is the press ("请点选按钮" refused it before)."""
    state = handle(UserState(region="jilin"), Event.command("forget"), kb, NOW).state
    out = handle(state, Event.say(typed), kb, NOW)
    assert out.replies[0].text == (C.FORGET_DONE if deleted else C.FORGET_KEPT) and out.state.dialog is None


def test_a_typed_label_at_a_check_question_is_its_answer(kb) -> None:
    state = handle(UserState(region="national"), Event.command("check"), kb, NOW).state
    state = handle(state, Event.say("是"), kb, NOW).state if kb.fields[state.step].kind == "bool" else state
    spec = kb.fields[state.step]
    if spec.kind == "choice":
        out = handle(state, Event.say(spec.choices[0][1]), kb, NOW)
        assert out.state.profile[spec.name] == spec.choices[0][0]
