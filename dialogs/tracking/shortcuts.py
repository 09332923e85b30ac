"""Reminder settings typed as words outside /remind: "推迟一周", "推迟三天", "别提醒了", "恢复提醒".

They act at once, like the /remind buttons, and say what changed and how to undo it; they are not
policy questions. Words are read in dialogs/words.py."""

from __future__ import annotations

import datetime as dt

from core.clock import local_today
from core.effects import ReplanNudges
from core.model import Outcome, Reply, UserState
from dialogs import render
from dialogs.texts import tracking as T
from dialogs.words import parse_reminder_words

MAX_SNOOZE_DAYS = 365


def typed_setting(state: UserState, text: str, now: dt.datetime) -> Outcome | None:
    """The outcome of a reminder setting typed as words, or None when the text is not one."""
    words = parse_reminder_words(text)
    if words is None:
        return None
    if words.action == "mute":
        changed, state.muted = not state.muted, True
        return _done(state, T.MUTED, changed)
    if words.action == "unmute":
        changed, state.muted = state.muted, False
        return _done(state, T.UNMUTED, changed)
    if words.action == "unsnooze":
        changed, state.snoozed_until = state.snoozed_until is not None, None
        return _done(state, T.UNSNOOZED, changed)
    if words.days > MAX_SNOOZE_DAYS:
        return Outcome(state, [Reply(T.SNOOZE_TOO_LONG.format(max=MAX_SNOOZE_DAYS))])
    until = local_today(now) + dt.timedelta(days=words.days)
    state.snoozed_until = until
    said = T.SNOOZED_TYPED.format(date=render.date(until), days=words.days)
    if state.muted:
        said += T.SNOOZED_BUT_MUTED
    return _done(state, said, True)


def _done(state: UserState, said: str, changed: bool) -> Outcome:
    return Outcome(state, [Reply(said + T.TYPED_SETTING_HINT)], [ReplanNudges()] if changed else [])
