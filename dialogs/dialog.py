"""What a dialog is: a name, the question it is waiting for (`prompt`) and what it does with the
next text or press of its own (`on_event`). The router keeps the registry; a dialog module declares
one `DIALOG`, so the protocol is checked by the type, not described in a comment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from core.model import Event, Outcome, Reply, UserState
from knowledge.base import KnowledgeBase

Prompt = Callable[[UserState, KnowledgeBase, dt.datetime], list[Reply]]
OnEvent = Callable[[UserState, Event, KnowledgeBase, dt.datetime], Outcome]
# A command: /name with its arguments in event.data.
CommandHandler = Callable[[UserState, Event, KnowledgeBase, dt.datetime], Outcome]
# A global button "g:<kind>:<arg>": valid whatever dialog is in progress.
GlobalPress = Callable[[UserState, str, KnowledgeBase, dt.datetime], Outcome]


@dataclass(frozen=True)
class Dialog:
    """`prompt(state, kb, now)` asks the pending step again (after an interruption, a restart,
    /help); `on_event(state, event, kb, now)` handles a text or a press of the dialog's own buttons
    (event.data is the payload without the version prefix)."""

    name: str
    prompt: Prompt
    on_event: OnEvent
