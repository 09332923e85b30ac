"""Breaker brk10, a place asked after a question in a message of its own (北京呢, 那渝中那边呢？, 全国的怎么样):
the question last answered is asked again of that place, with the switch offered when it is not the user's
region (dialogs/follow_up.py). It got the place's overview and the question was lost (brk9 R6)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from tests.dialogs.check_steps import at_question

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
FOLLOW_UPS = {
    "北京呢": "beijing",
    "那北京呢？": "beijing",
    "北京的呢": "beijing",
    "北京那边呢？": "beijing",
    "北京怎么样": "beijing",
    "那渝中那边呢": "chongqing-yuzhong",
    "渝中区呢？": "chongqing-yuzhong",
    "全国的呢": "national",
}
# (question, a word its answer in every region holds)
QUESTIONS = [("床位要多少张", "床位"), ("什么时候截止", "日期"), ("业务用房面积要多大", "面积")]


def _buttons(out) -> list[str]:
    return [b.data for r in out.replies for row in r.buttons for b in row]


def _said(out) -> str:
    return "\n".join(r.text for r in out.replies)


@pytest.mark.parametrize(("question", "word"), QUESTIONS)
@pytest.mark.parametrize(("typed", "region"), list(FOLLOW_UPS.items()))
def test_a_place_asked_after_a_question_gets_that_question_there(kb, question, word, typed, region) -> None:
    first = handle(UserState(user_id=1, region="jilin"), Event.say(question), kb, NOW)
    out = handle(first.state, Event.say(typed), kb, NOW)
    said = _said(out)
    assert word in out.replies[0].text, said[:200]
    assert "依据是" not in said[:60]  # not the place's overview
    assert out.state.region == "jilin"
    assert f"g:rgn:{region}" in _buttons(out)


def test_the_question_named_a_place_itself(kb) -> None:
    """吉林床位要多少张 then 北京呢: Beijing's beds, not a comparison of the two."""
    first = handle(UserState(user_id=1, region="national"), Event.say("吉林床位要多少张"), kb, NOW)
    out = handle(first.state, Event.say("北京呢"), kb, NOW)
    assert "北京" in out.replies[0].text[:40] and "床位" in out.replies[0].text
    assert "吉林" not in out.replies[0].text[:40]


def test_one_follow_up_after_another(kb) -> None:
    state = handle(UserState(user_id=1, region="jilin"), Event.say("床位要多少张"), kb, NOW).state
    for typed in ("北京呢", "渝中呢", "全国的呢"):
        out = handle(state, Event.say(typed), kb, NOW)
        assert "床位" in out.replies[0].text, typed
        state = out.state


@pytest.mark.parametrize("typed", ["北京", "北京。", "北京吧"])
def test_a_bare_place_without_ne_is_still_its_overview(kb, typed) -> None:
    first = handle(UserState(user_id=1, region="jilin"), Event.say("床位要多少张"), kb, NOW)
    out = handle(first.state, Event.say(typed), kb, NOW)
    assert "床位" not in out.replies[0].text[:40] and "g:rgn:beijing" in _buttons(out)


def test_no_follow_up_after_a_day_or_with_no_question_before(kb) -> None:
    first = handle(UserState(user_id=1, region="jilin"), Event.say("床位要多少张"), kb, NOW)
    later = handle(first.state, Event.say("北京呢"), kb, NOW + dt.timedelta(days=1))
    fresh = handle(UserState(user_id=1, region="jilin"), Event.say("北京呢"), kb, NOW + dt.timedelta(days=1))
    assert _said(later) == _said(fresh)


def test_the_question_is_forgotten_when_a_dialog_starts(kb) -> None:
    first = handle(UserState(user_id=1, region="jilin"), Event.say("床位要多少张"), kb, NOW)
    checking = handle(first.state, Event.command("check"), kb, NOW)
    cancelled = handle(checking.state, Event.command("cancel"), kb, NOW)
    out = handle(cancelled.state, Event.say("北京呢"), kb, NOW)
    assert "床位" not in out.replies[0].text[:60]


def test_mid_check_a_place_with_ne_is_still_offered(kb) -> None:
    state = at_question(kb, "jilin", "open_beds", NOW)
    out = handle(state, Event.say("北京呢"), kb, NOW)
    assert out.state.step == "open_beds"
