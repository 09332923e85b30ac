"""One sending pace per bot, not per process (issue 11 item 5).

Telegram allows a bot about 30 messages a second, whichever process sends them. With one process
(SQLite) the in-process bot.ratelimit.RateLimiter keeps that pace. On PostgreSQL several instances
may run; each one's SharedPace reserves every send slot in the database (storage.pace: one row,
slots `gap` seconds apart on the server's clock), so all of them together keep one pace, and a 429
seen by one pushes the slot row forward for all. The per-chat interval (1 a second) stays local:
one chat's reminders are claimed, and so sent, by one instance at a time.

`pace_for(db, overall)` picks the right one; both satisfy `Limiter`, which is all the nudge tick and
broadcasts use. Our own code rather than a library: the shared state has to be the bot's own
database (no Redis here), and the algorithm is one SQL statement (storage/pace.py)."""

from __future__ import annotations

import asyncio
import time
from typing import Protocol

from bot.ratelimit import SAFETY_MARGIN, TELEGRAM_OVERALL_PER_SECOND, TELEGRAM_PER_CHAT_INTERVAL, RateLimiter
from storage import pace
from storage.db import Database

PACE_NAME = "telegram"  # one row per bot: every instance of this bot shares it


class Limiter(Protocol):
    """What a sending loop needs of a limiter: wait for a slot, honour a 429, a clock, waits."""

    waited: float  # seconds spent waiting so far

    def clock(self) -> float:
        """Seconds on the limiter's (monotonic or virtual) clock."""
        ...

    async def acquire(self, chat: str) -> None:
        """Wait until a message to `chat` may go, and count it as sent now."""
        ...

    def pause(self, seconds: float) -> None:
        """Telegram said 429 retry_after `seconds`: nobody sends until then."""
        ...


class SharedPace:
    """The overall pace reserved in the database (shared by every instance); the per-chat pace
    kept here. Like RateLimiter, meant for one sending loop at a time; a lock keeps concurrent
    callers (a broadcast beside the tick) correct."""

    def __init__(
        self,
        db: Database,
        overall: int = TELEGRAM_OVERALL_PER_SECOND,
        window: float = 1.0,
        per_chat_interval: float = TELEGRAM_PER_CHAT_INTERVAL,
        margin: float = SAFETY_MARGIN,
        name: str = PACE_NAME,
    ) -> None:
        self.db = db
        self.name = name
        self.gap = window * (1 + margin) / overall  # seconds between two sends of the whole bot
        self.per_chat_interval = per_chat_interval * (1 + margin)
        self._last_in_chat: dict[str, float] = {}
        self._push: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self.waited = 0.0

    def clock(self) -> float:
        """time.monotonic(): slots are waited for in real time."""
        return time.monotonic()

    async def acquire(self, chat: str) -> None:
        """Wait for `chat`'s own interval here, then reserve the bot's next slot in the database
        and wait for it. Raises what the database raises (the tick's loop survives it)."""
        async with self._lock:
            last = self._last_in_chat.get(chat)
            if last is not None:
                wait = last + self.per_chat_interval - self.clock()
                if wait > 0:
                    self.waited += wait
                    await asyncio.sleep(wait)
            await self.settle()
            delay = await pace.reserve(self.db, self.name, self.gap)
            if delay > 0:
                self.waited += delay
                await asyncio.sleep(delay)
            now = self.clock()
            self._last_in_chat[chat] = now
            if len(self._last_in_chat) > 50_000:
                cutoff = now - self.per_chat_interval
                self._last_in_chat = {c: t for c, t in self._last_in_chat.items() if t > cutoff}

    def pause(self, seconds: float) -> None:
        """A 429: pushed to the shared row at once (in a task; the next acquire waits for it), so
        every instance waits it out."""
        self._push = asyncio.ensure_future(self._push_after(self._push, seconds))

    async def _push_after(self, previous: asyncio.Task[None] | None, seconds: float) -> None:
        if previous is not None:
            await asyncio.gather(previous, return_exceptions=True)
        await pace.push(self.db, self.name, seconds)

    async def settle(self) -> None:
        """Wait until every 429 seen so far is in the database. Raises what the database raised."""
        push, self._push = self._push, None
        if push is not None:
            await push


def pace_for(db: Database, overall: int = TELEGRAM_OVERALL_PER_SECOND) -> Limiter:
    """The limiter for nudges and broadcasts: shared through the database on PostgreSQL (several
    instances may run), in-process on SQLite (one process)."""
    if db.is_postgres:
        return SharedPace(db, overall=overall)
    return RateLimiter(overall=overall)
