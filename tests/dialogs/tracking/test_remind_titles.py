"""Breaker trial 2, finding 5: at the 添加自定义提醒 prompt (and on the /remind menu, which says the same
"事项 + 日期" works) a title with question words and a date set apart was answered as a question and
nothing was stored. A text laid out as 事项 + 日期 is the reminder; a date inside a question is not.
Newcomer trial 2, F2: a question with 谁 on the menu was swallowed."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, Outcome, UserState
from dialogs.dates import reads_as_reminder
from dialogs.router import handle
from dialogs.texts import common as C
from dialogs.texts import tracking as T
from knowledge.base import KnowledgeBase

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
TODAY = NOW.date()


def _menu(kb: KnowledgeBase, region: str = "jilin") -> Outcome:
    return handle(UserState(user_id=1, region=region), Event.command("remind"), kb, NOW)


def _add(kb: KnowledgeBase) -> Outcome:
    shown = _menu(kb)
    data = next(b.data for row in shown.replies[-1].buttons for b in row if b.label == T.BUTTON_ADD)
    return handle(shown.state, Event.press(data), kb, NOW)


TITLED = [
    ("问区卫健委要交什么材料 3月15日", "问区卫健委要交什么材料", dt.date(2027, 3, 15)),
    ("打电话问问截止时间吗 5月1日", "打电话问问截止时间吗", dt.date(2027, 5, 1)),
    ("确认验收找谁申请 明年6月15日", "确认验收找谁申请", dt.date(2027, 6, 15)),
    ("问问哪些材料要盖章，月底", "问问哪些材料要盖章", dt.date(2026, 12, 31)),
    ("12月20日 问市卫健委床位要多少张", "问市卫健委床位要多少张", dt.date(2026, 12, 20)),
    ("下周五：问清楚能不能先申报", "问清楚能不能先申报", dt.date(2026, 12, 11)),
]


@pytest.mark.parametrize(("typed", "title", "day"), TITLED)
@pytest.mark.parametrize("screen", ["add", "menu"])
def test_a_title_with_question_words_and_its_date_is_the_reminder(
    kb: KnowledgeBase, screen: str, typed: str, title: str, day: dt.date
) -> None:
    shown = _add(kb) if screen == "add" else _menu(kb)
    out = handle(shown.state, Event.say(typed), kb, NOW)
    assert [(r.title, r.date) for r in out.state.reminders] == [(title, day)], [r.text for r in out.replies]
    assert C.PENDING_AGAIN not in [r.text for r in out.replies] and out.state.step == "remind"


QUESTIONS = ["6月30日前要交什么材料？", "3月15日要交材料吗", "截止日期是不是6月30日", "6月30日截止吗", "3月15日？"]


@pytest.mark.parametrize("typed", QUESTIONS)
@pytest.mark.parametrize("screen", ["add", "menu"])
def test_a_date_inside_a_question_is_still_a_question(kb: KnowledgeBase, screen: str, typed: str) -> None:
    assert not reads_as_reminder(typed, TODAY)
    shown = _add(kb) if screen == "add" else _menu(kb)
    out = handle(shown.state, Event.say(typed), kb, NOW)
    assert out.state.reminders == [] and out.state.step == shown.state.step, [r.text for r in out.replies]


@pytest.mark.parametrize("typed", ["交材料 3月15日", "2027-03-15 交材料", "下周五 开会", "交材料 明年3月15日"])
def test_plain_reminders_read_as_reminders(typed: str) -> None:
    assert reads_as_reminder(typed, TODAY)


@pytest.mark.parametrize("region", ["chongqing-yuzhong", "jilin"])
@pytest.mark.parametrize("typed", ["验收找谁申请", "找谁申请验收", "材料交给谁"])
def test_a_who_question_on_the_menu_is_answered(kb: KnowledgeBase, region: str, typed: str) -> None:
    shown = _menu(kb, region)
    out = handle(shown.state, Event.say(typed), kb, NOW)
    texts = [r.text for r in out.replies]
    assert C.PENDING_AGAIN in texts and T.REMIND_TEXT_NOT_UNDERSTOOD not in texts, texts
    assert out.state.step == "remind"
