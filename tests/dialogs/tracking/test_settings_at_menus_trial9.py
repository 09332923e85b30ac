"""Newcomer trial 9, finding 5: "别提醒了", "恢复提醒", "推迟一周" typed at the /stage menu got "没有认出这个
阶段" and the setting was left as it was; the same at every other screen of the tracking dialog (添加提醒,
提前天数, 删除提醒's question). They act on the setting, and the screen is asked again. /status typed at the
/stage menu showed the checklist's buttons and the stage menu: its screen replaces the menu now. Finding
15: /stage → 1 printed the whole /status, which /status right after printed again."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, OwnReminder, UserState
from dialogs.router import handle
from dialogs.texts import tracking as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


def _text(out) -> str:
    return "\n".join(r.text for r in out.replies)


def _press(out, label: str) -> Event:
    return Event.press(next(b.data for r in out.replies for row in r.buttons for b in row if b.label == label))


def _stage_menu(kb, region: str, muted: bool = False):
    return handle(UserState(user_id=1, region=region, muted=muted), Event.command("stage"), kb, NOW)


def _add_screen(kb, region: str, muted: bool = False):
    menu = handle(UserState(user_id=1, region=region, muted=muted), Event.command("remind"), kb, NOW)
    return handle(menu.state, _press(menu, T.BUTTON_ADD), kb, NOW)


def _days_screen(kb, region: str, muted: bool = False):
    menu = handle(UserState(user_id=1, region=region, muted=muted), Event.command("remind"), kb, NOW)
    return handle(menu.state, _press(menu, T.BUTTON_DAYS), kb, NOW)


SCREENS = [_stage_menu, _add_screen, _days_screen]


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("region", ["beijing", "jilin"])
@pytest.mark.parametrize("typed", ["别提醒了", "不要再提醒了", "先别提醒了", "关闭提醒"])
def test_mute_typed_at_a_tracking_screen_mutes(kb, screen, region: str, typed: str) -> None:
    shown = screen(kb, region)
    out = handle(shown.state, Event.say(typed), kb, NOW)
    assert out.state.muted, _text(out)
    assert T.MUTED in _text(out) and "没有认出这个阶段" not in _text(out)
    assert out.state.step == shown.state.step  # the screen is asked again, not left
    assert out.state.reminders == []  # not taken for a reminder's matter


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("typed", ["恢复提醒", "继续提醒", "取消静音"])
def test_unmute_typed_at_a_tracking_screen_unmutes(kb, screen, typed: str) -> None:
    out = handle(screen(kb, "beijing", muted=True).state, Event.say(typed), kb, NOW)
    assert not out.state.muted and T.UNMUTED in _text(out), _text(out)


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize(("typed", "until"), [("推迟一周", dt.date(2026, 12, 8)), ("推迟三天", dt.date(2026, 12, 4))])
def test_snooze_typed_at_a_tracking_screen_snoozes(kb, screen, typed: str, until: dt.date) -> None:
    out = handle(screen(kb, "beijing").state, Event.say(typed), kb, NOW)
    assert out.state.snoozed_until == until, _text(out)


def test_a_reminder_delete_question_reads_settings_too(kb) -> None:
    state = UserState(user_id=1, region="beijing", reminders=[OwnReminder("交表", dt.date(2026, 12, 15))])
    menu = handle(state, Event.command("remind"), kb, NOW)
    asked = handle(menu.state, Event.say("删除1"), kb, NOW)
    out = handle(asked.state, Event.say("别提醒了"), kb, NOW)
    assert out.state.muted and out.state.reminders  # muted, and the reminder not deleted


def _live_menus(out) -> int:
    return sum(1 for r in out.replies if r.buttons)


@pytest.mark.parametrize("region", ["beijing", "jilin", "chongqing-yuzhong"])
def test_status_at_the_stage_menu_replaces_it(kb, region: str) -> None:
    staged = handle(_stage_menu(kb, region).state, Event.say("1"), kb, NOW)
    menu = handle(staged.state, Event.command("stage"), kb, NOW)
    for status in (Event.command("status"), Event.say("看看申报进度")):
        out = handle(menu.state, status, kb, NOW)
        assert "申报进度" in _text(out) and _live_menus(out) <= 1 and "请选择您的机构" not in _text(out), _text(out)
        assert out.state.dialog is None


@pytest.mark.parametrize("region", ["beijing", "jilin", "chongqing-yuzhong"])
@pytest.mark.parametrize("chosen", ["1", "2"])
def test_a_stage_chosen_is_said_without_the_whole_status(kb, region: str, chosen: str) -> None:
    out = handle(_stage_menu(kb, region).state, Event.say(chosen), kb, NOW)
    assert "已将申报阶段设为" in _text(out) and "/status" in _text(out)
    assert "📋" not in _text(out) and "⏰" not in _text(out) and len(out.replies) == 1, _text(out)
    assert "材料清单" in _text(out)  # the stage's checklist comes with it
