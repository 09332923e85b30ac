"""Which dialog position a user saw when they typed or pressed (issue 11 item 1).

The outbox (storage.outbox) keeps, per user, the last turn's row: undelivered replies, or once
delivered a mark. A turn reads its update against the position on the user's screen when they
wrote it, not the one stored: a typed "42" answers the question the user saw, never one that was
saved but not yet shown. Telegram numbers a private chat's messages, both sides, in one sequence,
so message ids order what the user wrote against what reached them:

- `after`: the newest message in the chat before the row's replies (the update that started the
  turn, or later messages the front end knew of). A message right after it (id + 1) was written
  with nothing new on screen; a bigger gap means messages the process does not know of came
  between (most often the row's replies, delivered by a process killed before it recorded them),
  and the stored position stands.
- a mark's first message id (SEEN_FROM): a message with a lower id was typed before the replies
  arrived.
- the journal (storage.outbox.JOURNAL): the rows delivered before, each with its first message id
  and the position the user had until it arrived. A director who typed an answer twice while the
  bot restarted, with a late reply delivered between the typing and the handling of those
  repeats, answered the question they had on screen then, however many turns ran since.
- `said`: a digest of the words that started the row's turn. A gap after "after" is not always
  the replies: it can be the user's own message that a process took from Telegram and died
  before handling. The same words typed again are the same answer to the question the user had
  on screen (filed under it again: a no-op at worst, and the next question comes again), so
  they are read against that screen whatever the gap; other words after a gap are taken as an
  answer to what the gap delivered.
- `pressed`: the button ("data@message id") that started the row's turn. Pressed again on the same
  message once the row's replies were delivered (a double tap, or a press repeated while the bot
  restarted, both queued), it was already taken: the second turn does nothing (pressed_again)
  instead of answering "this button has expired" under the question the first press brought."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

from core.model import Event, UserState
from core.text import fold
from dialogs import buttons
from storage import outbox, users

SAID = "said"  # in `shown`: said_of() the update that started the row's turn
PRESSED = "pressed"  # in `shown`: pressed_of() the press that started the row's turn


def as_shown(state: UserState, pending: outbox.Pending | None, event: Event, message_id: int | None) -> UserState:
    """`state` with the dialog position the user saw when they wrote `event` (message `message_id`),
    when replies were still undelivered or were delivered after it; else `state`."""
    if pending is None or pending.shown is None:
        return state
    after = pending.shown.get("after")
    if pending.seen_from is not None:
        # Delivered: only a message typed before the first of them reached the chat (a lower id)
        # AND right after "after" was written without them on screen. A row re-sent by the sweep
        # may have gone out before (a crash after sending, before the row was settled): a message
        # between "after" and this one is that first delivery, seen. A press names the message it
        # was on, and that message's buttons carry their own version: it needs no help.
        typed_before = (
            event.kind != "press"
            and message_id is not None
            and message_id < pending.seen_from
            and (after is None or message_id <= after + 1 or _repeats(pending, event))
        )
        return _with(state, _screen_at(pending, message_id)) if typed_before else state
    if message_id is not None and after is not None:
        # A new message right after "after" (id + 1), or a press on a message no newer than it.
        latest_seen = after if event.kind == "press" else after + 1
        if message_id > latest_seen and not _repeats(pending, event):
            return state
    if event.kind == "press" or message_id is None:
        return _with(state, pending.position or {})
    return _with(state, _screen_at(pending, message_id))


def position_for_row(loaded: UserState, before: UserState, pending: outbox.Pending | None) -> dict[str, Any]:
    """The position to record in the row a turn writes: the one on the user's screen just before
    its replies arrive. After a delivered row (a mark) that is the stored state the mark's turn
    left, even when this turn's update was typed before the mark's replies arrived and so was read
    against an older position (a repeat handled after the late reply went out)."""
    if pending is not None and pending.seen_from is not None:
        return users.shown_of(loaded)
    return users.shown_of(before)


def journal_for_row(pending: outbox.Pending | None, event: Event, message_id: int | None) -> list[list[Any]]:
    """The journal the new row carries: the delivered rows up to the one it replaces. None when
    this message came after one the bot never knew of (see unknown_between): the screens recorded
    were written before the bot learnt that a reply had in fact been seen, and may be stale."""
    if pending is None or unknown_between(pending, event, message_id):
        return []
    return [[first, pos] for first, pos in pending.journal()]


def unknown_between(pending: outbox.Pending, event: Event, message_id: int | None) -> bool:
    """Whether a message the bot does not know of came between the row's "after" and this one,
    before the row's own replies (other than the user's own words typed again: _repeats)."""
    after = (pending.shown or {}).get("after")
    if message_id is None or after is None or (pending.seen_from is not None and message_id > pending.seen_from):
        return False
    latest_seen = after if event.kind == "press" else after + 1
    return message_id > latest_seen and not _repeats(pending, event)


def said_of(event: Event) -> str | None:
    """A short digest of what the user typed (not the words: the row is kept for a while), or None
    for a press."""
    if event.kind == "press":
        return None
    words = f"{event.kind}:{fold(event.text)} {fold(event.data)}"
    return hashlib.blake2s(words.encode(), digest_size=8).hexdigest()


def pressed_of(event: Event, message_id: int | None) -> str | None:
    """The button pressed and the message it was on, as "data@message id"; None for anything but
    a press on a known message."""
    if event.kind != "press" or message_id is None:
        return None
    return f"{event.data}@{message_id}"


def pressed_again(state: UserState, pending: outbox.Pending | None, event: Event, message_id: int | None) -> bool:
    """Whether `event` presses again, on the same message, the dialog button that started the row's
    turn, after that turn's replies were delivered, and the button's version is gone from `state`
    (so the dialogs would only answer "expired"). Undelivered replies are not enough: the user has
    not seen them, and as_shown reads the press against the screen it was made on."""
    if pending is None or pending.seen_from is None:
        return False
    key = pressed_of(event, message_id)
    if key is None or (pending.shown or {}).get(PRESSED) != key:
        return False
    scope, version, _ = buttons.parse(event.data)
    return scope == "dialog" and version != state.version


def _repeats(pending: outbox.Pending, event: Event) -> bool:
    """Whether `event` types again the words that started the row's turn."""
    said = (pending.shown or {}).get(SAID)
    return said is not None and said == said_of(event)


def after_of(message_id: int | None, newest: int | None) -> int | None:
    """The newest message in the chat before this turn's replies: they come after the update that
    started the turn AND after whatever was sent while the update waited for the chat (the rest of
    an earlier turn's replies, at Telegram's pace of one a second per chat, or late replies from the
    sweep). Recording only the update's id would take those messages, once seen, for this turn's
    replies: a press on them would be read against a position never shown ("expired")."""
    if message_id is None:
        return None
    return message_id if newest is None else max(message_id, newest)


def _screen_at(pending: outbox.Pending, message_id: int | None) -> dict[str, Any]:
    """The position before the earliest delivery (journal, then the row itself) that reached the
    chat after `message_id`; the row's own position when none did."""
    if message_id is not None:
        for first, position in pending.journal():
            if first > message_id:
                return position
    return pending.position or {}


def _with(state: UserState, position: dict[str, Any]) -> UserState:
    """`state` with a recorded dialog position."""
    if not position:
        return state
    return dataclasses.replace(
        state,
        dialog=position["dialog"],
        step=position["step"],
        data=dict(position["data"] or {}),
        version=position["version"],
    )
