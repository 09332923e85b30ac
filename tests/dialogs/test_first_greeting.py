"""Brief polish 2: a brand-new director's first 你好 gets one welcome and the region choice — typed
before /start (Telegram without the Start button) or after it (the terminal greets on opening) — and
nothing about a previous step that never happened (我们接着刚才的步骤)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import common as C

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
GREETINGS = ["你好", "您好！", "院长好", "大家好", "hello"]
WELCOME = C.GREETING.split("\n")[0]


def _texts(out) -> str:
    return "\n".join(r.text for r in out.replies)


@pytest.mark.parametrize("typed", GREETINGS)
def test_a_greeting_before_start_gets_the_welcome_and_the_region_once(kb, typed) -> None:
    out = handle(UserState(user_id=1), Event.say(typed), kb, NOW)
    text = _texts(out)
    assert text.count(WELCOME) == 1 and text.count(C.ASK_REGION) == 1, text
    assert C.PENDING_AGAIN not in text
    assert out.state.dialog == "onboarding" and out.state.step == "region"


@pytest.mark.parametrize("typed", [*GREETINGS, "谢谢", "你好，我是一个乡镇卫生院的院长"])
def test_a_greeting_right_after_the_welcome_is_not_a_second_welcome(kb, typed) -> None:
    started = handle(UserState(user_id=1), Event.command("start"), kb, NOW).state
    out = handle(started, Event.say(typed), kb, NOW)
    text = _texts(out)
    assert WELCOME not in text and "我可以" not in text, text
    assert C.PENDING_AGAIN not in text and text.count(C.ASK_REGION) == 1
    assert out.state.step == "region"


@pytest.mark.parametrize("typed", ["你是谁", "/help", "/stage"])
def test_nothing_at_the_first_region_choice_speaks_of_a_previous_step(kb, typed) -> None:
    started = handle(UserState(user_id=1), Event.command("start"), kb, NOW).state
    event = Event.command(typed[1:]) if typed.startswith("/") else Event.say(typed)
    text = _texts(handle(started, event, kb, NOW))
    assert C.PENDING_AGAIN not in text, text


def test_a_greeting_with_a_region_chosen_is_the_short_greeting(kb) -> None:
    out = handle(UserState(user_id=1, region="jilin"), Event.say("你好"), kb, NOW)
    assert WELCOME not in _texts(out) and out.state.dialog is None


def test_mid_questionnaire_the_pending_step_is_still_announced(kb) -> None:
    started = handle(UserState(user_id=1, region="jilin"), Event.command("check"), kb, NOW).state
    out = handle(started, Event.command("help"), kb, NOW)
    assert C.PENDING_AGAIN in _texts(out)
