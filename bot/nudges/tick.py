"""The periodic tick that claims due nudge rows, sends them through the rate limiter and marks them
sent.

The tick knows no transport: it calls a bot.delivery.Sender (Telegram's, the fake Bot API's, or a
test's) and reacts to its three failure kinds. Quiet hours (21:00–08:00 Shanghai) are checked
before every message, so a long tick that reaches 21:00 gives its remaining rows back.

Never twice, never stuck (issue 11 items 2–3), with several instances and a slow API:
- as many messages are on their way at once as the pace × the measured round trip needs
  (bot.nudges.inflight, bounded by MAX_NUDGES_IN_FLIGHT), the limiter setting the pace;
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

from bot.delivery import Sender
from bot.nudges.inflight import DEFAULT_MOST, InFlight
from bot.nudges.replan import replan_all, replan_users
from bot.nudges.slices import REASON_GONE, SEND_CONCURRENCY, SliceSender, TickReport, interleave_by_user
from bot.pace import Limiter
from core.clock import local_today
from dialogs.nudges.message import NudgeWording
from dialogs.nudges.plan import LATE_AFTER, is_quiet
from knowledge.base import KnowledgeBase
from storage import nudges as store
from storage.db import Database

log = logging.getLogger(__name__)

BATCH = 200  # rows per claim at most: at 30/s about 7 s of sending, far inside the 5-minute lease
SLICE_SECONDS = 5.0  # a slice holds about this much sending at the pace measured so far
__all__ = ["BATCH", "REASON_GONE", "NudgeRound", "TickReport", "interleave_by_user", "slice_size", "tick"]


class NudgeRound:
    """What the bot's reminder loop runs every minute: on the first round of each Shanghai day
    (and at start-up), replan every user, so that next year's occurrence of a yearly deadline and
    calendar data deployed with a new version are planned; then a tick. `per_second` (the bot's
    pace) and `most` size the window of messages on their way (bot.nudges.inflight), which keeps
    its measured round trip from one round to the next."""

    def __init__(self, per_second: float = 30.0, most: int = DEFAULT_MOST) -> None:
        self.replanned_on: dt.date | None = None
        self.in_flight = InFlight(per_second, most)

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
        # A sender more than places: one renews its claim while the others' requests are out.
        workers = max(SEND_CONCURRENCY, self.in_flight.most + 1)
        return await tick(
            db, kb, sender, now, limiter, owner=owner, stopping=stopping, concurrency=workers, in_flight=self.in_flight
        )


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
    concurrency: int = 1,
    in_flight: InFlight | None = None,
) -> TickReport:
    """Send every nudge due at `now` to users of `channel`, in slices of at most `batch_size` rows
    claimed for `owner` (the instance id), and report what happened. Time inside the tick is `now`
    plus the limiter's clock's progress, so a virtual clock gives consistent times to quiet hours,
    leases and sent_at. When `stopping` is set the tick ends before the next message (the one on
    its way is finished and marked) and gives the rest of its slice back. `concurrency`: messages
    taking rows at once (1 keeps a test's order); `in_flight` the gate bounding the messages sent
    and not yet marked (None: one at a time)."""
    report = TickReport()
    start = limiter.clock()
    stop = stopping or asyncio.Event()

    def current() -> dt.datetime:
        return now + dt.timedelta(seconds=limiter.clock() - start)

    wording = NudgeWording(kb)
    waited_before = limiter.waited
    size = batch_size
    # Replanning the users just reminded runs beside the next slice rather than between slices:
    # the sending pauses only for the next claim (and on two instances the other one does not
    # send alone meanwhile). One at a time, and awaited before the tick ends.
    replanning: asyncio.Task[None] | None = None
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
            slice_ = SliceSender(db, sender, limiter, token, current, wording, report, stop, concurrency, in_flight)
            ended = await slice_.deliver(batch)
            size = slice_size(slice_.handled, time.monotonic() - began, batch_size)
            if replanning is not None:
                await replanning
            replanning = asyncio.create_task(replan_users(db, kb, [item.user_id for item in batch], current()))
            if ended:
                break
    finally:
        if replanning is not None:
            # replan_users logs and swallows its own errors; a cancelled tick still finishes it
            await asyncio.shield(replanning)
        report.waited_seconds = limiter.waited - waited_before
        report.stopped = stop.is_set()
    return report


def slice_size(handled: int, seconds: float, most: int) -> int:
    """Rows to claim next: what the last slice's pace (`handled` rows in `seconds`, real time)
    sends in SLICE_SECONDS, between 1 and `most`. At 30 a second that is `most`; at 2 s a send, 2."""
    if handled <= 0 or seconds <= 0:
        return most
    return max(1, min(most, int(handled / seconds * SLICE_SECONDS)))
