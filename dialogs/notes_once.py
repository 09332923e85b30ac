"""Each governing-text note (📜 适用文件：…) said in full once per conversation (newcomer trial, N16): on a
phone the same paragraph under every answer buries the answers. A note shown within the last
CONVERSATION hours is given again only as its first sentence (which point, which text, which day) with
a pointer to the full note above. What was shown, and when, is per-user state (UserState.seen_notes,
stored in the users row, exported by /mydata, deleted by /forget)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from core.model import Outcome, Reply, UserState
from dialogs.texts import common as T

CONVERSATION = dt.timedelta(hours=6)  # a note shown longer ago than this is said in full again
MAX_KEPT = 50  # notes remembered per user (the oldest forgotten first)
NOTE_PREFIX = T.GOVERNING.split("{", 1)[0]  # "📜 适用文件："


def once(outcome: Outcome, now: dt.datetime) -> Outcome:
    """The outcome with every 📜 note already shown in this conversation cut to its short reference,
    and the notes shown in full recorded in outcome.state.seen_notes."""
    state = outcome.state
    if not any(NOTE_PREFIX in r.text for r in outcome.replies):
        return outcome
    seen = _recent(state, now)
    replies = [_shortened(r, seen, now) for r in outcome.replies]
    state.seen_notes = dict(sorted(seen.items(), key=lambda kv: kv[1])[-MAX_KEPT:])
    return dataclasses.replace(outcome, replies=replies)


def _recent(state: UserState, now: dt.datetime) -> dict[str, str]:
    kept: dict[str, str] = {}
    for key, when in state.seen_notes.items():
        try:
            shown = dt.datetime.fromisoformat(when)
        except (TypeError, ValueError):
            continue
        if now - shown < CONVERSATION:
            kept[key] = when
    return kept


def _shortened(reply: Reply, seen: dict[str, str], now: dt.datetime) -> Reply:
    if NOTE_PREFIX not in reply.text:
        return reply
    lines = []
    for line in reply.text.split("\n"):
        if line.startswith(NOTE_PREFIX):
            key = note_key(line)
            if key in seen:
                line = short_reference(line)
            else:
                seen[key] = now.isoformat()
        lines.append(line)
    return dataclasses.replace(reply, text="\n".join(lines))


def note_key(line: str) -> str:
    """What a note says, apart from the points it is about ("社区医院的评价、复核和上报程序；哪些机构…："):
    the same text and day said of another point is the same note to the reader."""
    body = line.removeprefix(NOTE_PREFIX)
    _, colon, said = body.partition(T.NOTE_POINTS_END)
    return hashlib.sha1((said if colon else body).encode("utf-8")).hexdigest()[:16]


def short_reference(line: str, more: str = T.NOTE_SEEN) -> str:
    """ "📜 适用文件：社区医院的评估：2026年3月10日适用国卫办基层函〔2021〕317号（推定为2021年起）——社区医院原则上…"
    -> its points and first part, up to the explanation (——), else up to the first bracket or full stop
    ("…：本助手收录的文件只到2022年12月31日"), and `more`: where the rest is (详见前文说明: the full note was
    shown earlier; a situation's short layout points at its 详细说明 button instead)."""
    points, colon, body = line.removeprefix(NOTE_PREFIX).partition(T.NOTE_POINTS_END)
    if not colon:
        points, body = "", points
    for mark in T.NOTE_CUTS:
        head, cut, _ = body.partition(mark)
        if cut and head:
            return NOTE_PREFIX + points + colon + head + more
    return line
