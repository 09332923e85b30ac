"""Breaker brk8: a /check button's label typed with an emoji or spaces of its own ("🙂 为什么问这个",
"上 一 步", "跳过/不清楚 👌") acts like the button at a question, and typed when no screen waits for it
(为什么问这个, 沿用 否 after /check ended) is said to be a stray answer: before, "🙂 为什么问这个" at
idle got Jilin's 2020 application deadline and "沿用 否" the flat decline."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import qa as QT
from tests.dialogs.check_steps import at_question

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
STRAY = QT.SMALLTALK["stray_answer"]


def _text(out) -> str:
    return "\n".join(r.text for r in out.replies)


@pytest.mark.parametrize("region", ["jilin", "beijing", "chongqing-yuzhong"])
@pytest.mark.parametrize(
    "typed", ["为什么问这个", "🙂 为什么问这个", "为什么问这个 ？", "沿用 否", "沿用 28", "上 一 步", "跳过/不清楚 👌"]
)
def test_a_check_label_typed_when_nothing_waits_is_a_stray_answer(kb, region: str, typed: str) -> None:
    assert STRAY in _text(handle(UserState(user_id=1, region=region), Event.say(typed), kb, NOW))


@pytest.mark.parametrize("typed", ["为什么", "为什么床位要30张", "沿用去年的材料可以吗", "改为社区医院要多久"])
def test_a_question_with_those_words_is_still_a_question(kb, typed: str) -> None:
    assert STRAY not in _text(handle(UserState(user_id=1, region="jilin"), Event.say(typed), kb, NOW))


@pytest.mark.parametrize("typed", ["🙂 为什么问这个", "为 什 么 问 这 个", "为什么问这个👀"])
def test_the_why_label_with_an_emoji_acts_like_its_button(kb, typed: str) -> None:
    state = at_question(kb, "beijing", "service_capability_level", NOW)
    pressed = _text(handle(state, Event.press(_button(state, kb, "why")), kb, NOW))
    assert _text(handle(state, Event.say(typed), kb, NOW)) == pressed


@pytest.mark.parametrize("typed", ["上一步 👈", "上 一 步"])
def test_the_back_label_with_an_emoji_goes_back(kb, typed: str) -> None:
    first = at_question(kb, "beijing", "service_capability_level", NOW)
    second = handle(first, Event.say("3"), kb, NOW).state
    assert second.step != first.step
    assert handle(second, Event.say(typed), kb, NOW).state.step == first.step


def _button(state: UserState, kb, action: str) -> str:
    out = handle(state, Event.say("?"), kb, NOW)  # the question again, with its buttons
    datas = [b.data for r in out.replies for row in r.buttons for b in row]
    return next(d for d in datas if d.endswith(":" + action))


@pytest.mark.xfail(strict=True, reason="brk8-L2: /remind's and /stage's labels typed at idle are searched as questions")
@pytest.mark.parametrize("typed", ["是，删除", "推进到下一阶段"])
def test_a_tracking_label_typed_when_nothing_waits(kb, typed: str) -> None:
    text = _text(handle(UserState(user_id=1, region="jilin"), Event.say(typed), kb, NOW))
    assert "没有答案" not in text and "没有找到" not in text
