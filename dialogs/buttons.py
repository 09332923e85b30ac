"""Callback data for buttons.

A button that belongs to a dialog carries the state's `version` ("d<version>:<payload>"), so a
press on a keyboard from a finished or replaced dialog is recognised as stale. A button that is
valid at any time (a suggested question, say) is global: "g:<kind>:<argument>". Both fit in
CALLBACK_DATA_MAX_BYTES (Telegram's 64) as long as payloads stay short.
"""

from __future__ import annotations

from core.limits import CALLBACK_DATA_MAX_BYTES
from core.model import Button, UserState


def dialog_button(state: UserState, label: str, payload: str, key: str = "") -> Button:
    """A button of the dialog in progress; `key` is its stable shortcut in a text front end."""
    data = f"d{state.version}:{payload}"
    _check(data)
    return Button(label, data, key)


def global_button(label: str, kind: str, arg: str = "") -> Button:
    data = f"g:{kind}:{arg}"
    _check(data)
    return Button(label, data)


def _check(data: str) -> None:
    if len(data.encode("utf-8")) > CALLBACK_DATA_MAX_BYTES:
        raise ValueError(f"callback data too long: {data!r}")


def parse(data: str) -> tuple[str, int | None, str]:
    """("dialog", version, payload) or ("global", None, "kind:arg") or ("invalid", None, "")."""
    if data.startswith("g:"):
        return "global", None, data[2:]
    if data.startswith("d") and ":" in data:
        head, payload = data.split(":", 1)
        # ASCII digits only: str.isdigit() also accepts "²" or "٣", which int() rejects.
        if head[1:].isascii() and head[1:].isdigit():
            return "dialog", int(head[1:]), payload
    return "invalid", None, ""


def rows(buttons: list[Button], per_row: int = 2) -> tuple[tuple[Button, ...], ...]:
    return tuple(tuple(buttons[i : i + per_row]) for i in range(0, len(buttons), per_row))
