"""Newcomer trial 8: a reminder asked for in words (N19, N20).

N19: "过完年初八 开会" typed outside /remind added the reminder and opened the 18-line 🔔 menu, which then
followed every later reply (/status, /help, a situation, eight answers) and even a restart. N20: "提醒我下周三
交材料" typed at a /check question got "没有看懂这个回答", while outside /check it was added. Now: added and
said in one line, nothing left open; in the middle of /check added and the question asked again."""

from __future__ import annotations

import pytest

from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import common as C
from dialogs.texts import tracking as TT

REGIONS = ("jilin", "national", "chongqing-yuzhong", "beijing")
DATED = ("提醒我下周三交材料", "过完年初八 开会", "12月20日 交自评表", "月底 交表", "腊月二十 交材料")


def _texts(outcome) -> str:
    return "\n".join(r.text for r in outcome.replies)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", DATED)
def test_a_reminder_in_words_is_added_in_one_line_and_nothing_stays_open(kb, now, region, typed) -> None:
    out = handle(UserState(region=region), Event.say(typed), kb, now)
    assert len(out.state.reminders) == 1 and out.state.dialog is None, _texts(out)
    assert len(out.replies) == 1 and TT.REMIND_TITLE not in _texts(out)
    assert not any(row for r in out.replies for row in r.buttons)
    later = handle(out.state, Event.say("床位要多少张"), kb, now)
    assert TT.REMIND_TITLE not in _texts(later) and C.PENDING_AGAIN not in _texts(later)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(("asked", "date"), [("提醒我交材料", "下周五"), ("提醒我报市里", "12月20日")])
def test_a_reminder_asked_without_its_date_closes_once_the_date_comes(kb, now, region, asked, date) -> None:
    first = handle(UserState(region=region), Event.say(asked), kb, now)
    assert first.state.dialog == "tracking"
    out = handle(first.state, Event.say(date), kb, now)
    assert len(out.state.reminders) == 1 and out.state.dialog is None, _texts(out)
    assert TT.REMIND_TITLE not in _texts(out)


def test_in_remind_the_menu_still_follows_an_added_reminder(kb, now) -> None:
    menu = handle(UserState(region="jilin"), Event.command("remind"), kb, now)
    out = handle(menu.state, Event.say("12月20日 交自评表"), kb, now)
    assert len(out.state.reminders) == 1 and TT.REMIND_TITLE in _texts(out) and out.state.dialog == "tracking"


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", DATED)
def test_a_reminder_in_words_during_check_is_added_and_the_question_asked_again(kb, now, region, typed) -> None:
    check = handle(UserState(region=region), Event.command("check"), kb, now)
    out = handle(check.state, Event.say(typed), kb, now)
    assert len(out.state.reminders) == 1, _texts(out)
    assert out.state.dialog == "questionnaire" and out.state.step == check.state.step
    assert C.PENDING_AGAIN in _texts(out) and out.replies[-1].text == check.replies[-1].text
    assert out.state.profile == check.state.profile  # nothing recorded as the question's answer


@pytest.mark.parametrize("region", REGIONS)
def test_a_reminder_without_its_date_during_check_keeps_the_check(kb, now, region) -> None:
    check = handle(UserState(region=region), Event.command("check"), kb, now)
    out = handle(check.state, Event.say("提醒我交材料"), kb, now)
    assert out.state.dialog == "questionnaire" and out.state.step == check.state.step
    assert "交材料" in out.replies[0].text and not out.state.reminders
