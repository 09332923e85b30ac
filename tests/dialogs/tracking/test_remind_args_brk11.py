"""Breaker brk11, B13: words after /remind ("/remind 后天 开会", "/remind 推迟一周") were dropped and the menu
alone came back, the reminder lost. They are read as if typed at the menu: a dated matter is added, a setting
acts, a matter alone has its date asked, a date alone its matter, a day that cannot be is said why."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


def _remind(args: str, kb, state: UserState | None = None):
    return handle(state or UserState(user_id=1, region="jilin"), Event.command("remind", args), kb, NOW)


@pytest.mark.parametrize(
    ("args", "day", "title"),
    [
        ("后天 开会", dt.date(2026, 12, 3), "开会"),
        ("下下周三 开会", dt.date(2026, 12, 16), "开会"),
        ("3月15日 交材料", dt.date(2027, 3, 15), "交材料"),
        ("交年度总结 2027-01-15", dt.date(2027, 1, 15), "交年度总结"),
        ("农历正月初八 开会", dt.date(2027, 2, 13), "开会"),
    ],
)
def test_a_dated_reminder_after_the_command_is_added(kb, args: str, day: dt.date, title: str) -> None:
    out = _remind(args, kb)
    assert [(r.date, r.title) for r in out.state.reminders] == [(day, title)]
    assert "已添加提醒" in out.replies[0].text


@pytest.mark.parametrize("args", ["交材料", "开会", "报自评表"])
def test_a_matter_alone_has_its_date_asked(kb, args: str) -> None:
    out = _remind(args, kb)
    assert not out.state.reminders and args in out.replies[0].text and "哪天" in out.replies[0].text
    done = handle(out.state, Event.say("下周五"), kb, NOW)
    assert [r.title for r in done.state.reminders] == [args]


@pytest.mark.parametrize("args", ["下个月初", "3月15日"])
def test_a_date_alone_has_its_matter_asked(kb, args: str) -> None:
    out = _remind(args, kb)
    assert not out.state.reminders and "要提醒您什么事" in out.replies[0].text


@pytest.mark.parametrize(("args", "check"), [("推迟一周", "snoozed_until"), ("别提醒了", "muted")])
def test_a_setting_after_the_command_acts(kb, args: str, check: str) -> None:
    assert getattr(_remind(args, kb).state, check)


@pytest.mark.parametrize("args", ["2月30日 交材料", "4月31日 交材料", "13月1日 开会"])
def test_a_day_that_cannot_be_is_said_and_nothing_added(kb, args: str) -> None:
    out = _remind(args, kb)
    assert not out.state.reminders and "🔔" in "\n".join(r.text for r in out.replies)
    assert "哪天提醒您" not in out.replies[0].text


def test_no_words_is_the_menu_as_before(kb) -> None:
    out = _remind("", kb)
    assert out.state.step == "remind" and out.replies[0].text.startswith("🔔")


@pytest.mark.parametrize("args", ["农历闰四月十五 交材料", "农历闰六月初一 交材料", "闰八月初三 开会"])
def test_a_leap_month_no_coming_year_has_is_said_to_be_one(kb, args: str) -> None:
    """B14: 闰四月 (none in the coming five years) got "没有这一天（例如2月没有30日）", 闰六月 "日期太远了"."""
    out = _remind(args, kb)
    assert not out.state.reminders and "闰月" in out.replies[0].text


def test_a_leap_month_a_coming_year_has_is_taken(kb) -> None:
    out = _remind("农历闰五月初一 交材料", kb)
    assert [r.date for r in out.state.reminders] == [dt.date(2028, 6, 23)]
