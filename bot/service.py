"""One conversation turn for any front end: load the user's state, run the dialogs, save the new
state before anything is sent, then carry out the effects the dialogs asked for."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from dialogs import router
from dialogs.model import (
    CountQuestion,
    Document,
    Effect,
    Event,
    ExportMyData,
    ForgetMe,
    LogUnanswered,
    ReplanNudges,
    Reply,
    UserState,
)
from dialogs.texts import common as T
from knowledge.base import KnowledgeBase
from storage import questions, users
from storage.db import Database

SHANGHAI = ZoneInfo("Asia/Shanghai")
MAX_IDLE_LOCKS = 10_000
K = TypeVar("K")

ReplanHook = Callable[[Database, KnowledgeBase, UserState, dt.datetime], Awaitable[None]]
OpeningHook = Callable[["Assistant", str, dt.datetime], Awaitable[list[Reply]]]


@dataclass
class TurnResult:
    replies: list[Reply]
    state: UserState
    other_effects: list[Effect] = field(default_factory=list)  # for the front end (admin actions)
    forgotten: bool = False  # the user's data was deleted: front ends drop what they keep too


class KeyedLocks(Generic[K]):
    """One asyncio lock per key (a user, a chat), kept from growing without bound."""

    def __init__(self) -> None:
        self._locks: dict[K, asyncio.Lock] = {}

    def __getitem__(self, key: K) -> asyncio.Lock:
        lock = self._locks.get(key)
        if lock is None:
            if len(self._locks) >= MAX_IDLE_LOCKS:
                self._drop_idle()
            lock = self._locks[key] = asyncio.Lock()
        return lock

    def forget(self, key: K) -> None:
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
        self.replan_hooks: list[ReplanHook] = []
        # Called when a text front end opens (the terminal shows due nudges this way).
        self.opening_hooks: list[OpeningHook] = []

    async def load(self, external_id: str) -> UserState:
        return await users.load_state(self.db, self.channel, external_id)

    def pending_prompt(self, state: UserState, now: dt.datetime) -> list[Reply]:
        return router.pending(state, self.kb, now)

    async def turn(self, external_id: str, event: Event, now: dt.datetime | None = None) -> TurnResult:
        now = now or dt.datetime.now(SHANGHAI)
        async with self._locks[external_id]:
            before = await users.load_state(self.db, self.channel, external_id)
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
            others: list[Effect] = []
            for effect in outcome.effects:
                extra = await self._apply(effect, external_id, state, now)
                if extra is None:
                    others.append(effect)
                else:
                    produced.extend(extra)
            replies = produced + list(outcome.replies)
            return TurnResult(replies, state, others, forgotten=forget)

    async def _apply(self, effect: Effect, external_id: str, state: UserState, now: dt.datetime) -> list[Reply] | None:
        """Carry out an effect; None means the front end must handle it."""
        if isinstance(effect, LogUnanswered):
            await questions.log_unanswered(
                self.db, effect.text, effect.region, effect.best_candidate, effect.confidence
            )
            return []
        if isinstance(effect, CountQuestion):
            await questions.bump(self.db, f"questions:{effect.region or 'none'}", now.date())
            return []
        if isinstance(effect, ExportMyData):
            data = await users.export_user(self.db, self.channel, external_id)
            content = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
            return [Reply(T.MYDATA_INTRO, document=Document("mydata.json", content))]
        if isinstance(effect, ForgetMe):
            await users.forget_user(self.db, self.channel, external_id)
            self._locks.forget(external_id)
            return []
        if isinstance(effect, ReplanNudges):
            for hook in self.replan_hooks:
                await hook(self.db, self.kb, state, now)
            return []
        return None


def render_buttons_as_numbers(reply: Reply) -> tuple[str, dict[str, str]]:
    """For text front ends: label the buttons, return the text and {label: callback data}.

    Buttons are numbered, except where a typed number is itself the answer: then they are
    lettered (a, b, c), so "1" stays an answer and "a" presses the first button."""
    if not reply.buttons:
        return reply.text, {}
    lines = [reply.text]
    choices: dict[str, str] = {}
    n = 0
    for row in reply.buttons:
        for b in row:
            key = chr(ord("a") + n) if reply.expects_number else str(n + 1)
            n += 1
            choices[key] = b.data
            label = b.label
            # Region buttons already carry their number ("1. 吉林省"); avoid "[1] 1. 吉林省".
            if label[:1].isdigit() and label[1:3] in (". ", "、"):
                label = label[3:].lstrip() if label[1:3] == ". " else label[2:]
            lines.append(f"  [{key}] {label}")
    return "\n".join(lines), choices


def parse_iso_now(text: str | None) -> dt.datetime:
    """An ISO-8601 time for --now flags; a naive time is taken as Asia/Shanghai."""
    if not text:
        return dt.datetime.now(SHANGHAI)
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=SHANGHAI)
