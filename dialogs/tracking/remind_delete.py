"""Deleting an own reminder asks first (是/否): a key pressed by habit must not lose a reminder
(newcomer trial 2, F1). The confirmation names the reminder by title and date, not by its place in
the list, so a list changed meanwhile (another device, a reminder passed) deletes nothing else."""

from __future__ import annotations

import datetime as dt

from core.model import Event, Outcome, Reply, UserState
from dialogs import render
from dialogs.buttons import dialog_button
from dialogs.texts import common as C
from dialogs.texts import tracking as T
from dialogs.tracking.common import DIALOG
from dialogs.tracking.remind_menu import back_to_menu, menu
from dialogs.words import parse_confirmation
from knowledge.base import KnowledgeBase

CONFIRM = "remind_del"
KEY_YES, KEY_NO = "y", "n"  # the same keys as the questionnaire's 是/否 (README)


def ask(state: UserState, index: int, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """The confirmation for the reminder at `index` (0-based), or "gone" when there is none."""
    if not 0 <= index < len(state.reminders):
        return back_to_menu(state, kb, now, T.REMINDER_GONE, replan=False)
    r = state.reminders[index]
    state.start(DIALOG, CONFIRM, {"title": r.title, "date": r.date.isoformat()})
    return Outcome(state, prompt(state, kb, now))


def prompt(state: UserState, kb: KnowledgeBase, now: dt.datetime) -> list[Reply]:
    named = _named(state)
    if named is None:  # a state from elsewhere (an older version, a damaged row): the menu instead
        return menu(state, kb, now)
    text = T.REMOVE_CONFIRM.format(date=render.date(named[1]), title=named[0])
    yes = dialog_button(state, T.BUTTON_REMOVE_YES, "yes", KEY_YES)
    no = dialog_button(state, T.BUTTON_REMOVE_NO, "no", KEY_NO)
    return [Reply(text, ((yes, no),))]


def on_confirm(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    if event.kind == "press":
        answer = {"yes": True, "no": False}.get(event.data)
        if answer is None:
            return Outcome(state, [Reply(C.STALE_BUTTON), *prompt(state, kb, now)])
    else:
        answer = parse_confirmation(event.text)
        if answer is None:  # a question, maybe (dialogs/asked.py); else the question again
            return Outcome(state, [Reply(C.YES_NO_PROMPT), *prompt(state, kb, now)], unread=True)
    named = _named(state)
    if named is None:
        return back_to_menu(state, kb, now, T.REMINDER_GONE, replan=False)
    if not answer:
        return back_to_menu(state, kb, now, T.REMINDER_KEPT.format(title=named[0]), replan=False)
    at = next((i for i, r in enumerate(state.reminders) if (r.title, r.date) == named), None)
    if at is None:
        return back_to_menu(state, kb, now, T.REMINDER_GONE, replan=False)
    removed = state.reminders.pop(at)
    return back_to_menu(state, kb, now, T.REMINDER_REMOVED.format(title=removed.title), replan=True)


def _named(state: UserState) -> tuple[str, dt.date] | None:
    title, day = state.data.get("title"), state.data.get("date")
    if not isinstance(title, str) or not isinstance(day, str):
        return None
    try:
        return title, dt.date.fromisoformat(day)
    except ValueError:
        return None
