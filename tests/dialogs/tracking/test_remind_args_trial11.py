"""Newcomer trial 11, N6/N7: the words after /remind, and "提醒我" after the date.

N6: "/remind 明天下午3点 打电话给区卫健委" and "/remind 三天后 提醒我准备材料" showed the menu and dropped the
words without a word: no reminder was added (/region 北京 and /stage 2 read theirs). Now the words after
/remind are read as if typed at the menu: a reminder is added, a setting (静音, 推迟一周) is set, and words
that are neither say so above the menu. N7: "三天后 提醒我准备材料" was titled "提醒我准备材料"."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.dates import parse_reminder
from dialogs.router import handle
from dialogs.texts import tracking as T

NOW = dt.datetime(2026, 12, 2, 10, tzinfo=SHANGHAI)  # a Wednesday
TODAY = NOW.date()
REGIONS = ("jilin", "national", "chongqing-yuzhong", "beijing")
ADDED = [
    ("明天下午3点 打电话给区卫健委", "下午3点 打电话给区卫健委", dt.date(2026, 12, 3)),
    ("三天后 提醒我准备材料", "准备材料", dt.date(2026, 12, 5)),
    ("下周三 开会", "开会", dt.date(2026, 12, 9)),
    ("腊月二十 交材料", "交材料", dt.date(2027, 1, 27)),
    ("12月20日 交自评表", "交自评表", dt.date(2026, 12, 20)),
    ("提醒我下周五交材料", "交材料", dt.date(2026, 12, 11)),
]


def _texts(outcome) -> str:
    return "\n".join(r.text for r in outcome.replies)


def _remind(state: UserState, words: str, kb):
    return handle(state, Event.command("remind", words), kb, NOW)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(("words", "title", "day"), ADDED)
def test_a_reminder_after_remind_is_added(kb, region, words, title, day) -> None:
    out = _remind(UserState(user_id=1, region=region), words, kb)
    assert [(r.title, r.date) for r in out.state.reminders] == [(title, day)], _texts(out)
    assert T.REMIND_TITLE in _texts(out)  # the menu follows, as when it is typed there


@pytest.mark.parametrize("words", ("静音", "别提醒了"))
def test_a_setting_after_remind_is_set(kb, words) -> None:
    out = _remind(UserState(user_id=1, region="jilin"), words, kb)
    assert out.state.muted, _texts(out)


def test_a_snooze_after_remind_is_set(kb) -> None:
    out = _remind(UserState(user_id=1, region="jilin"), "推迟一周", kb)
    assert out.state.snoozed_until == TODAY + dt.timedelta(days=7), _texts(out)


@pytest.mark.parametrize("words", ("要交什么材料？", "截止日期是哪天", "这个怎么用"))
def test_words_that_are_no_reminder_are_said_not_read(kb, words) -> None:
    out = _remind(UserState(user_id=1, region="jilin"), words, kb)
    assert out.state.reminders == [] and not out.state.muted
    assert out.replies[0].text in (T.REMIND_ARGS_NOT_READ, T.REMIND_TEXT_NOT_UNDERSTOOD), _texts(out)
    assert T.REMIND_TITLE in _texts(out)


def test_remind_alone_still_shows_the_menu(kb) -> None:
    out = _remind(UserState(user_id=1, region="jilin"), "", kb)
    assert out.replies[0].text.startswith(T.REMIND_TITLE) and out.state.reminders == []


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("三天后 提醒我准备材料", "准备材料"),
        ("下周三 提醒我开会", "开会"),
        ("12月20日 请提醒我交自评表", "交自评表"),
        ("月底 麻烦提醒一下报市里", "报市里"),
        ("提醒我 6月30日 交材料", "交材料"),
    ],
)
def test_remind_me_after_the_date_is_not_in_the_title(typed, title) -> None:
    parsed = parse_reminder(typed, TODAY)
    assert not isinstance(parsed, str) and parsed.title == title, parsed
