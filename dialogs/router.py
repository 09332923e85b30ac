"""The one entry point of the conversation: handle(state, event, kb, now) -> Outcome.

Read top to bottom: input hygiene, commands, button presses, then text for the dialog in progress
or, when none is, a question for the knowledge base. Every command and dialog is registered here.
"""

from __future__ import annotations

import copy
import datetime as dt
import unicodedata
from collections.abc import Callable
from types import ModuleType
from typing import Any

from dialogs import admin, buttons, onboarding, privacy, qa, questionnaire, tracking
from dialogs.model import Event, Outcome, Reply, UserState
from dialogs.texts import common as T

MAX_INPUT_CHARS = 1000

CommandHandler = Callable[[UserState, Event, Any, dt.datetime], Outcome]

# Each dialog module offers on_event(state, event, kb, now) -> Outcome for texts and presses of
# its own buttons (event.data is the payload without the version prefix), and
# prompt(state, kb, now) -> list[Reply], which asks the pending step again.
DIALOGS: dict[str, ModuleType] = {
    "onboarding": onboarding,
    "forget": privacy,
    "tracking": tracking,
    "broadcast": admin,
    "questionnaire": questionnaire,
}

COMMANDS: dict[str, CommandHandler] = {
    "start": onboarding.start,
    "help": onboarding.show_help,
    "region": onboarding.choose_region,
    "cancel": onboarding.cancel,
    "mydata": privacy.mydata,
    "forget": privacy.forget,
    "stage": tracking.stage,
    "status": tracking.status,
    "remind": tracking.remind,
    "check": questionnaire.check,
}
# Commands that start a dialog about the user's own institution: private chats only.
PRIVATE_ONLY = {"check", "stage", "status", "remind", "mydata", "forget"}
ADMIN_COMMANDS: dict[str, CommandHandler] = {
    "stats": admin.stats,
    "reload": admin.reload,
    "broadcast": admin.broadcast,
}
# Commands that show something and then let the dialog in progress carry on.
KEEPS_DIALOG = {"help", "mydata", "status"}

# Global buttons ("g:<kind>:<arg>"), valid whatever dialog is in progress.
GLOBAL_PRESSES: dict[str, Callable[[UserState, str, Any, dt.datetime], Outcome]] = {
    "ask": qa.ask_suggested,
    "trk": tracking.on_global,
    "report": questionnaire.report,
}


def handle(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    """Pure: the caller's state is not modified; the new state is in the outcome."""
    state = copy.deepcopy(state)
    if event.kind == "command":
        return _command(state, event, kb, now)
    if event.kind == "press":
        return _press(state, event, kb, now)
    return _text(state, event, kb, now)


def _command(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    name = event.text
    if name in ADMIN_COMMANDS:
        if not event.is_admin:
            return Outcome(state, [Reply(T.ADMIN_ONLY)])
        return ADMIN_COMMANDS[name](state, event, kb, now)
    handler = COMMANDS.get(name)
    if handler is None:
        return _with_pending(Outcome(state, [Reply(T.UNKNOWN_COMMAND.format(name=_clip(name, 30)))]), kb, now)
    if event.in_group and name in PRIVATE_ONLY:
        return Outcome(state, [Reply(T.GROUP_PRIVATE_ONLY)])
    outcome = handler(state, event, kb, now)
    if name in KEEPS_DIALOG:
        return _with_pending(outcome, kb, now)
    return outcome


def _press(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    scope, version, payload = buttons.parse(event.data)
    if scope == "global":
        kind, _, arg = payload.partition(":")
        handler = GLOBAL_PRESSES.get(kind)
        if handler is None:
            return _stale(state, kb, now)
        return handler(state, arg, kb, now)
    if scope != "dialog" or version != state.version or state.dialog not in DIALOGS:
        return _stale(state, kb, now)
    return _in_dialog(state, Event("press", data=payload, in_group=event.in_group), kb, now)


def _text(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    text = clean_text(event.text)
    problem = _input_problem(text)
    if problem:
        return _with_pending(Outcome(state, [Reply(problem)]), kb, now)
    event = Event("text", text=text, in_group=event.in_group, is_admin=event.is_admin)
    if state.dialog in DIALOGS:
        return _in_dialog(state, event, kb, now)
    return qa.answer(state, text, kb, now)


def _in_dialog(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    """Pass the event to the dialog in progress. A command that had to ask for the region first
    (/check with no region, say) carries on once the region is chosen."""
    assert state.dialog is not None
    return_to = state.data.get("return_to") if state.dialog == "onboarding" else None
    outcome = DIALOGS[state.dialog].on_event(state, event, kb, now)
    if return_to in COMMANDS and outcome.state.region and outcome.state.dialog is None:
        more = COMMANDS[return_to](outcome.state, Event.command(return_to), kb, now)
        return Outcome(more.state, outcome.replies + more.replies, outcome.effects + more.effects)
    return outcome


def clean_text(text: str) -> str:
    """Drop control and format characters (keeping line breaks) and surrounding space."""
    kept = [c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C"]
    return "".join(kept).strip()


def _input_problem(text: str) -> str | None:
    if not text:
        return T.EMPTY_MESSAGE
    if len(text) > MAX_INPUT_CHARS:
        return T.TOO_LONG.format(n=len(text), limit=MAX_INPUT_CHARS)
    if not any(unicodedata.category(c)[0] in "LN" for c in text):
        return T.NO_WORDS
    return None


def _stale(state: UserState, kb: Any, now: dt.datetime) -> Outcome:
    return _with_pending(Outcome(state, [Reply(T.STALE_BUTTON)]), kb, now)


def _with_pending(outcome: Outcome, kb: Any, now: dt.datetime) -> Outcome:
    """Append the pending question of the dialog in progress, so an interruption loses nothing."""
    waiting = pending(outcome.state, kb, now)
    if waiting:
        outcome.replies.append(Reply(T.PENDING_AGAIN))
        outcome.replies.extend(waiting)
    return outcome


def pending(state: UserState, kb: Any, now: dt.datetime) -> list[Reply]:
    """The question the dialog in progress is waiting for (empty when idle)."""
    return DIALOGS[state.dialog].prompt(state, kb, now) if state.dialog in DIALOGS else []


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n] + "…"
