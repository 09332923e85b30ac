"""Issue 10: "推迟一周 / 推迟三天 / 别提醒了" typed outside /remind act on the setting (the snooze or
the mute) instead of being taken as a policy question; the words parser is property-tested."""

from __future__ import annotations

import datetime as dt

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.clock import SHANGHAI
from core.effects import LogUnanswered, ReplanNudges
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import tracking as T
from dialogs.words import ReminderWords, parse_reminder_words

NOW = dt.datetime(2026, 1, 10, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "until"),
    [
        ("推迟一周", dt.date(2026, 1, 17)),
        ("推迟三天", dt.date(2026, 1, 13)),
        ("推迟3天", dt.date(2026, 1, 13)),
        ("延后两周吧", dt.date(2026, 1, 24)),
        ("提醒推迟一个星期", dt.date(2026, 1, 17)),
    ],
)
def test_snooze_typed_outside_remind_is_done(kb, typed: str, until: dt.date) -> None:
    out = handle(UserState(region="jilin"), Event.say(typed), kb, NOW)
    assert out.state.snoozed_until == until
    assert any(isinstance(e, ReplanNudges) for e in out.effects)
    assert not any(isinstance(e, LogUnanswered) for e in out.effects)
    assert "2026年" in out.replies[0].text


@pytest.mark.parametrize("typed", ["别提醒了", "不要再提醒了", "关闭提醒"])
def test_mute_typed_outside_remind_is_done(kb, typed: str) -> None:
    out = handle(UserState(region="jilin"), Event.say(typed), kb, NOW)
    assert out.state.muted and out.replies[0].text.startswith(T.MUTED)
    back = handle(out.state, Event.say("恢复提醒"), kb, NOW)
    assert not back.state.muted


def test_typed_in_the_remind_menu_too(kb) -> None:
    menu = handle(UserState(region="jilin"), Event.command("remind"), kb, NOW)
    out = handle(menu.state, Event.say("推迟一周"), kb, NOW)
    assert out.state.snoozed_until == dt.date(2026, 1, 17) and out.state.step == "remind"


def test_a_question_about_reminders_is_still_a_question(kb) -> None:
    out = handle(UserState(region="jilin"), Event.say("提醒可以推迟吗"), kb, NOW)
    assert out.state.snoozed_until is None and not out.state.muted


def test_in_a_group_a_member_does_not_change_the_setting(kb) -> None:
    out = handle(UserState(region="jilin"), Event.say("别提醒了", in_group=True), kb, NOW)
    assert not out.state.muted


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=99),
    unit=st.sampled_from([("天", 1), ("周", 7), ("个星期", 7), ("个月", 30)]),
    verb=st.sampled_from(["推迟", "延后", "往后推"]),
    numeral=st.booleans(),
    tail=st.sampled_from(["", "吧", "再提醒"]),
)
def test_property_snooze_words(n: int, unit: tuple[str, int], verb: str, numeral: bool, tail: str) -> None:
    written = cn2an.an2cn(n) if numeral else str(n)
    assert parse_reminder_words(f"{verb}{written}{unit[0]}{tail}") == ReminderWords("snooze", n * unit[1])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=10))
def test_property_other_text_is_no_setting_or_a_known_one(text: str) -> None:
    got = parse_reminder_words(text)
    assert got is None or got.action in ("mute", "unmute", "unsnooze", "snooze")
