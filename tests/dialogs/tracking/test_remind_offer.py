"""Newcomer trial 3, F19: "事项 + 日期" typed outside /remind ("月底 交表") is offered as a reminder
(要添加为提醒吗？ 添加 / 不用), not declined as an unknown question; a question about a date stays a
question (截止日期是不是6月30日); the terminal's y/n and typed 是/否 work like the buttons."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import tracking as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


def _button(out, label: str) -> str:
    return next(b.data for r in out.replies for row in r.buttons for b in row if b.label == label)


@pytest.mark.parametrize("region", ["beijing", "jilin", "chongqing-yuzhong", "national", None])
@pytest.mark.parametrize(
    ("typed", "title", "day"),
    [("月底 交表", "交表", dt.date(2026, 12, 31)), ("自评完成 3月15日", "自评完成", dt.date(2027, 3, 15))],
)
def test_a_dated_todo_is_offered_and_added(kb, region, typed, title, day) -> None:
    out = handle(UserState(user_id=1, region=region), Event.say(typed), kb, NOW)
    assert T.OFFER_REMINDER.format(title=title, date="").split("日期")[0] in out.replies[0].text
    added = handle(out.state, Event.press(_button(out, T.OFFER_ADD)), kb, NOW)
    assert [(r.title, r.date) for r in added.state.reminders] == [(title, day)]
    assert added.state.dialog is None


@pytest.mark.parametrize(("answer", "kept"), [("是", 1), ("好的", 1), ("不用", 0), ("否", 0)])
def test_typed_answers_to_the_offer(kb, answer, kept) -> None:
    out = handle(UserState(user_id=1, region="beijing"), Event.say("月底 交表"), kb, NOW)
    after = handle(out.state, Event.say(answer), kb, NOW)
    assert len(after.state.reminders) == kept and after.state.dialog is None


def test_not_now_keeps_nothing(kb) -> None:
    out = handle(UserState(user_id=1, region="beijing"), Event.say("月底 交表"), kb, NOW)
    skipped = handle(out.state, Event.press(_button(out, T.OFFER_SKIP)), kb, NOW)
    assert skipped.state.reminders == [] and skipped.replies[0].text == T.OFFER_SKIPPED


@pytest.mark.parametrize(
    "typed", ["截止日期是不是6月30日", "6月30日前要交什么材料", "年度总结啥时候报给国家", "床位要多少张"]
)
def test_a_question_is_never_offered(kb, typed) -> None:
    out = handle(UserState(user_id=1, region="jilin"), Event.say(typed), kb, NOW)
    assert out.state.dialog is None
    assert all(T.OFFER_ADD not in str(r.buttons) for r in out.replies)


def test_a_question_at_the_offer_is_answered_and_the_offer_kept(kb) -> None:
    out = handle(UserState(user_id=1, region="jilin"), Event.say("月底 交表"), kb, NOW)
    asked = handle(out.state, Event.say("床位要多少张？"), kb, NOW)
    assert "30张" in "\n".join(r.text for r in asked.replies)
    assert asked.state.step == "remind_offer"
