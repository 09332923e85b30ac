"""The periodic tick that claims due nudge rows, sends them through the rate limiter and marks them
sent.

The tick knows no transport: it calls a bot.delivery.Sender (Telegram's, the fake Bot API's, or a
test's) and reacts to its three failure kinds. Quiet hours (21:00–08:00 Shanghai) are checked
before every message, so a long tick that reaches 21:00 gives its remaining rows back.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from bot.delivery import Blocked, RetryLater, Sender, TransientError
from bot.nudges.replan import replan_all, replan_users
from bot.ratelimit import RateLimiter
from core.clock import local_today
from dialogs.nudges.message import NudgeWording
from dialogs.nudges.plan import LATE_AFTER, MAX_ATTEMPTS, backoff, is_quiet, next_allowed
from knowledge.base import KnowledgeBase
from storage import nudges as store
from storage import users
from storage.db import Database

log = logging.getLogger(__name__)

BATCH = 200  # rows per claim: at 30/s about 7 s of sending, far inside the 5-minute lease
MAX_RATE_LIMIT_RETRIES = 5  # 429s in a row for one message before it is treated as a failure
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
    released: int = 0  # claims given back unsent (quiet hours began, blocked user, error)
    lost_claims: int = 0  # sent, but another tick had taken the row over (lease expired)
    quiet: bool = False  # stopped because of quiet hours
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
        self, db: Database, kb: KnowledgeBase, sender: Sender, now: dt.datetime, limiter: RateLimiter
    ) -> TickReport:
        today = local_today(now)
        if self.replanned_on != today:
            await replan_all(db, kb, now)
            self.replanned_on = today
        return await tick(db, kb, sender, now, limiter)


async def tick(
    db: Database,
    kb: KnowledgeBase,
    sender: Sender,
    now: dt.datetime,
    limiter: RateLimiter,
    *,
    channel: str | None = "telegram",
    batch_size: int = BATCH,
) -> TickReport:
    """Send every nudge due at `now` to users of `channel`, in batches, and report what happened.
    Time inside the tick is `now` plus the limiter's clock's progress, so a virtual clock gives
    consistent times to quiet hours, leases and sent_at."""
    report = TickReport()
    start = limiter.clock()

    def current() -> dt.datetime:
        return now + dt.timedelta(seconds=limiter.clock() - start)

    wording = NudgeWording(kb)
    waited_before = limiter.waited
    try:
        while True:
            moment = current()
            if is_quiet(moment):
                report.quiet = True
                break
            stale = await store.drop_stale(db, moment)
            report.dropped_passed += stale.passed
            report.dropped_superseded += stale.superseded
            token = uuid.uuid4().hex
            batch = await store.claim_due(db, moment, batch_size, token, channel=channel, late_after=LATE_AFTER)
            if not batch:
                break
            report.claimed += len(batch)
            stop = await _deliver(db, sender, limiter, batch, token, current, wording, report)
            await replan_users(db, kb, (item.user_id for item in batch), current())
            if stop:
                break
    finally:
        report.waited_seconds = limiter.waited - waited_before
    return report


async def _deliver(
    db: Database,
    sender: Sender,
    limiter: RateLimiter,
    batch: Sequence[store.ClaimedNudge],
    token: str,
    current: Callable[[], dt.datetime],
    wording: NudgeWording,
    report: TickReport,
) -> bool:
    """Send one claimed batch; True when the tick must stop (quiet hours began)."""
    queue = interleave_by_user(batch)
    blocked: set[int] = set()
    # queue[untouched[0]:] was never handed to the sender: given back if anything goes wrong. A row
    # handed over is never given back (it may have been delivered): its lease decides.
    untouched = [0]
    try:
        for i, item in enumerate(queue):
            untouched[0] = i
            moment = current()
            if is_quiet(moment):
                report.quiet = True
                return True
            if item.user_id in blocked:
                report.released += await store.release(db, [item.id], token)
                continue
            text = wording.text(item, moment)
            if text is None:
                report.dropped_gone += await store.drop(db, [item.id], REASON_GONE)
                continue

            def handing_over(i: int = i) -> None:
                untouched[0] = i + 1

            error = await _send(sender, limiter, item, text, report, current, handing_over)
            if error is _QUIET:  # waiting for the limiter reached 21:00: this one and the rest wait
                report.quiet = True
                return True
            if error is None:
                if not await store.mark_sent(db, item.id, token, current()):
                    report.lost_claims += 1
                report.sent += 1
                report.late += item.late
            elif isinstance(error, Blocked):
                blocked.add(item.user_id)
                report.blocked += 1
                await users.set_active(db, item.channel, item.external_id, False)
                report.released += await store.release(db, [item.id], token)
                log.info("nudge %d: the user blocked the bot; marked inactive", item.id)
            else:
                await _failed(db, item, token, error, current(), report)
        untouched[0] = len(queue)
        return False
    finally:
        if untouched[0] < len(queue):
            report.released += await _release_quietly(db, [x.id for x in queue[untouched[0] :]], token)


async def _release_quietly(db: Database, ids: list[int], token: str) -> int:
    try:
        return await store.release(db, ids, token)
    except Exception:  # the database may be what failed; the lease frees them later anyway
        log.warning("could not release %d claimed nudges; they are retried after the lease", len(ids))
        return 0


class _Quiet(Exception):
    """Returned (not raised) by _send when quiet hours began while waiting for the limiter."""


_QUIET = _Quiet()


async def _send(
    sender: Sender,
    limiter: RateLimiter,
    item: store.ClaimedNudge,
    text: str,
    report: TickReport,
    current: Callable[[], dt.datetime],
    handing_over: Callable[[], None],
) -> Exception | None:
    """Deliver one message, waiting out 429s; None when it went, else why not (_QUIET: not tried)."""
    for _ in range(MAX_RATE_LIMIT_RETRIES + 1):
        await limiter.acquire(item.external_id)
        if is_quiet(current()):
            return _QUIET
        handing_over()
        try:
            await sender.send_text(item.external_id, text)
            return None
        except RetryLater as err:
            report.rate_limited += 1
            limiter.pause(err.seconds)  # a 429 is about the whole bot: everyone waits
        except (Blocked, TransientError) as err:
            return err
        except Exception as err:  # a sender bug must not stop the other users' reminders
            log.warning("nudge %d: unexpected %s from the sender", item.id, type(err).__name__)
            return err
    return TransientError(f"still rate limited after {MAX_RATE_LIMIT_RETRIES} retries")


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
