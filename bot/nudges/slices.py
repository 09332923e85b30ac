"""Sending one claimed slice of reminders with `concurrency` senders (issue 11 items 2, 3 and 5).

Each sender takes the next row, re-checks and renews its claim, then holding a place of the gate
(bot.nudges.inflight.InFlight: as many places as the pace × the measured round trip needs, 1 when
none is given) waits for the limiter, sends, and marks the row sent (bot.nudges.send). So renewing
overlaps other senders' requests, and with a slow network several requests are on their way at
once (one at a time caps an instance at 1/round trip: 3.3 messages/s at 300 ms); a kill -9 costs
at most as many duplicates as messages were on their way (bot.nudges.inflight says why).

A row not yet handed to the sender when something ends the slice (quiet hours, a stop, an error)
is given back; a row handed over is never given back (it may have been delivered): it is marked,
or the lease (or this instance's restart) decides.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from bot.delivery import Blocked, Sender
from bot.nudges.inflight import InFlight
from bot.nudges.send import LOST, QUIET, STOPPED, send_one
from bot.pace import Limiter
from core.clock import local_today
from dialogs.nudges.message import NudgeWording
from dialogs.nudges.plan import MAX_ATTEMPTS, backoff, is_quiet, next_allowed
from storage import nudges as store
from storage import users
from storage.db import Database

log = logging.getLogger(__name__)

REASON_GONE = "deadline no longer in the calendar"
SEND_CONCURRENCY = 2  # senders with a one-place gate: one renewing its claim while the other's request is on its way


@dataclass
class TickReport:
    claimed: int = 0
    sent: int = 0
    late: int = 0
    dropped_passed: int = 0
    dropped_superseded: int = 0
    dropped_gone: int = 0
    failed: int = 0  # transient failures, scheduled again with backoff
    gave_up: int = 0
    blocked: int = 0  # users found to have blocked the bot (now inactive)
    rate_limited: int = 0  # 429s received (each waited out and the message resent)
    released: int = 0  # claims given back unsent (quiet hours began, blocked user, stop, error)
    lost_claims: int = 0  # not sent: another tick had taken the row over (its lease had run out)
    slices: int = 0  # claims made
    quiet: bool = False  # stopped because of quiet hours
    stopped: bool = False  # stopped because the process is stopping
    waited_seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def interleave_by_user(batch: Sequence[store.ClaimedNudge]) -> list[store.ClaimedNudge]:
    """Round-robin over users, so two nudges to one chat are far apart and the per-chat limit
    (1 a second) rarely makes the whole loop wait."""
    queues: dict[int, list[store.ClaimedNudge]] = {}
    for item in batch:
        queues.setdefault(item.user_id, []).append(item)
    out: list[store.ClaimedNudge] = []
    round_ = 0
    while len(out) < len(batch):
        for items in queues.values():
            if round_ < len(items):
                out.append(items[round_])
        round_ += 1
    return out


class SliceSender:
    """Sends one claimed slice (rows claimed with `token`) and counts what happened in `report`."""

    def __init__(
        self,
        db: Database,
        sender: Sender,
        limiter: Limiter,
        token: str,
        current: Callable[[], dt.datetime],
        wording: NudgeWording,
        report: TickReport,
        stop: asyncio.Event,
        concurrency: int = SEND_CONCURRENCY,
        gate: InFlight | None = None,
    ) -> None:
        self.db, self.sender, self.limiter, self.token = db, sender, limiter, token
        self.current, self.wording, self.report, self.stop = current, wording, report, stop
        self.concurrency = max(1, concurrency)
        self.handled = 0  # rows dealt with (sent, failed, dropped, skipped), for the pace
        self._queue: deque[store.ClaimedNudge] = deque()
        self._unsent: set[int] = set()  # ids never handed to the sender
        self._blocked: set[int] = set()
        self._ended = False  # quiet hours or a stop: no sender takes another row
        # Messages sent and not yet marked: as the gate allows (one when none is given).
        self._gate = gate if gate is not None else InFlight(0.0, most=1)
        self._handed: dict[int, float] = {}  # id -> when it was handed to the sender (monotonic)

    async def deliver(self, batch: Sequence[store.ClaimedNudge]) -> bool:
        """Send the slice; True when the tick must end (quiet hours began, or stopping). Raises
        what the database raises, after cancelling the other senders and giving back every row
        not handed over."""
        self._queue = deque(interleave_by_user(batch))
        self._unsent = {item.id for item in batch}
        workers = [asyncio.create_task(self._work()) for _ in range(min(self.concurrency, len(batch)))]
        try:
            await asyncio.gather(*workers)
        finally:
            for w in workers:
                w.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            if self._unsent:
                self.report.released += await _release_quietly(self.db, sorted(self._unsent), self.token)
        return self._ended

    async def _work(self) -> None:
        while self._queue and not self._ended:
            if self.stop.is_set():
                self._ended = True
                return
            if is_quiet(self.current()):
                self.report.quiet = self._ended = True
                return
            await self._one(self._queue.popleft())

    async def _one(self, item: store.ClaimedNudge) -> None:
        db, report = self.db, self.report
        self.handled += 1
        if item.user_id in self._blocked:
            return  # given back at the end, with the rest never handed over
        text = self.wording.text(item, self.current())
        if text is None:
            report.dropped_gone += await store.drop(db, [item.id], REASON_GONE)
            return
        error = await send_one(self.sender, self.limiter, item, text, self._rate_limited, self.current,
                               lambda: self._handing_over(item.id), self._still_mine(item), self.stop,
                               self._gate, lambda outcome: self._record(item, outcome))  # fmt: skip
        if error is QUIET or error is STOPPED:  # this one and the rest wait
            report.quiet = report.quiet or error is QUIET
            self._ended = True
        elif error is LOST:
            report.lost_claims += 1
            log.info("nudge %d: taken over by another tick before it was sent; skipped", item.id)

    def _handing_over(self, nudge_id: int) -> None:
        self._unsent.discard(nudge_id)
        self._handed[nudge_id] = time.monotonic()

    async def _record(self, item: store.ClaimedNudge, error: Exception | None) -> None:
        """What came of a message handed to the sender (called holding its place of the gate)."""
        try:
            await self._settle(item, error)
        finally:
            began = self._handed.pop(item.id, None)
            if began is not None:
                self._gate.observe(time.monotonic() - began)

    async def _settle(self, item: store.ClaimedNudge, error: Exception | None) -> None:
        db, token, report = self.db, self.token, self.report
        if error is None:
            if not await store.mark_sent(db, item.id, token, self.current()):
                log.warning("nudge %d: sent, but the claim was gone when marking it", item.id)
            report.sent += 1
            report.late += item.late
        elif isinstance(error, Blocked):
            self._blocked.add(item.user_id)
            report.blocked += 1
            await users.set_active(db, item.channel, item.external_id, False)
            report.released += await store.release(db, [item.id], token)
            log.info("nudge %d: the user blocked the bot; marked inactive", item.id)
        else:
            await _failed(db, item, token, error, self.current(), report)

    def _rate_limited(self) -> None:
        self.report.rate_limited += 1

    def _still_mine(self, item: store.ClaimedNudge) -> Callable[[], Awaitable[bool]]:
        return lambda: store.renew(self.db, item.id, self.token, self.current())


async def _release_quietly(db: Database, ids: list[int], token: str) -> int:
    try:
        return await store.release(db, ids, token)
    except Exception:  # the database may be what failed; the lease frees them later anyway
        log.warning("could not release %d claimed nudges; they are retried after the lease", len(ids))
        return 0


async def _failed(
    db: Database, item: store.ClaimedNudge, token: str, error: Exception, moment: dt.datetime, report: TickReport
) -> None:
    attempts = item.attempts + 1
    retry_at = next_allowed(moment + backoff(attempts))
    give_up = attempts >= MAX_ATTEMPTS or local_today(retry_at) > item.deadline_date
    # The stored error may help an operator; the log gets the kind only (no chat ids, no text).
    await store.mark_failed(db, item.id, token, attempts, f"{type(error).__name__}: {error}", retry_at, give_up=give_up)
    if give_up:
        report.gave_up += 1
        log.warning("nudge %d: %s on attempt %d; giving up", item.id, type(error).__name__, attempts)
    else:
        report.failed += 1
        log.warning(
            "nudge %d: %s on attempt %d; retrying at %s", item.id, type(error).__name__, attempts, retry_at.isoformat()
        )
