"""Newcomer trial 3, F19: "月底 交表" typed outside /remind was declined as a question the documents do not
answer. A text laid out as /remind's prompt asks (事项 + 日期) that no entry answers is added as a
reminder, with the /remind menu to delete it; a question with a date never is."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import tracking as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize("region", ["beijing", "jilin", "chongqing-yuzhong", "national"])
@pytest.mark.parametrize(
    ("typed", "day"), [("月底 交表", dt.date(2026, 12, 31)), ("交年度总结 2027-01-15", dt.date(2027, 1, 15))]
)
def test_a_reminder_typed_outside_remind_is_added(kb, region: str, typed: str, day: dt.date) -> None:
    out = handle(UserState(user_id=1, region=region), Event.say(typed), kb, NOW)
    assert [r.date for r in out.state.reminders] == [day], out.replies[0].text
    assert out.replies[0].text.startswith(T.REMINDER_ADDED.split("{")[0]) and out.effects


@pytest.mark.parametrize("typed", ["6月30日前要交什么材料？", "截止是不是6月30日", "3月15日", "交材料"])
def test_a_question_with_a_date_is_not_a_reminder(kb, typed: str) -> None:
    out = handle(UserState(user_id=1, region="jilin"), Event.say(typed), kb, NOW)
    assert out.state.reminders == []
