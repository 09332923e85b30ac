"""The values that cross the dialog boundary: events in, replies out, and the user state.

Everything here is plain data so that Telegram, the terminal chat and the tests drive the same
dialogs, and so that storage can save a state without knowing what a dialog means by it. The
effects a dialog asks for are in core.effects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from core.effects import Effect

EventKind = Literal["text", "press", "command"]

# Days before a deadline a user is reminded, until they choose otherwise (/remind).
DEFAULT_REMINDER_DAYS = (30, 7, 1)


@dataclass(frozen=True)
class Event:
    """What the user did.

    kind "text": free text in `text`; "press": a button, its callback data in `data`;
    "command": `text` is the command name without the slash (lower case), `data` its arguments.
    `in_group` and `is_admin` are facts the shell knows about the chat and the sender (is_admin:
    one of the bot's ADMIN_IDS); `group_admin`: the sender administers the group chat it came from.
    """

    kind: EventKind
    text: str = ""
    data: str = ""
    in_group: bool = False
    is_admin: bool = False
    group_admin: bool = False

    @staticmethod
    def say(text: str, **kw: Any) -> Event:
        return Event("text", text=text, **kw)

    @staticmethod
    def press(data: str, **kw: Any) -> Event:
        return Event("press", data=data, **kw)

    @staticmethod
    def command(name: str, args: str = "", **kw: Any) -> Event:
        return Event("command", text=name.lower().lstrip("/"), data=args, **kw)


@dataclass(frozen=True)
class Button:
    """`key`: a stable shortcut a text front end shows and accepts for this button ("y" for 沿用 on
    every questionnaire screen); "" lets the front end number or letter it. Telegram ignores it."""

    label: str
    data: str  # callback data, at most core.limits.CALLBACK_DATA_MAX_BYTES
    key: str = ""


@dataclass(frozen=True)
class Document:
    filename: str
    content: bytes
    caption: str = ""


@dataclass(frozen=True)
class Reply:
    """One message to the user: text, optional rows of buttons, optional file.

    `expects_number` says a typed number answers the message (a quantity), so a text front end
    must not read "1" as the first button."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    document: Document | None = None
    expects_number: bool = False


@dataclass
class OwnReminder:
    title: str
    date: dt.date
    id: int | None = None  # set by storage


@dataclass
class UserState:
    """Everything a dialog may read or change about one user.

    `dialog`/`step`/`data` are the conversation in progress (None when idle); `version` grows
    whenever a dialog starts or ends, and buttons carry it so that a press on an old keyboard is
    recognised as stale.
    """

    user_id: int | None = None
    region: str | None = None
    stage: str | None = None
    dialog: str | None = None
    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    version: int = 0
    profile: dict[str, Any] = field(default_factory=dict)
    reminder_days: list[int] = field(default_factory=lambda: list(DEFAULT_REMINDER_DAYS))
    muted: bool = False
    snoozed_until: dt.date | None = None
    checklist: dict[str, list[str]] = field(default_factory=dict)
    reminders: list[OwnReminder] = field(default_factory=list)
    active: bool = True
    # The governing-text notes (📜) shown lately: {key: ISO time}; a note seen within the conversation is
    # given again as a short reference (dialogs/notes_once.py). /forget deletes it with the user row.
    seen_notes: dict[str, str] = field(default_factory=dict)

    def start(self, dialog: str, step: str, data: dict[str, Any] | None = None) -> None:
        self.dialog, self.step, self.data = dialog, step, dict(data or {})
        self.version += 1

    def finish(self) -> None:
        self.dialog, self.step, self.data = None, None, {}
        self.version += 1


@dataclass
class Outcome:
    """What one turn of the dialogs produced: the new state, the replies, and the effects the
    shell must carry out (core.effects). `unread`: the text was not an answer the screen on display
    could read (its replies say what it expects); the router may take the text as a question instead,
    answer it and show the screen again (dialogs/asked.py)."""

    state: UserState
    replies: list[Reply] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)
    unread: bool = False
