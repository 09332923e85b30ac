"""One conversation turn for any front end: load the user's state, run the dialogs, save the new
state before anything is sent, then carry out the effects the dialogs asked for (bot/effects.py).

With an outbox (Telegram: replies can be lost between the save and the delivery), a turn that
changes the state stores its replies with the state, in one transaction (storage.outbox); the
front end deletes them once delivered (TurnResult.outbox_token). A turn that finds undelivered
replies reads its update against the dialog position the user last SAW, not the one stored: a
typed "42" is the answer to the question on the user's screen, never to one that was saved but
never shown (issue 11 item 1). What the lost turn stored otherwise (an answer, a region) stays."""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from bot import seen
from bot.effects import EFFECT_HANDLERS, EffectContext
from core import clock
from core.effects import AdminEffect, ForgetMe
from core.model import Event, Reply, UserState
from dialogs import router
from knowledge.base import KnowledgeBase
from storage import outbox, users
from storage.db import Database

MAX_IDLE_LOCKS = 10_000
# A row written by a turn is the turn's own to deliver; a sweep (bot/telegram/redelivery.py) sends
# it only after this long, when the process that wrote it is likely gone.
IN_FLIGHT_SECONDS = 10.0
Key = TypeVar("Key")


@dataclass
class TurnResult:
    replies: list[Reply]
    state: UserState
    admin_effects: list[AdminEffect] = field(default_factory=list)  # for the front end, which checks rights
    forgotten: bool = False  # the user's data was deleted: front ends drop what they keep too
    outbox_token: int | None = None  # the outbox row holding `replies` until they are delivered
    shown: dict[str, object] | None = None  # the dialog position the user saw before this turn


class KeyedLocks(Generic[Key]):
    """One asyncio lock per key (a user, a chat), kept from growing without bound."""

    def __init__(self) -> None:
        self._locks: dict[Key, asyncio.Lock] = {}

    def __getitem__(self, key: Key) -> asyncio.Lock:
        lock = self._locks.get(key)
        if lock is None:
            if len(self._locks) >= MAX_IDLE_LOCKS:
                self._drop_idle()
            lock = self._locks[key] = asyncio.Lock()
        return lock

    def forget(self, key: Key) -> None:
        lock = self._locks.get(key)
        if lock is not None and not lock.locked():
            del self._locks[key]

    def __len__(self) -> int:
        return len(self._locks)

    def _drop_idle(self) -> None:
        # Only locks nobody holds or waits for: asyncio acquires a free lock without yielding, so
        # no one can be between looking a lock up and holding it.
        for key in [k for k, lock in self._locks.items() if not lock.locked()]:
            del self._locks[key]


class Assistant:
    """What every front end shares: the database, the knowledge base and the turn."""

    def __init__(self, db: Database, kb: KnowledgeBase, channel: str, outbox: bool = False) -> None:
        self.db = db
        self.kb = kb
        self.channel = channel
        self.outbox = outbox
        # A user's turns run one at a time, so two quick messages cannot overwrite each other's state.
        self._locks: KeyedLocks[str] = KeyedLocks()

    async def load(self, external_id: str) -> UserState:
        return await users.load_state(self.db, self.channel, external_id)

    async def new_screen(self, external_id: str) -> None:
        """The user's earlier messages are no longer on their screen (a terminal chat started again): the
        governing-text notes shown there are forgotten, so the next one is said in full and no reply
        points at text above that is not there (breaker B9: "详见前文说明" with no 前文)."""
        async with self._locks[external_id]:
            loaded = await users.load_state(self.db, self.channel, external_id)
            if loaded.user_id is not None and loaded.seen_notes:
                state = copy.deepcopy(loaded)
                state.seen_notes = {}
                await users.save_state(self.db, state, loaded)

    def pending_prompt(self, state: UserState, now: dt.datetime) -> list[Reply]:
        return router.pending(state, self.kb, now)

    async def turn(
        self,
        external_id: str,
        event: Event,
        now: dt.datetime | None = None,
        message_id: int | None = None,
        newest: int | None = None,
    ) -> TurnResult:
        """One turn. `message_id`: the transport's id of the message sent or pressed (Telegram
        numbers a private chat's messages, both sides, in one sequence), used to tell whether
        undelivered replies were in fact seen. `newest`: the id of the newest message the front end
        sent to the chat before this turn (an earlier turn's replies, or late ones from the sweep,
        may have gone out after the update was written): this turn's replies come after it too."""
        now = now or clock.now()
        async with self._locks[external_id]:
            loaded, pending = await users.load_turn(self.db, self.channel, external_id, group=event.in_group)
            if loaded.active and seen.pressed_again(loaded, pending, event, message_id):
                # A double tap (or a press repeated while the bot restarted): the first press was
                # taken and its replies delivered. Nothing changes, nothing is said: a second turn
                # would answer "this button has expired" under the question the first one brought.
                return TurnResult([], loaded)
            before = seen.as_shown(loaded, pending, event, message_id)
            outcome = router.handle(before, event, self.kb, now)
            state = outcome.state
            if not state.active:
                state.active = True  # writing again re-activates a user who had blocked the bot
            forget = any(isinstance(e, ForgetMe) for e in outcome.effects)
            outgoing: users.Outgoing | None = None
            undelivered = pending is not None and pending.seen_from is None
            # Read against an earlier screen: the turn writes a row even when the state did not
            # change, so its "after" covers this message (a next repeat is then right after it).
            read_earlier = before is not loaded
            if self.outbox and not forget and (state != loaded or undelivered or read_earlier):
                due = now + dt.timedelta(seconds=IN_FLIGHT_SECONDS)
                # A restarted process remembers no message it sent; the last delivered row does.
                known = max(newest or 0, (pending.last_sent if pending else None) or 0) or None
                shown = seen.position_for_row(loaded, before, pending) | {
                    "after": seen.after_of(message_id, known),
                    outbox.JOURNAL: seen.journal_for_row(pending, event, message_id),
                    seen.SAID: seen.said_of(event),
                    seen.PRESSED: seen.pressed_of(event, message_id),
                }
                outgoing = users.Outgoing(list(outcome.replies), shown, outbox.new_token(), due)
            if not forget and (state != loaded or outgoing is not None):  # a question alone: no write
                await users.save_state(self.db, state, loaded, outgoing)
            # What an effect produces (the /mydata file) is the answer to the command, so it comes
            # before the dialog's own replies, which end with the question still pending.
            produced: list[Reply] = []
            admin: list[AdminEffect] = []
            ctx = EffectContext(self.db, self.kb, self.channel, external_id, state, now)
            for effect in outcome.effects:
                handler = EFFECT_HANDLERS.get(type(effect))  # type: ignore[arg-type]
                if handler is None:
                    admin.append(effect)  # type: ignore[arg-type]
                else:
                    produced.extend(await handler(ctx, effect))
            if forget:
                self._locks.forget(external_id)
            replies = produced + list(outcome.replies)
            if outgoing is not None and produced and state.user_id is not None:
                # Effects made replies of their own (a file): the row gets them too. Rare; the state
                # and the dialog's replies were already stored together above.
                await outbox.keep(self.db, state.user_id, replies, outgoing.shown, outgoing.token, outgoing.due_at, 0)
            token = outgoing.token if outgoing is not None else None
            shown = outgoing.shown if outgoing is not None else None
            return TurnResult(replies, state, admin, forgotten=forget, outbox_token=token, shown=shown)
