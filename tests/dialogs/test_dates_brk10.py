"""Breaker brk10, dates typed for an own reminder (dialogs/dates.py, loose_day_words.py, day_words.py):

- D1 a count of days stands alone: 1000天后 was read as 000天后 — today, titled "1 交材料"; -3天后 was 3 days on;
- D2 a month and day written with a dot (12.31 交材料, 交材料 3.15, 3.15号) is that day — it asked for the date,
  while 3.5亩 or 1.5万 in a question stays a figure;
- D3 "提醒我 …" whose date cannot be (2026年13月1日, 2月30日, 昨天, 100年后, 国庆后) says why — 13月 was
  searched as a question and declined, 昨天 stayed in the title and the date was asked.
"""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.dates import ParsedReminder, date_in, parse_reminder
from dialogs.router import handle
from dialogs.texts import tracking as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
TODAY = NOW.date()


@pytest.mark.parametrize(
    ("typed", "days"),
    [("1000天后 交材料", 1000), ("提醒我 365天后 交材料", 365), ("一百天后 交材料", 100), ("10天以后 交材料", 10)],
)
def test_a_count_of_days_is_read_whole(typed: str, days: int) -> None:
    parsed = parse_reminder(typed, TODAY)
    assert isinstance(parsed, ParsedReminder) and parsed.title == "交材料", parsed
    assert parsed.date == TODAY + dt.timedelta(days=days)


@pytest.mark.parametrize("typed", ["-3天后 交材料", "负3天后 交材料", "1.5天后 交材料"])
def test_a_count_with_a_sign_or_a_fraction_is_no_day(typed: str) -> None:
    assert not isinstance(parse_reminder(typed, TODAY), ParsedReminder)


@pytest.mark.parametrize("typed", ["100年后 交材料", "一万天后 交材料"])
def test_a_count_too_far_is_no_day_today(typed: str) -> None:
    parsed = parse_reminder(typed, TODAY)
    assert not isinstance(parsed, ParsedReminder) or parsed.date != TODAY


@pytest.mark.parametrize(
    ("typed", "date"),
    [
        ("12.31 交材料", dt.date(2026, 12, 31)),
        ("交材料 3.15", dt.date(2027, 3, 15)),
        ("3.15号 交材料", dt.date(2027, 3, 15)),
        ("提醒我 1.8 开会", dt.date(2027, 1, 8)),
        ("12.5日 开会", dt.date(2026, 12, 5)),
    ],
)
def test_a_dotted_month_and_day_is_the_day(kb, typed: str, date: dt.date) -> None:
    parsed = parse_reminder(typed, TODAY)
    assert isinstance(parsed, ParsedReminder) and parsed.date == date and "." not in parsed.title, parsed
    out = handle(UserState(user_id=1, region="jilin"), Event.say(typed), kb, NOW)
    assert out.state.reminders and out.state.reminders[0].date == date


@pytest.mark.parametrize(
    "typed", ["用地3.5亩够吗", "床位使用率0.75行吗", "面积1.5万平方米", "12.32 交材料", "13.1 交材料", "1.2.3 交材料"]
)
def test_a_dotted_figure_is_no_date(typed: str) -> None:
    assert date_in(typed, TODAY) is None
    assert not isinstance(parse_reminder(typed, TODAY), ParsedReminder)


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("提醒我 2026年13月1日 交材料", "no_such_day"),
        ("提醒我 13月1日 交材料", "no_such_day"),
        ("提醒我 2月30日 交材料", "no_such_day"),
        ("提醒我 昨天 交材料", "past"),
        ("提醒我 前天 打电话", "past"),
        ("提醒我 2025年3月1日 交材料", "past"),
        ("提醒我 100年后 交材料", "too_far"),
        ("提醒我 国庆后 交材料", "after_festival"),
        ("提醒我 春节后 交材料", "after_festival"),
    ],
)
def test_remind_me_with_a_day_that_cannot_be_says_why(kb, typed: str, error: str) -> None:
    out = handle(UserState(user_id=1, region="jilin"), Event.say(typed), kb, NOW)
    assert out.replies[0].text.startswith(T.REMINDER_ERRORS[error][:8]), out.replies[0].text[:80]
    assert not out.state.reminders


def test_a_day_gone_in_a_title_beside_a_good_date_is_the_title() -> None:
    parsed = parse_reminder("提醒我 昨天开会说的材料 下周五", TODAY)
    assert isinstance(parsed, ParsedReminder) and parsed.title == "昨天开会说的材料"
