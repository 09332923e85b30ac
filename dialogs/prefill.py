"""Answers given in a question, kept for /check: the Q&A turn reads "床位40张、使用率70%" into a
partial profile and offers a button that starts the questionnaire with those answers filled in.

The values wait in the idle user's dialog data (saved with every turn, so the button works after a
restart) under a short key the button carries ("g:chk:<key>"); starting any dialog replaces the data,
so a stale button finds nothing. At most KEEP situations wait at once."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from core.model import UserState

SLOT = "prefill"
KEEP = 3
KEY_CHARS = 8


def stash(state: UserState, region: str, values: dict[str, Any]) -> str | None:
    """Keep `values` (profile field -> value) for a /check in `region`; the key for the button, or
    None while a dialog is in progress (its data is not ours to change)."""
    if state.dialog is not None:
        return None
    payload = {"region": region, "values": values}
    key = hashlib.sha1(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:KEY_CHARS]
    waiting = dict(state.data.get(SLOT) or {})
    waiting.pop(key, None)
    waiting[key] = payload
    state.data[SLOT] = dict(list(waiting.items())[-KEEP:])
    return key


def latest(state: UserState, region: str) -> str | None:
    """The key of the newest values waiting for `region`, or None (none, or a dialog in progress)."""
    waiting = state.data.get(SLOT) if state.dialog is None else None
    if not isinstance(waiting, dict):
        return None
    keys = [k for k, p in waiting.items() if isinstance(p, dict) and p.get("region") == region]
    return keys[-1] if keys else None


def take(state: UserState, key: str) -> tuple[str, dict[str, Any]] | None:
    """(region, values) kept under `key`, removed from the state; None when gone or malformed."""
    if state.dialog is not None:
        return None
    waiting = state.data.get(SLOT)
    payload = waiting.pop(key, None) if isinstance(waiting, dict) else None
    if not isinstance(payload, dict) or not isinstance(payload.get("values"), dict):
        return None
    region = payload.get("region")
    return (region, dict(payload["values"])) if isinstance(region, str) else None
