"""The periodic tick that claims due nudge rows, sends them through the rate limiter and marks them
sent.

The tick knows no transport: it calls a bot.delivery.Sender (Telegram's, the fake Bot API's, or a
test's) and reacts to its three failure kinds. Quiet hours (21:00–08:00 Shanghai) are checked
before every message, so a long tick that reaches 21:00 gives its remaining rows back.

Never twice, never stuck (issue 11 items 2–3), with several instances and a slow API:
- rows are claimed in slices sized to the pace measured so far (SLICE_SECONDS of sending), so the
  unsent rest of a slice never waits long under a claim;
- right before each send the claim is re-checked and renewed in one UPDATE (storage renew): a row
  another instance took over is skipped, and a row being sent has the whole lease (5 minutes) to be
  marked sent, while a send is bounded (bot.nudges.send.MAX_SEND_SECONDS);
- the claims carry the instance id (bot.nudges.instance), so a restarted instance takes back its
  own at once (bot.nudges.loop), and `stopping` (SIGTERM) ends the tick between two messages,
  giving back every row not handed to the sender.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from bot.delivery import Blocked, Sender
from bot.nudges.replan import replan_all, replan_users
from bot.nudges.send import LOST, QUIET, STOPPED, send_one
from bot.pace import Limiter
from core.clock import local_today
from dialogs.nudges.message import NudgeWording
from dialogs.nudges.plan import LATE_AFTER, MAX_ATTEMPTS, backoff, is_quiet, next_allowed
from knowledge.base import KnowledgeBase
from storage import nudges as store
from storage import users
from storage.db import Database

log = logging.getLogger(__name__)

BATCH = 200  # rows per claim at most: at 30/s about 7 s of sending, far inside the 5-minute lease
SLICE_SECONDS = 5.0  # a slice holds about this much sending at the pace measured so far
REASON_GONE = "deadline no longer in the calendar"


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


class NudgeRound:
    """What the bot's reminder loop runs every minute: on the first round of each Shanghai day
    (and at start-up), replan every user, so that next year's occurrence of a yearly deadline and
    calendar data deployed with a new version are planned; then a tick."""

    def __init__(self) -> None:
        self.replanned_on: dt.date | None = None

    async def __call__(
        self,
        db: Database,
        kb: KnowledgeBase,
        sender: Sender,
        now: dt.datetime,
        limiter: Limiter,
        *,
        owner: str | None = None,
        stopping: asyncio.Event | None = None,
    ) -> TickReport:
        today = local_today(now)
        if self.replanned_on != today:
            await replan_all(db, kb, now)
            self.replanned_on = today
        return await tick(db, kb, sender, now, limiter, owner=owner, stopping=stopping)


async def tick(
    db: Database,
    kb: KnowledgeBase,
    sender: Sender,
    now: dt.datetime,
    limiter: Limiter,
    *,
    channel: str | None = "telegram",
    batch_size: int = BATCH,
    owner: str | None = None,
    stopping: asyncio.Event | None = None,
) -> TickReport:
    """Send every nudge due at `now` to users of `channel`, in slices of at most `batch_size` rows
    claimed for `owner` (the instance id), and report what happened. Time inside the tick is `now`
    plus the limiter's clock's progress, so a virtual clock gives consistent times to quiet hours,
    leases and sent_at. When `stopping` is set the tick ends before the next message (the one on
    its way is finished and marked) and gives the rest of its slice back."""
    report = TickReport()
    start = limiter.clock()
    stop = stopping or asyncio.Event()

    def current() -> dt.datetime:
        return now + dt.timedelta(seconds=limiter.clock() - start)

    wording = NudgeWording(kb)
    waited_before = limiter.waited
    size = batch_size
    try:
        while not stop.is_set():
            moment = current()
            if is_quiet(moment):
                report.quiet = True
                break
            stale = await store.drop_stale(db, moment)
            report.dropped_passed += stale.passed
            report.dropped_superseded += stale.superseded
            token = uuid.uuid4().hex
            batch = await store.claim_due(
                db, moment, size, token, channel=channel, late_after=LATE_AFTER, owner=owner
            )
            if not batch:
                break
            report.claimed += len(batch)
            report.slices += 1
            began = time.monotonic()
            slice_ = _Slice(db, sender, limiter, token, current, wording, report, stop)
            ended = await slice_.deliver(batch)
            size = slice_size(slice_.handled, time.monotonic() - began, batch_size)
            await replan_users(db, kb, (item.user_id for item in batch), current())
            if ended:
                break
    finally:
        report.waited_seconds = limiter.waited - waited_before
        report.stopped = stop.is_set()
    return report


def slice_size(handled: int, seconds: float, most: int) -> int:
    """Rows to claim next: what the last slice's pace (`handled` rows in `seconds`, real time)
    sends in SLICE_SECONDS, between 1 and `most`. At 30 a second that is `most`; at 2 s a send, 2."""
    if handled <= 0 or seconds <= 0:
        return most
    return max(1, min(most, int(handled / seconds * SLICE_SECONDS)))


class _Slice:
    """Sending one claimed slice."""

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
    ) -> None:
        self.db, self.sender, self.limiter, self.token = db, sender, limiter, token
        self.current, self.wording, self.report, self.stop = current, wording, report, stop
        self.handled = 0  # rows dealt with (sent, failed, dropped, skipped), for the pace

    def _rate_limited(self) -> None:
        self.report.rate_limited += 1

    def _still_mine(self, item: store.ClaimedNudge) -> Callable[[], Awaitable[bool]]:
        return lambda: store.renew(self.db, item.id, self.token, self.current())

    async def deliver(self, batch: Sequence[store.ClaimedNudge]) -> bool:
        """Send the slice; True when the tick must end (quiet hours began, or stopping)."""
        db, token, report = self.db, self.token, self.report
        queue = interleave_by_user(batch)
        blocked: set[int] = set()
        # queue[untouched[0]:] was never handed to the sender: given back if anything goes wrong. A
        # row handed over is never given back (it may have been delivered): it is marked, or its
        # lease (or this instance's restart) decides.
        untouched = [0]
        try:
            for i, item in enumerate(queue):
                untouched[0] = i
                if self.stop.is_set():
                    return True
                moment = self.current()
                if is_quiet(moment):
                    report.quiet = True
                    return True
                self.handled += 1
                if item.user_id in blocked:
                    report.released += await store.release(db, [item.id], token)
                    continue
                text = self.wording.text(item, moment)
                if text is None:
                    report.dropped_gone += await store.drop(db, [item.id], REASON_GONE)
                    continue

                def handing_over(i: int = i) -> None:
                    untouched[0] = i + 1

                error = await send_one(self.sender, self.limiter, item, text, self._rate_limited, self.current,
                                       handing_over, self._still_mine(item), self.stop)  # fmt: skip
                if error is QUIET or error is STOPPED:  # this one and the rest wait
                    report.quiet = report.quiet or error is QUIET
                    return True
                if error is LOST:
                    report.lost_claims += 1
                    log.info("nudge %d: taken over by another tick before it was sent; skipped", item.id)
                elif error is None:
                    if not await store.mark_sent(db, item.id, token, self.current()):
                        log.warning("nudge %d: sent, but the claim was gone when marking it", item.id)
                    report.sent += 1
                    report.late += item.late
                elif isinstance(error, Blocked):
                    blocked.add(item.user_id)
                    report.blocked += 1
                    await users.set_active(db, item.channel, item.external_id, False)
                    report.released += await store.release(db, [item.id], token)
                    log.info("nudge %d: the user blocked the bot; marked inactive", item.id)
                else:
                    await _failed(db, item, token, error, self.current(), report)
            untouched[0] = len(queue)
            return False
        finally:
            if untouched[0] < len(queue):
                rest = [x.id for x in queue[untouched[0] :]]
                report.released += await _release_quietly(db, rest, token)


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
