"""A question about a date is a question, not a reminder (newcomer trial, R1): "截止日期是不是 6月30日" — the
date set apart by a space, full-width space or mark — was stored as a reminder titled 截止日期是不是. On the
/remind menu and at the 添加自定义提醒 prompt, a text asking whether a day is the day (是不是/是/吗/么/？ at
the date, or only a deadline word beside it) is answered and nothing is stored; "提醒我 …" and a task laid
out as 事项 + 日期 are still reminders."""

from __future__ import annotations

import datetime as dt

import pytest

from core.model import Event
from dialogs.dates import reads_as_reminder
from dialogs.router import handle
from dialogs.texts import common as C
from knowledge.base import KnowledgeBase
from tests.dialogs.tracking.test_remind_titles import NOW, TODAY, _add, _menu

ASKED = [
    "截止日期是不是 6月30日",
    "截止日期是不是　6月30日",  # full-width space
    "截止日期是不是 ６月３０日？",  # full-width digits and mark
    "截止日期是不是 6 月 30 日?",
    "截止日期是 6月30日吗",
    "截止日期是 6月30日么",
    "截止 6月30日吗",
    "是不是 6月30日截止",
    "6月30日 截止吗",
    "6月30日 是截止日期吗",
    "交材料 3月15日？",
    "申报截止时间为 6月30日吗？",
]


@pytest.mark.parametrize("typed", ASKED)
@pytest.mark.parametrize("screen", ["add", "menu"])
def test_a_question_about_a_date_is_answered_not_stored(kb: KnowledgeBase, screen: str, typed: str) -> None:
    assert not reads_as_reminder(typed, TODAY)
    shown = _add(kb) if screen == "add" else _menu(kb)
    out = handle(shown.state, Event.say(typed), kb, NOW)
    texts = [r.text for r in out.replies]
    assert out.state.reminders == [], texts
    assert out.state.step == shown.state.step and C.PENDING_AGAIN in texts, texts


@pytest.mark.parametrize(
    ("typed", "title"),
    [("提醒我 6月30日 交材料吗", "交材料吗"), ("提醒我6月30日交材料", "交材料"), ("交材料 6月30日", "交材料")],
)
def test_remind_me_and_a_task_with_its_date_are_stored(kb: KnowledgeBase, typed: str, title: str) -> None:
    out = handle(_menu(kb).state, Event.say(typed), kb, NOW)
    assert [(r.title, r.date) for r in out.state.reminders] == [(title, dt.date(2027, 6, 30))]
