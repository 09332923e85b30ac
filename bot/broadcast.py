"""Sending one admin message to every active user of a region, through a delivery Sender.

Messages go one at a time through the same rate limiter as the nudge tick (bot.ratelimit), so a
broadcast and the reminders together stay within Telegram's limits, and replies to users keep their
place in between. A blocked user is marked inactive; a rate limit is waited out; a network error
is retried a few times (stamina) before the message counts as failed."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import stamina

from bot.delivery import Blocked, RetryLater, Sender, TransientError
from bot.pace import Limiter
from storage import stats, users
from storage.db import Database

log = logging.getLogger(__name__)

ATTEMPTS = 3
BACKOFF_SECONDS = 1.0
MAX_RATE_LIMIT_WAITS = 5


class _StillRateLimited(Exception):
    """More 429s in a row for one message than MAX_RATE_LIMIT_WAITS."""


@dataclass
class BroadcastReport:
    sent: int = 0
    blocked: int = 0
    failed: int = 0


async def broadcast(
    db: Database, channel: str, sender: Sender, limiter: Limiter, region: str | None, text: str
) -> BroadcastReport:
    report = BroadcastReport()
    for external_id in await stats.recipients(db, channel, region):
        outcome = await _deliver(sender, limiter, external_id, text)
        if outcome == "sent":
            report.sent += 1
        elif outcome == "blocked":
            report.blocked += 1
            await users.set_active(db, channel, external_id, False)
        else:
            report.failed += 1
    log.info("broadcast done: %d sent, %d blocked, %d failed", report.sent, report.blocked, report.failed)
    return report


async def _deliver(sender: Sender, limiter: Limiter, external_id: str, text: str) -> str:
    """ "sent", "blocked" or "failed"."""
    try:
        async for attempt in stamina.retry_context(
            on=TransientError, attempts=ATTEMPTS, wait_initial=BACKOFF_SECONDS, wait_jitter=0, timeout=None
        ):
            with attempt:
                await _send_waiting_out_429s(sender, limiter, external_id, text)
    except Blocked:
        return "blocked"
    except (TransientError, _StillRateLimited):
        return "failed"
    return "sent"


async def _send_waiting_out_429s(sender: Sender, limiter: Limiter, external_id: str, text: str) -> None:
    for _ in range(MAX_RATE_LIMIT_WAITS + 1):
        await limiter.acquire(external_id)
        try:
            await sender.send_text(external_id, text)
            return
        except RetryLater as wait:
            limiter.pause(wait.seconds)  # a 429 concerns the whole bot: nudges wait too
    raise _StillRateLimited
