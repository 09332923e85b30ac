"""Newcomer trial 2, F1: once a reminder existed, the /remind menu renumbered and the key that had
been 完成 deleted the reminder at once. Now the fixed actions keep their keys whatever the list holds,
each reminder's 删除 has a key of its own, and deleting asks 是/否 first — pressed or typed alike."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.terminal import event_from_line, render_buttons_as_numbers
from core.clock import SHANGHAI
from core.effects import ReplanNudges
from core.model import Event, Outcome, OwnReminder, UserState
from dialogs.router import handle
from dialogs.texts import common as C
from dialogs.texts import tracking as T
from knowledge.base import KnowledgeBase

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
TITLES = ["交申请表", "院内自评", "整改报告"]
FIXED = [T.BUTTON_DAYS, T.BUTTON_MUTE, T.BUTTON_SNOOZE, T.BUTTON_ADD, T.BUTTON_DONE]


def _state(count: int, muted: bool = False) -> UserState:
    reminders = [OwnReminder(t, dt.date(2027, 3, 1 + i)) for i, t in enumerate(TITLES[:count])]
    return UserState(user_id=1, region="jilin", reminders=reminders, muted=muted)


def _screen(out: Outcome) -> tuple[str, dict[str, str], dict[str, str]]:
    """The last reply as the terminal shows it: its text, {key: data} and {label: key}."""
    text, choices = render_buttons_as_numbers(out.replies[-1])
    by_label = {b.label: k for k, d in choices.items() for row in out.replies[-1].buttons for b in row if b.data == d}
    return text, choices, by_label


def _type(out: Outcome, line: str) -> Outcome:
    """A line typed in the terminal on the screen `out` shows (a key presses its button)."""
    return handle(out.state, event_from_line(line, _screen(out)[1]), KnowledgeBase(), NOW)


def _replans(out: Outcome) -> bool:
    return any(isinstance(e, ReplanNudges) for e in out.effects)


def test_fixed_actions_keep_their_keys_with_0_1_and_3_reminders(kb: KnowledgeBase) -> None:
    keys = []
    for count in (0, 1, 3):
        _, _, by_label = _screen(handle(_state(count), Event.command("remind"), kb, NOW))
        keys.append([by_label[label] for label in FIXED])
        removes = sorted(k for label, k in by_label.items() if label.startswith("删除"))
        assert removes == [f"d{i}" for i in range(1, count + 1)], by_label
    assert keys[0] == keys[1] == keys[2], keys
    muted = _screen(handle(_state(3, muted=True), Event.command("remind"), kb, NOW))[2]
    assert muted[T.BUTTON_UNMUTE] == keys[0][1] and muted[T.BUTTON_DONE] == keys[0][4]


@pytest.mark.parametrize("count", [0, 1, 3])
def test_the_done_key_is_done_with_any_list(kb: KnowledgeBase, count: int) -> None:
    shown = handle(_state(count), Event.command("remind"), kb, NOW)
    done_key = _screen(shown)[2][T.BUTTON_DONE]
    out = _type(shown, done_key)
    assert out.state.dialog is None and out.replies[0].text == T.REMIND_DONE
    assert [r.title for r in out.state.reminders] == TITLES[:count] and not _replans(out)


def test_adding_a_reminder_then_the_old_done_key_still_ends_the_menu(kb: KnowledgeBase) -> None:
    """The newcomer's walk: /remind, 添加, 交申请表 明年6月15日, then the key 完成 had before."""
    shown = handle(_state(0), Event.command("remind"), kb, NOW)
    done_key = _screen(shown)[2][T.BUTTON_DONE]
    asking = _type(shown, _screen(shown)[2][T.BUTTON_ADD])
    added = _type(asking, "交申请表 明年6月15日")
    assert [r.title for r in added.state.reminders] == ["交申请表"]
    out = _type(added, done_key)
    assert out.state.dialog is None and [r.title for r in out.state.reminders] == ["交申请表"]


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("how", ["button", "key", "typed", "typed label"])
def test_deleting_asks_first_and_no_keeps_it(kb: KnowledgeBase, count: int, how: str) -> None:
    shown = handle(_state(count), Event.command("remind"), kb, NOW)
    last = TITLES[count - 1]
    line = {"button": None, "key": f"d{count}", "typed": f"删除{count}", "typed label": f"删除 第{count}条"}[how]
    if line is None:
        data = next(b.data for row in shown.replies[-1].buttons for b in row if b.label.endswith(last))
        asked = handle(shown.state, Event.press(data), kb, NOW)
    else:
        asked = _type(shown, line)
    assert asked.state.step == "remind_del" and last in asked.replies[-1].text, asked.replies
    assert len(asked.state.reminders) == count and not _replans(asked)
    kept = _type(asked, "否")
    assert [r.title for r in kept.state.reminders] == TITLES[:count] and kept.state.step == "remind"
    asked_again = _type(kept, line) if line else handle(kept.state, Event.press(_data(kept, last)), kb, NOW)
    removed = _type(asked_again, "y")  # the terminal's 是 key, as in the questionnaire
    assert [r.title for r in removed.state.reminders] == TITLES[: count - 1] and _replans(removed)
    assert T.REMINDER_REMOVED.format(title=last) in removed.replies[0].text


def _data(out: Outcome, title: str) -> str:
    return next(b.data for row in out.replies[-1].buttons for b in row if b.label.endswith(title))


@pytest.mark.parametrize("typed", ["是", "确定", "对", "好的"])
def test_typed_yes_deletes_the_named_reminder(kb: KnowledgeBase, typed: str) -> None:
    asked = _type(handle(_state(3), Event.command("remind"), kb, NOW), "d2")
    out = _type(asked, typed)
    assert [r.title for r in out.state.reminders] == ["交申请表", "整改报告"], (typed, out.replies)


def test_confirmation_deletes_by_name_not_by_place(kb: KnowledgeBase) -> None:
    """The list changed after the question (another device): the named reminder goes, or nothing."""
    asked = _type(handle(_state(3), Event.command("remind"), kb, NOW), "d2")
    asked.state.reminders.pop(0)
    out = _type(asked, "是")
    assert [r.title for r in out.state.reminders] == ["整改报告"]
    asked = _type(handle(_state(3), Event.command("remind"), kb, NOW), "d2")
    asked.state.reminders.pop(1)
    out = _type(asked, "是")
    assert out.replies[0].text == T.REMINDER_GONE and len(out.state.reminders) == 2


def test_a_question_at_the_confirmation_is_answered_and_it_asks_again(kb: KnowledgeBase) -> None:
    asked = _type(handle(_state(1), Event.command("remind"), kb, NOW), "d1")
    out = _type(asked, "床位最少要几张")
    texts = [r.text for r in out.replies]
    assert C.PENDING_AGAIN in texts and out.state.step == "remind_del" and len(out.state.reminders) == 1
    lost = _type(asked, "随便")
    assert lost.state.step == "remind_del" and len(lost.state.reminders) == 1


def test_the_old_menu_keyboard_is_stale_once_the_confirmation_is_shown(kb: KnowledgeBase) -> None:
    shown = handle(_state(3), Event.command("remind"), kb, NOW)
    asked = handle(shown.state, Event.press(_data(shown, "院内自评")), kb, NOW)
    stale = handle(asked.state, Event.press(_data(shown, "整改报告")), kb, NOW)
    assert stale.replies[0].text == C.STALE_BUTTON and len(stale.state.reminders) == 3
