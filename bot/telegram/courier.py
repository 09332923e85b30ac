"""Replies from sending to settled (issue 11 items 1 and 6): deliver them (bot.telegram.replies),
then settle the outbox row the turn wrote (storage.outbox) by what happened:
- delivered: the row is deleted, so the next update is read against the new state;
- a transient failure: what is left is kept with a due time (backoff from RETRY_FIRST_SECONDS,
  doubling up to RETRY_MAX_SECONDS; a 429's own retry_after when longer) and the sweep sends it
  later, after a short note saying it comes late; given up after MAX_ATTEMPTS;
- the chat is gone (403, "chat not found"): the user is marked inactive, the row dropped;
- Telegram refuses the message itself (another 400): dropped and reported.
An admin alert goes out once per incident: when the first reply is kept while none is, and not
again until every kept reply went out (so two failures minutes apart are two alerts, and an outage
of a thousand chats one). The sweep also sends the rows of a process that died before delivering
(their due time is the turn's time + IN_FLIGHT_SECONDS). A row the sweep takes is left alone by
other instances for CLAIM_SECONDS; the claim names this instance (`owner`, bot.nudges.instance), so a
restart of the instance sends the rows a killed process was sending at once, and a stop gives the
row it cut short back at once (`release`), instead of both waiting out the claim (issue 11 item 3).

The courier also remembers the newest message id it sent to each chat (`newest`): a turn's replies
come after every message already in the chat when it runs, not only after the update that started
it, so that is what the outbox row records as "after" (bot/turn.py)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from telegram.error import TelegramError
from telegram.ext import ExtBot

from bot import texts
from bot.ratelimit import RateLimiter
from bot.telegram.replies import Delivery, Fate, ReplySender
from bot.turn import KeyedLocks
from core import clock
from core.model import Reply
from storage import outbox, users
from storage.db import Database

log = logging.getLogger(__name__)

RETRY_FIRST_SECONDS = 3.0
RETRY_MAX_SECONDS = 300.0
MAX_ATTEMPTS = 30  # ~2 hours of tries at the longest wait
SWEEP_EVERY_SECONDS = 2.0
CLAIM_SECONDS = 120.0  # a row a sweep took is left alone by other instances' sweeps this long
MAX_CHATS_REMEMBERED = 10_000  # chats whose newest message id is kept (the oldest forgotten first)


class Courier:
    """Delivers and settles; `db` is read when needed (the shell opens it in post_init)."""

    def __init__(
        self,
        db: Callable[[], Database],
        limiter: Callable[[], RateLimiter],
        chat_locks: KeyedLocks[int],
        admin_ids: Callable[[], frozenset[int]],
        channel: str,
        retry_first: float = RETRY_FIRST_SECONDS,
    ) -> None:
        self._db = db
        self._limiter = limiter  # read at each use: the shell may wrap its limiter after start-up
        self.chat_locks = chat_locks
        self.admin_ids = admin_ids
        self.channel = channel
        self.retry_first = retry_first
        self._kept: set[int] = set()  # chats with replies kept after a failure (this process)
        self._incident = False
        self._newest: dict[int, int] = {}  # chat id -> the newest message id this process sent there
        self.owner: str | None = None  # this process's instance id, set by the shell at start
        self.stopping = asyncio.Event()  # set by the shell's stop: the sweep ends between two rows

    def newest(self, chat_id: int) -> int | None:
        """The id of the newest message this process sent to `chat_id` (None: none it remembers)."""
        return self._newest.get(chat_id)

    def _note_sent(self, chat_id: int, ids: list[int]) -> None:
        if not ids:
            return
        newest = max([*ids, self._newest.pop(chat_id, 0)])
        if len(self._newest) >= MAX_CHATS_REMEMBERED:
            del self._newest[next(iter(self._newest))]  # forgetting only loses precision (turn.py)
        self._newest[chat_id] = newest

    async def send(
        self,
        bot: ExtBot[Any],
        chat_id: int,
        replies: Sequence[Reply],
        user_id: int | None = None,
        token: int | None = None,
        shown: dict[str, Any] | None = None,
        attempts: int = 0,
    ) -> Delivery:
        """Deliver `replies` to `chat_id` and settle row `token` (None: the turn stored none).
        The caller holds the chat's lock."""
        done = await ReplySender(bot, self._limiter()).deliver(chat_id, replies)
        ids = [m.message_id for m in done.messages]
        self._note_sent(chat_id, ids)
        db = self._db()
        if done.fate is Fate.DELIVERED:
            if token is not None and user_id is not None:
                # Kept as a mark: a message typed before these arrived is read against `shown`.
                await outbox.delivered(db, user_id, token, shown, min(ids, default=None), max(ids, default=None))
            self._settled(chat_id)
        elif done.fate is Fate.KEPT:
            await self._keep(bot, chat_id, done, user_id, token, shown, attempts + 1)
        else:
            if token is not None and user_id is not None:
                await outbox.drop(db, user_id, token)
            self._settled(chat_id)
            if done.fate is Fate.GONE:
                log.info("chat is gone or blocked the bot (%s); marking inactive", done.kind)
                await users.set_active(db, self.channel, str(chat_id), False)
            else:
                log.warning("Telegram refused a reply for good (%s); dropped", done.kind)
                await self._alert(bot, texts.ADMIN_REPLY_REFUSED.format(kind=done.kind))
        return done

    async def _keep(self, bot: ExtBot[Any], chat_id: int, done: Delivery, user_id: int | None, token: int | None,
                    shown: dict[str, Any] | None, attempts: int) -> None:  # fmt: skip
        db = self._db()
        uid = user_id if user_id is not None else await users.user_id_of(db, self.channel, str(chat_id))
        if uid is None:
            return
        if attempts > MAX_ATTEMPTS:
            log.error("reply undeliverable after %d attempts (%s); given up", attempts, done.kind)
            await outbox.drop(db, uid, token or 0)
            self._settled(chat_id)
            return
        wait = max(done.retry_in, min(RETRY_MAX_SECONDS, self.retry_first * 2 ** (attempts - 1)))
        due = clock.now() + dt.timedelta(seconds=wait)
        await outbox.keep(db, uid, done.rest, shown, token or outbox.new_token(), due, attempts)
        log.error("reply not delivered (%s): kept, next try in %.0f s (attempt %d)", done.kind, wait, attempts)
        self._kept.add(chat_id)
        if not self._incident:
            self._incident = True
            await self._alert(bot, texts.ADMIN_DELIVERY_ALERT.format(kind=done.kind))

    def _settled(self, chat_id: int) -> None:
        self._kept.discard(chat_id)
        if self._incident and not self._kept:
            self._incident = False
            log.info("delivery incident over: every kept reply went out")

    async def _alert(self, bot: ExtBot[Any], text: str) -> None:
        for admin_id in sorted(self.admin_ids()):
            try:
                await self._limiter().acquire_reply(str(admin_id))
                sent = await bot.send_message(admin_id, text)
                self._note_sent(admin_id, [sent.message_id])
            except TelegramError as exc:
                log.warning("could not alert an admin: %s", type(exc).__name__)

    async def sweep(self, bot: ExtBot[Any]) -> int:
        """Send the rows whose due time passed; returns how many were delivered."""
        delivered = 0
        now = clock.now()
        for row in await outbox.due(self._db(), self.channel, now):
            if self.stopping.is_set():
                break
            chat_id = int(row.external_id)
            async with self.chat_locks[chat_id]:
                until = now + dt.timedelta(seconds=CLAIM_SECONDS)
                if not await outbox.claim(self._db(), row.user_id, row.token, now, until, self.owner):
                    continue  # delivered, replaced or taken by another instance meanwhile
                pending = await outbox.take(self._db(), row.user_id)
                if pending is None or pending.token != row.token:
                    continue  # delivered or replaced meanwhile
                late = [Reply(texts.REPLY_LATE), *pending.replies]
                done = await self.send(bot, chat_id, late, row.user_id, row.token, pending.shown, pending.attempts)
                delivered += done.fate is Fate.DELIVERED
        return delivered

    async def release(self) -> int:
        """Make the rows this instance's sweeps claimed due now (at start: a killed predecessor's,
        which no live process is sending; at a stop: the one the stop cut short). Returns how many."""
        if self.owner is None:
            return 0
        return await outbox.release_owner(self._db(), self.owner, clock.now())

    async def run(self, bot: ExtBot[Any], every: float = SWEEP_EVERY_SECONDS) -> None:
        """Sweep forever (a task of the shell), first taking back what a killed process of this
        instance was sending; a failed sweep is logged and the next one retries."""
        try:
            taken = await self.release()
            if taken:
                log.info("took back %d replies a previous process of this instance was sending", taken)
        except Exception as exc:  # the claims then run out by themselves
            log.warning("could not take back the sweep's claims: %s", type(exc).__name__)
        while not self.stopping.is_set():
            try:
                await self.sweep(bot)
            except Exception as exc:
                frames = "".join(traceback.format_tb(exc.__traceback__))
                log.error("outbox sweep failed with %s\n%s", type(exc).__name__, frames)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stopping.wait(), every)
