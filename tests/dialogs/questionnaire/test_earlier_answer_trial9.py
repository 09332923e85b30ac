"""Newcomer trial 9, finding 8: "去年刚评上甲级" typed at 渝中's count question (双向转诊医院数), after 第1题
(社区甲级) was answered 否, got "没有看懂" and the result kept ❌ 第1项. An answer to another 是/否 question,
typed where it cannot be the pending question's answer, is offered as that question's correction with
buttons ("要把第1题改为“是”吗？"), never written unasked; then the pending question is asked again."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import questionnaire as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
REGION = "chongqing-yuzhong"


def _text(out) -> str:
    return "\n".join(r.text for r in out.replies)


def _labels(out) -> list[str]:
    return [b.label for r in out.replies for row in r.buttons for b in row]


def _at(kb, step: str, profile: dict):
    """A /check run of 渝中 at `step`, with `profile` answered in this run."""
    state = handle(UserState(user_id=1, region=REGION, profile=dict(profile)), Event.command("check"), kb, NOW).state
    state.step, state.data["mode"] = step, "ask"
    state.data["answered"] = list(profile)
    return state


NUMBER_STEPS = ["referral_partner_hospitals", "featured_department_daily_visits", "annual_visits"]


@pytest.mark.parametrize("step", NUMBER_STEPS)
@pytest.mark.parametrize("typed", ["去年刚评上甲级", "我们已经是甲级了", "今年评上社区甲级了"])
@pytest.mark.parametrize("reply", ["press", "是", "是的", "对"])
def test_a_correction_of_question_one_is_offered_and_taken(kb, step: str, typed: str, reply: str) -> None:
    state = _at(kb, step, {"community_grade_a": False, "has_district_featured_department": True})
    offered = handle(state, Event.say(typed), kb, NOW)
    said = _text(offered)
    assert "第1题" in said and "改为“是”" in said and "没有看懂" not in said, said
    assert offered.state.profile["community_grade_a"] is False  # not written unasked
    answer = Event.press(offered.replies[-1].buttons[0][0].data) if reply == "press" else Event.say(reply)
    taken = handle(offered.state, answer, kb, NOW)
    assert taken.state.profile["community_grade_a"] is True, _text(taken)
    assert T.EARLIER_CHANGED.split("（")[0].format(n=1) in _text(taken)
    assert taken.state.step == step and taken.state.data.get("mode") == "ask"  # the pending question again


@pytest.mark.parametrize("reply", ["press", "不是", "否"])
def test_a_correction_declined_keeps_the_answer(kb, reply: str) -> None:
    state = _at(kb, "annual_visits", {"community_grade_a": False})
    offered = handle(state, Event.say("去年刚评上甲级"), kb, NOW)
    answer = Event.press(offered.replies[-1].buttons[0][1].data) if reply == "press" else Event.say(reply)
    kept = handle(offered.state, answer, kb, NOW)
    assert kept.state.profile["community_grade_a"] is False
    assert T.EARLIER_KEPT.format(n=1) in _text(kept) and kept.state.step == "annual_visits", _text(kept)


@pytest.mark.parametrize(
    ("typed", "field", "value"),
    [
        ("这两年没有发生医疗事故", "major_malpractice_last_2_years", False),
        ("我们没有外包科室", "outsourced_departments", False),
    ],
)
def test_other_closed_questions_are_offered_too(kb, typed: str, field: str, value: bool) -> None:
    state = _at(kb, "annual_visits", {field: not value})
    offered = handle(state, Event.say(typed), kb, NOW)
    if field not in kb.rules[REGION].fields_needed():
        pytest.skip(f"{field} is not asked in {REGION}")
    assert "的答案，要把第" in _text(offered), _text(offered)
    taken = handle(offered.state, Event.say("是"), kb, NOW)
    assert taken.state.profile[field] is value


def test_the_same_answer_as_stored_is_not_offered(kb) -> None:
    state = _at(kb, "annual_visits", {"community_grade_a": True})
    out = handle(state, Event.say("去年刚评上甲级"), kb, NOW)
    assert "改为" not in _text(out)


def test_a_figure_for_the_question_itself_is_still_its_answer(kb) -> None:
    state = _at(kb, "referral_partner_hospitals", {"community_grade_a": False})
    out = handle(state, Event.say("2所"), kb, NOW)
    assert out.state.profile.get("referral_partner_hospitals") == 2 and "第1题" not in _text(out)
