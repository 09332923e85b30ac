"""/mydata and /forget: the dialog side. Storage work is done by the shell through effects."""

from __future__ import annotations

import datetime as dt

from core.effects import ExportMyData, ForgetMe
from core.model import Event, Outcome, Reply, UserState
from dialogs.buttons import dialog_button, rows
from dialogs.dialog import Dialog
from dialogs.texts import common as T
from dialogs.words import parse_confirmation
from knowledge.base import KnowledgeBase

NAME = "forget"


def mydata(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    return Outcome(state, [], [ExportMyData()])


def forget(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    state.start(NAME, "confirm")
    return Outcome(state, prompt(state, kb, now))


def prompt(state: UserState, kb: KnowledgeBase, now: dt.datetime) -> list[Reply]:
    choices = [dialog_button(state, T.FORGET_YES, "forget:yes"), dialog_button(state, T.FORGET_NO, "forget:no")]
    return [Reply(T.FORGET_CONFIRM, rows(choices))]


def on_event(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    if event.kind == "press":
        answer = {"forget:yes": True, "forget:no": False}.get(event.data)
    else:
        answer = parse_confirmation(event.text)
    if answer is None:
        return Outcome(state, [Reply(T.YES_NO_PROMPT), *prompt(state, kb, now)], unread=event.kind == "text")
    state.finish()
    if answer:
        state.seen_notes = {}  # the row goes with ForgetMe; nothing of it stays in the state either
        return Outcome(state, [Reply(T.FORGET_DONE)], [ForgetMe()])
    return Outcome(state, [Reply(T.FORGET_KEPT)])


DIALOG = Dialog(NAME, prompt, on_event)
