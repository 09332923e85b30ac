"""Newcomer trial 9, finding 4: a reminder given at 添加自定义提醒 in two messages — the date first
("下个月初", then "开会") or the matter first ("交材料", then "农历腊月二十") — kept the first part nowhere:
the date was answered as a question about deadlines, the matter got "没有找到日期". The first part is kept
and only the missing one asked. Finding 20: a reminder's day that is a statutory holiday gets a note."""

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


def _press(out, label: str) -> Event:
    return Event.press(next(b.data for r in out.replies for row in r.buttons for b in row if b.label == label))


def _at_add(kb, region: str = "national"):
    menu = handle(UserState(user_id=1, region=region), Event.command("remind"), kb, NOW)
    return handle(menu.state, _press(menu, T.BUTTON_ADD), kb, NOW)


@pytest.mark.parametrize(
    ("first", "second", "day", "title"),
    [
        ("下个月初", "开会", "2027年1月1日", "开会"),
        ("农历腊月二十", "交材料", "2027年1月27日", "交材料"),
        ("12月15号", "交自评表", "2026年12月15日", "交自评表"),
        ("下周五", "打电话问区卫健委", "2026年12月11日", "打电话问区卫健委"),
        ("开会", "下个月初", "2027年1月1日", "开会"),
        ("交材料", "农历腊月二十", "2027年1月27日", "交材料"),
        ("交自评表", "12月15号", "2026年12月15日", "交自评表"),
        ("打电话问区卫健委", "月底", "2026年12月31日", "打电话问区卫健委"),
    ],
)
@pytest.mark.parametrize("region", ["national", "beijing"])
def test_a_reminder_in_two_messages_keeps_the_first_part(kb, region, first, second, day, title) -> None:
    asked = handle(_at_add(kb, region).state, Event.say(first), kb, NOW)
    said = _text(asked)
    assert T.REMINDER_ERRORS["no_date"] not in said and T.REMINDER_ERRORS["no_title"] not in said, said
    assert ("要提醒您什么事" in said) or (T.REMINDER_DATE_FOR.format(title=first) in said), said
    assert len(asked.replies) == 1, said  # one line, not an answer about deadlines and the prompt again
    added = handle(asked.state, Event.say(second), kb, NOW)
    assert f"已添加提醒：{day}" in _text(added) and title in _text(added), _text(added)
    assert [r.title for r in added.state.reminders] == [title]
    assert added.state.dialog == "tracking" and added.state.step == "remind"  # back at the menu, nothing held


@pytest.mark.parametrize("date_alone", ["下个月初", "农历腊月二十", "下周五"])
def test_a_date_alone_at_the_menu_asks_its_matter(kb, date_alone: str) -> None:
    menu = handle(UserState(user_id=1, region="national"), Event.command("remind"), kb, NOW)
    asked = handle(menu.state, Event.say(date_alone), kb, NOW)
    assert "要提醒您什么事" in _text(asked), _text(asked)
    added = handle(asked.state, Event.say("开会"), kb, NOW)
    assert "已添加提醒" in _text(added) and added.state.reminders[0].title == "开会"


@pytest.mark.parametrize(
    ("typed", "holiday"),
    [("下个月初 开会", True), ("2027-10-01 交表", True), ("国庆节 交材料", True), ("12月15号 交表", False)],
)
def test_a_reminder_on_a_statutory_holiday_gets_a_note(kb, typed: str, holiday: bool) -> None:
    added = handle(_at_add(kb).state, Event.say(typed), kb, NOW)
    assert "已添加提醒" in _text(added)
    assert ("这天是法定节假日" in _text(added)) is holiday, _text(added)


def test_a_weekend_day_gets_no_holiday_note(kb) -> None:
    added = handle(_at_add(kb).state, Event.say("12月12日 交表"), kb, NOW)  # a Saturday: its weekday is shown
    assert "已添加提醒" in _text(added) and "法定节假日" not in _text(added)
