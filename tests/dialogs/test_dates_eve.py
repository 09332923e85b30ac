"""年前 / 春节前 / 过年前 / 除夕 / 大年三十 in a reminder are the coming 除夕, the day before 正月初一 by
lunardate (newcomer trial 6, N18: "年前 开个会" was refused); "两年前", "今年前三季度" are no date."""

from __future__ import annotations

import datetime as dt

import pytest
from lunardate import LunarDate

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.dates import EVE_LABEL, ParsedReminder, parse_reminder, reads_as_reminder
from dialogs.router import handle

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize("typed", ["年前 开个会", "春节前 交材料", "开会 过年前", "除夕 值班", "大年三十 值班"])
def test_the_eve_words_are_the_coming_eve(typed: str) -> None:
    parsed = parse_reminder(typed, TODAY)
    assert isinstance(parsed, ParsedReminder) and parsed.lunar == EVE_LABEL
    assert parsed.date == dt.date(2027, 2, 5) == LunarDate(2027, 1, 1).to_solar_date() - dt.timedelta(days=1)


def test_after_the_new_year_the_next_eve() -> None:
    parsed = parse_reminder("年前 开会", dt.date(2027, 2, 10))
    assert isinstance(parsed, ParsedReminder) and parsed.date == dt.date(2028, 1, 25)


@pytest.mark.parametrize("typed", ["两年前出过事故", "今年前三季度 总结", "三年前 评过"])
def test_years_ago_is_no_date(typed: str) -> None:
    assert parse_reminder(typed, TODAY) == "no_date"


@pytest.mark.parametrize("typed", ["年前能报吗", "年前要交什么材料"])
def test_a_question_with_the_word_is_no_reminder(typed: str) -> None:
    assert not reads_as_reminder(typed, TODAY)


def test_typed_at_the_reminder_menu_it_is_added(kb) -> None:
    now = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
    state = handle(UserState(region="jilin"), Event.command("remind"), kb, now).state
    out = handle(state, Event.say("年前 开个会"), kb, now)
    text = "\n".join(r.text for r in out.replies)
    assert "2027年2月5日" in text and EVE_LABEL in text
