"""The details behind a short reply. A situation's verdict is read on a phone between two meetings:
the reply gives the verdict, one line per criterion and one per text (dialogs/qa/situation_short.py);
the full explanation of every criterion, the rules' titles and each governing-text note wait behind
a "详细说明" button ("g:more:<key>") or a typed 详细 / 展开说说 (situation_words.DETAILS_ASKED).

Like the /check pre-fill (dialogs/prefill.py), the full text waits in the idle user's dialog data,
saved with the turn (so the button works after a restart), at most KEEP at once; starting a dialog
replaces the data, so a stale button finds nothing and says so."""

from __future__ import annotations

import datetime as dt
import hashlib

from core.model import Outcome, Reply, UserState
from core.text import fold_chinese
from dialogs.qa.situation_words import DETAILS_ASKED
from dialogs.texts import common as C
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase

SLOT = "details"
KEEP = 3
KEY_CHARS = 8
KIND = "more"  # the global button's kind: "g:more:<key>"


def stash(state: UserState, full: str) -> str | None:
    """Keep the full text for the details button; its key, or None while a dialog is in progress
    (its data is not ours to change: the caller then shows the full text at once)."""
    if state.dialog is not None:
        return None
    key = hashlib.sha1(full.encode("utf-8")).hexdigest()[:KEY_CHARS]
    waiting = dict(state.data.get(SLOT) or {})
    waiting.pop(key, None)
    waiting[key] = full
    state.data[SLOT] = dict(list(waiting.items())[-KEEP:])
    return key


def shown(state: UserState, key: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """The press of a details button: the full text kept under `key` (kept for a second press)."""
    waiting = state.data.get(SLOT) if state.dialog is None else None
    full = waiting.get(key) if isinstance(waiting, dict) else None
    if not isinstance(full, str):
        return Outcome(state, [Reply(C.STALE_BUTTON)])
    return Outcome(state, [Reply(full)])


def asked(state: UserState, text: str) -> str | None:
    """The newest full text waiting when the whole message asks for the details (详细, 展开说说), else None."""
    if not DETAILS_ASKED.fullmatch(fold_chinese(text).strip()):
        return None
    waiting = state.data.get(SLOT) if state.dialog is None else None
    if not isinstance(waiting, dict) or not waiting:
        return None
    full = list(waiting.values())[-1]
    return full if isinstance(full, str) else None


def wanted(text: str) -> bool:
    """The whole message asks for details (详细, 详细说明, 展开说说), whether or not any wait."""
    return bool(DETAILS_ASKED.fullmatch(fold_chinese(text).strip()))


def in_full(before: dict, outcome: Outcome) -> Outcome:
    """`outcome`, an answer just given, with its full text instead when it was a short reply that kept its
    details (`before`: what waited before it) — the wish 详细 said before the question had its answer
    (breakers B11, B13)."""
    after = outcome.state.data.get(SLOT) if outcome.state.dialog is None else None
    if not isinstance(after, dict) or not after or after == before:
        return outcome
    full = list(after.values())[-1]
    return Outcome(outcome.state, [Reply(full)], outcome.effects) if isinstance(full, str) else outcome


def waiting(state: UserState) -> dict:
    """The full texts waiting for their details button (a copy)."""
    kept = state.data.get(SLOT) if state.dialog is None else None
    return dict(kept) if isinstance(kept, dict) else {}


BUTTON_LABEL = T.SITUATION_DETAILS_BUTTON
