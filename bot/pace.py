"""One sending pace per bot, not per process (issue 11 item 5).

Telegram allows a bot about 30 messages a second, whichever process sends them. With one process
(SQLite) the in-process bot.ratelimit.RateLimiter keeps that pace. On PostgreSQL several instances
may run; each one's SharedPace reserves every send slot in the database (storage.pace: one row,
slots `gap` seconds apart on the server's clock), so all of them together keep one pace, and a 429
seen by one pushes the slot row forward for all. The per-chat interval (1 a second) stays local:
one chat's reminders are claimed, and so sent, by one instance at a time.

`pace_for(db, overall)` picks the right one; both satisfy `Limiter`, which is all the nudge tick and
broadcasts use. Our own code rather than a library: the shared state has to be the bot's own
database (no Redis here), and the algorithm is one SQL statement (storage/pace.py).

Replies and reminders share the one pace, replies first (a director is waiting; a reminder may go a
second later). While nobody sends reminders or broadcasts (the pace idle, as far as this process
last saw) a reply never waits for the database: it takes the in-process limiter's slot and goes,
and the replies of CHARGE_IDLE seconds are charged to the shared row together (one statement, not a
round trip per turn: PostgreSQL's capacity). While the pace is busy (this process reserved a slot,
or a charge or reservation found slots booked ahead by others within BUSY_FOR seconds) a reply
takes a slot of the shared pace like a reminder, ahead of every reminder slot not yet taken, and
waits for it (at most the slots already reserved: one on its way and one ahead per instance, about
0.15 s at 28/s). Charging replies after they went, as before, let a burst of replies meet the
reminder slots already booked for the same second: the long chaos run (8 updates/s beside 1,200
reminders, two instances) saw 35 in a second (11 replies + 24 reminders) and 7 × 429; slots 7 %
wider than 1/30 s leave one spare message in a sliding second, not three. Replies charged in the
idle mode can still meet reminders another instance starts meanwhile: at most CHARGE_IDLE seconds
of this process's replies. Should replies alone book the pace more than MOST_BOOKED seconds ahead
(more replies than Telegram allows, across instances), each instance holds its replies until it is
not."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Protocol

from bot.ratelimit import TELEGRAM_OVERALL_PER_SECOND, TELEGRAM_PER_CHAT_INTERVAL, RateLimiter
from storage import pace
from storage.db import Database

log = logging.getLogger(__name__)

PACE_NAME = "telegram"  # one row per bot: every instance of this bot shares it
# Slots are spaced 7 % wider than 1/30 s (bot.ratelimit uses 5 %): sends from several processes
# reach Telegram with more jitter (each its own event loop, HTTP client and scheduling), and a slot
# used up to half a gap late can bunch with the next. Measured (tests/bench/bench_pace.py): 5 %
# gave a peak second of 31; 7 % gives <= 30 and still >= 90 % of 30/s used.
SHARED_MARGIN = 0.07
LATE_RETRIES = 2  # slots given up in a row for waking too late, before sending on the third anyway
CHARGE_EVERY = 0.0  # seconds a reply waits to be charged with the next (0: at the next turn of the loop)
# ... while the last charge found nobody sending on the pace (no reminder, no broadcast): replies are
# then charged together every CHARGE_IDLE seconds, not once a turn (a round trip per turn was
# PostgreSQL's extra cost; five statements a second are nothing beside 50+ turns). Short, because
# what is uncharged when another instance starts sending reminders can bunch with them.
CHARGE_IDLE = 0.2
# Seconds the pace counts as busy (replies take shared slots) after this process last saw slots
# reserved ahead: long enough that an instance replying now and then still knows reminders go out.
BUSY_FOR = 5.0
MOST_BOOKED = 1.0  # seconds the shared pace may be booked ahead before replies wait too


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

    async def acquire_reply(self, chat: str) -> None:
        """Wait until a reply to `chat` may go (the overall pace and that chat's 429 pause)."""
        ...

    def pause_chat(self, chat: str, seconds: float) -> None:
        """Telegram said 429 retry_after `seconds` for `chat`: only that chat waits."""
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
        margin: float = SHARED_MARGIN,
        name: str = PACE_NAME,
        local: RateLimiter | None = None,
    ) -> None:
        self.db = db
        # The in-process limiter beside it: replies go through it (acquire_reply, pause_chat) with no
        # database round trip on every turn; a 429 pauses it too.
        self.local = local or RateLimiter(overall=overall, window=window, per_chat_interval=per_chat_interval)
        self.name = name
        self.gap = window * (1 + margin) / overall  # seconds between two sends of the whole bot
        self.per_chat_interval = per_chat_interval * (1 + margin)
        self._last_in_chat: dict[str, float] = {}
        self._push: asyncio.Task[None] | None = None
        self._next: asyncio.Task[float] | None = None  # the slot reserved ahead, for the next send
        self._lock = asyncio.Lock()
        self.waited = 0.0
        self.missed = 0  # wake-ups more than a gap after the slot (each given up, but the last of a row)
        self._owed = 0  # replies sent and not yet charged to the shared pace
        self._charging: asyncio.Task[None] | None = None
        self.charges = 0  # statements that charged replies (each for one or more)
        self._idle = False  # the last charge found the pace unused but for the replies it charged
        self._busy_until = float("-inf")  # replies take shared slots until then (clock())
        self.reply_slots = 0  # replies that took a slot of the shared pace (busy)

    def clock(self) -> float:
        """time.monotonic(): slots are waited for in real time."""
        return time.monotonic()

    async def acquire(self, chat: str) -> None:
        """Wait for `chat`'s own interval here, then for the bot's next slot, and reserve the slot
        after it in the background: the reservation's round trip overlaps this send, so one
        instance alone still keeps the whole pace. A slot reserved ahead but found more than one
        gap in the past (this loop was busy elsewhere) is not used: sending on it would bunch with
        the slots after it. Raises what the database raises (the tick's loop survives it)."""
        async with self._lock:
            last = self._last_in_chat.get(chat)
            if last is not None:
                wait = last + self.per_chat_interval - self.clock()
                if wait > 0:
                    self.waited += wait
                    await asyncio.sleep(wait)
            if await self.settle():
                self._drop_next()  # reserved before the 429 was pushed: too early now
            for _ in range(LATE_RETRIES + 1):
                slot = await self._take_slot()
                delay = slot - self.clock()
                if delay > 0:
                    self.waited += delay
                    await asyncio.sleep(delay)
                if self.clock() - slot <= self.gap:
                    break
                # Woken more than a gap after the slot (a starved CPU): sent now it would bunch with
                # the next slots, whoever holds them (more than 30 in a second). Give it up.
                self.missed += 1
            now = self.clock()
            self._last_in_chat[chat] = now
            if len(self._last_in_chat) > 50_000:
                cutoff = now - self.per_chat_interval
                self._last_in_chat = {c: t for c, t in self._last_in_chat.items() if t > cutoff}

    async def _take_slot(self) -> float:
        """The slot reserved ahead if it is still usable (no more than one gap past), else a new
        one; and reserve the following one in the background."""
        self._busy_until = self.clock() + BUSY_FOR
        if self._next is None and self._owed:
            await self._charge_owed()  # replies of the idle time go before the first reminder slot
        slot = None
        if self._next is not None:
            slot, self._next = await self._next, None
            if slot < self.clock() - self.gap:
                slot = None
        if slot is None:
            slot = await self._reserve()
        self._next = asyncio.ensure_future(self._reserve())
        return slot

    async def _reserve(self) -> float:
        """The next slot of the shared pace, on this process's clock."""
        delay = await pace.reserve(self.db, self.name, self.gap)
        return self.clock() + delay

    def _drop_next(self) -> None:
        if self._next is not None:
            self._next.cancel()
            self._next = None

    def pause(self, seconds: float) -> None:
        """A 429: pushed to the shared row at once (in a task; the next acquire waits for it), so
        every instance waits it out; this process's replies wait too."""
        self.local.pause(seconds)
        self._push = asyncio.ensure_future(self._push_after(self._push, seconds))

    async def acquire_reply(self, chat: str) -> None:
        """A reply: the in-process limiter's reply pace (bot.ratelimit); then, while the pace is busy,
        a slot of the shared pace taken and waited for (one round trip); while it is idle, no
        database trip: the reply is charged to the shared pace afterwards with the others."""
        await self.local.acquire_reply(chat)
        if self.clock() < self._busy_until:
            try:
                delay = await pace.reserve(self.db, self.name, self.gap)
            except Exception as exc:  # the reply goes; charged later, as when idle
                log.warning("could not reserve a reply's slot on the shared pace: %s", type(exc).__name__)
            else:
                self.reply_slots += 1
                if delay > 0:  # slots were booked ahead of this one: someone still sends
                    self._busy_until = self.clock() + BUSY_FOR
                    self.waited += delay
                    await asyncio.sleep(delay)
                return
        self._owed += 1
        if self._charging is None:
            self._charging = asyncio.ensure_future(self._charge())

    async def _charge(self) -> None:
        """Charge the replies owed, CHARGE_EVERY (busy) or CHARGE_IDLE seconds after the first, until
        none is owed."""
        try:
            while self._owed:
                await asyncio.sleep(CHARGE_IDLE if self._idle and self._next is None else CHARGE_EVERY)
                await self._charge_owed()
        finally:
            self._charging = None

    async def _charge_owed(self) -> None:
        """One statement charging the replies owed now. When the pace is booked more than
        MOST_BOOKED seconds ahead, this process's replies wait for the rest (a 429 another
        instance pushed counts too); booked beyond these replies, the pace is busy."""
        owed, self._owed = self._owed, 0
        if not owed:
            return
        try:
            booked = await pace.charge(self.db, self.name, owed * self.gap)
        except Exception as exc:  # replies go on; only the reminders' share was not corrected
            log.warning("could not charge %d replies to the shared pace: %s", owed, type(exc).__name__)
            return
        self.charges += 1
        # Booked no further than these replies: nobody reserved a slot ahead (no reminders).
        self._idle = booked <= owed * self.gap + 0.001
        if not self._idle:
            self._busy_until = self.clock() + BUSY_FOR
        if booked > MOST_BOOKED:
            self.local.pause(booked - MOST_BOOKED)

    def pause_chat(self, chat: str, seconds: float) -> None:
        """A 429 for one chat holds only that chat (bot.ratelimit)."""
        self.local.pause_chat(chat, seconds)

    async def _push_after(self, previous: asyncio.Task[None] | None, seconds: float) -> None:
        if previous is not None:
            await asyncio.gather(previous, return_exceptions=True)
        await pace.push(self.db, self.name, seconds)

    async def settle(self) -> bool:
        """Wait until every 429 seen so far is in the database; True when there was one. Raises
        what the database raised."""
        push, self._push = self._push, None
        if push is None:
            return False
        await push
        return True

    async def close(self) -> None:
        """Drop the slot reserved ahead (a stopping process); it is simply never used. Charge the
        replies still owed."""
        self._drop_next()
        if self._charging is not None:
            await asyncio.gather(self._charging, return_exceptions=True)
        await self.settle()


def pace_for(db: Database, overall: int = TELEGRAM_OVERALL_PER_SECOND) -> Limiter:
    """The limiter for nudges and broadcasts: shared through the database on PostgreSQL (several
    instances may run), in-process on SQLite (one process)."""
    if db.is_postgres:
        return SharedPace(db, overall=overall, local=RateLimiter(overall=overall))
    return RateLimiter(overall=overall)
