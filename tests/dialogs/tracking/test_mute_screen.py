"""Newcomer trial 3, N14: the /remind screen of a muted director does not say, beside 已静音, that
reminders are still sent; unmuted, the hint about the region's dates stays."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, OwnReminder, UserState
from dialogs.router import handle
from dialogs.texts import tracking as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize("region", ["jilin", "beijing", "chongqing-yuzhong", "national"])
@pytest.mark.parametrize("way", ["别提醒了", "/remind"])
def test_muted_menu_never_says_reminders_are_sent(kb, region, way) -> None:
    state = UserState(user_id=1, region=region, reminders=[OwnReminder("开会", dt.date(2026, 12, 20))])
    if way == "/remind":
        state.muted = True
        out = handle(state, Event.command("remind"), kb, NOW)
    else:
        state = handle(state, Event.say(way), kb, NOW).state
        out = handle(state, Event.command("remind"), kb, NOW)
    text = out.replies[-1].text
    assert T.REMIND_MUTED in text and "照常发送" not in text and "会发送" not in text.replace("不会发送", "")


def test_unmuted_menu_keeps_the_hint(kb) -> None:
    out = handle(UserState(user_id=1, region="beijing"), Event.command("remind"), kb, NOW)
    assert T.REMIND_ON in out.replies[-1].text and "照常发送" in out.replies[-1].text


def test_snoozed_menu_says_own_reminders_wait_too(kb) -> None:
    """Newcomer trial 3, F16: "已推迟，12月8日之前不发送提醒" beside "您自己添加的提醒照常发送"."""
    from dialogs.nudges.plan import plan_nudges

    state = UserState(user_id=1, region="beijing", reminders=[OwnReminder("开会", dt.date(2026, 12, 20), 1)])
    state = handle(state, Event.say("推迟一周"), kb, NOW).state
    text = handle(state, Event.command("remind"), kb, NOW).replies[-1].text
    assert "照常发送" not in text.split("起照常发送")[0] and "推迟期间暂停" in text
    assert all(p.due_at.astimezone(SHANGHAI).date() >= state.snoozed_until for p in plan_nudges(state, None, NOW))
