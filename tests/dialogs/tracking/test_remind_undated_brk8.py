"""Breaker brk8: "提醒我交材料" — a reminder asked for without its date — typed at the /remind menu or at
添加提醒 got "没有找到日期" (only typed elsewhere was its date asked, B24); at either screen only its date
is asked now, and the date typed next adds it, also after a restart (the state is stored)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import tracking as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


def _text(out) -> str:
    return "\n".join(r.text for r in out.replies)


@pytest.mark.parametrize("screen", ["menu", "add"])
@pytest.mark.parametrize(
    ("typed", "title"),
    [("提醒我交材料", "交材料"), ("记得提醒我打电话问区卫健委", "打电话问区卫健委"), ("请提醒一下 报表", "报表")],
)
def test_a_reminder_without_its_date_asks_for_the_date(kb, screen: str, typed: str, title: str) -> None:
    state = handle(UserState(user_id=1, region="jilin"), Event.command("remind"), kb, NOW).state
    if screen == "add":
        state = handle(state, Event.press("d1:add"), kb, NOW).state
    out = handle(state, Event.say(typed), kb, NOW)
    assert T.REMINDER_DATE_FOR.format(title=title) in _text(out), _text(out)
    added = handle(out.state, Event.say("国庆前"), kb, NOW)
    assert "已添加提醒：2027年9月30日" in _text(added) and title in _text(added)
