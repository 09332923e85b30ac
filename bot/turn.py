"""One conversation turn for any front end: load the user's state, run the dialogs, save the new
state before anything is sent, then carry out the effects the dialogs asked for (bot/effects.py)."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from bot.effects import EFFECT_HANDLERS, EffectContext
from core import clock
from core.effects import AdminEffect, ForgetMe
from core.model import Event, Reply, UserState
from dialogs import router
from knowledge.base import KnowledgeBase
from storage import users
from storage.db import Database

MAX_IDLE_LOCKS = 10_000
Key = TypeVar("Key")


@dataclass
class TurnResult:
    replies: list[Reply]
    state: UserState
    admin_effects: list[AdminEffect] = field(default_factory=list)  # for the front end, which checks rights
    forgotten: bool = False  # the user's data was deleted: front ends drop what they keep too


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

    def __init__(self, db: Database, kb: KnowledgeBase, channel: str) -> None:
        self.db = db
        self.kb = kb
        self.channel = channel
        # A user's turns run one at a time, so two quick messages cannot overwrite each other's state.
        self._locks: KeyedLocks[str] = KeyedLocks()

    async def load(self, external_id: str) -> UserState:
        return await users.load_state(self.db, self.channel, external_id)

    def pending_prompt(self, state: UserState, now: dt.datetime) -> list[Reply]:
        return router.pending(state, self.kb, now)

    async def turn(self, external_id: str, event: Event, now: dt.datetime | None = None) -> TurnResult:
        now = now or clock.now()
        async with self._locks[external_id]:
            before = await users.load_state(self.db, self.channel, external_id, group=event.in_group)
            outcome = router.handle(before, event, self.kb, now)
            state = outcome.state
            if not state.active:
                state.active = True  # writing again re-activates a user who had blocked the bot
            forget = any(isinstance(e, ForgetMe) for e in outcome.effects)
            if not forget and state != before:  # a question alone changes nothing: no write
                await users.save_state(self.db, state, before)
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
            return TurnResult(produced + list(outcome.replies), state, admin, forgotten=forget)
