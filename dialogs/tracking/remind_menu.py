"""/remind's settings menu, shared by its steps (remind.py, remind_delete.py).

The menu's fixed actions (天数, 静音, 推迟, 添加, 完成) are numbered first and the own reminders'
删除 buttons carry keys of their own ("d1", "d2" …), so in a text front end the number of a fixed
action never changes with the list: 5 is 完成 with no reminder and with twenty (newcomer trial 2, F1)."""

from __future__ import annotations

import datetime as dt

from core.clock import local_today
from core.effects import ReplanNudges
from core.model import Outcome, Reply, UserState
from core.text import clip
from dialogs import render
from dialogs.buttons import dialog_button, rows
from dialogs.texts import tracking as T
from dialogs.tracking.common import DIALOG, calendar_of
from dialogs.tracking.status import HORIZON_DAYS, horizon_end
from knowledge.base import KnowledgeBase

MENU = "remind"
TITLE_LABEL_CHARS = 12
REMOVE_KEY = "d{i}"  # the text front end's key of "删除 i." (its own, so fixed actions keep their numbers)


def menu(state: UserState, kb: KnowledgeBase, now: dt.datetime) -> list[Reply]:
    """The settings menu: days, mute/snooze state, own reminders, and a button per action."""
    today = local_today(now)
    snoozed = state.snoozed_until is not None and state.snoozed_until > today
    lines = [T.REMIND_TITLE, T.REMIND_DAYS.format(days=T.REMIND_DAYS_SEP.join(str(d) for d in state.reminder_days))]
    if state.muted:
        lines.append(T.REMIND_MUTED)
    elif snoozed and state.snoozed_until is not None:
        lines.append(T.REMIND_SNOOZED.format(date=render.date(state.snoozed_until)))
    else:
        lines.append(T.REMIND_ON)
    calendar = calendar_of(state, kb)
    if state.muted:  # muted: nothing is sent, so no hint about what would be (N14: "照常发送" beside 已静音)
        pass
    elif calendar and not calendar.deadlines(None, today, HORIZON_DAYS):
        # Nothing known ahead (the region's newest plan has run out): the stage would change
        # nothing, and "按地区通用的日期提醒" would promise reminders that never come.
        if snoozed and state.snoozed_until is not None:  # own reminders wait for the snooze's end too
            until = render.date(state.snoozed_until)
            lines.append(T.REMIND_NO_DEADLINES_SNOOZED.format(until=horizon_end(today), date=until))
        else:
            lines.append(T.REMIND_NO_DEADLINES.format(until=horizon_end(today)))
    elif calendar and calendar.stages and calendar.stage(state.stage) is None:
        lines.append(T.REMIND_STAGE_HINT)
    if state.reminders:
        lines.append(T.REMIND_OWN_TITLE)
        for i, r in enumerate(state.reminders, 1):
            past = T.REMIND_OWN_PAST if r.date < today else ""
            lines.append(T.REMIND_OWN_LINE.format(i=i, date=render.date(r.date), title=r.title) + past)
    else:
        lines.append(T.REMIND_OWN_NONE)
    mute = (T.BUTTON_UNMUTE, "unmute") if state.muted else (T.BUTTON_MUTE, "mute")
    snooze = (T.BUTTON_UNSNOOZE, "unsnooze") if snoozed else (T.BUTTON_SNOOZE, "snooze")
    choices = [(T.BUTTON_DAYS, "days"), mute, snooze, (T.BUTTON_ADD, "add")]
    buttons = [dialog_button(state, label, payload) for label, payload in choices]
    removes = [
        dialog_button(state, _remove_label(i, r.title), f"del:{i - 1}", REMOVE_KEY.format(i=i))
        for i, r in enumerate(state.reminders, 1)
    ]
    done = ((dialog_button(state, T.BUTTON_DONE, "done"),),)
    return [Reply("\n".join(lines), rows(buttons, 2) + rows(removes, 1) + done)]


def back_to_menu(state: UserState, kb: KnowledgeBase, now: dt.datetime, said: str, replan: bool) -> Outcome:
    state.start(DIALOG, MENU)  # a new version: buttons of the menu before this change go stale
    return Outcome(state, [Reply(said), *menu(state, kb, now)], [ReplanNudges()] if replan else [])


def _remove_label(i: int, title: str) -> str:
    return T.BUTTON_REMOVE.format(i=i, title=clip(title, TITLE_LABEL_CHARS))
