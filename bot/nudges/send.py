"""Sending one claimed reminder: re-check and renew the claim, wait for the gate and the limiter (unless
the process is stopping), send within MAX_SEND_SECONDS, mark it, wait out 429s. What came of it is returned, not
raised: None (delivered), a sentinel (not tried) or the sender's error (bot.delivery)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable

from bot.delivery import Blocked, RetryLater, Sender, TransientError
from bot.nudges.inflight import InFlight
from bot.pace import Limiter
from dialogs.nudges.plan import is_quiet
from storage import nudges as store

log = logging.getLogger(__name__)

MAX_RATE_LIMIT_RETRIES = 5  # 429s in a row for one message before it is treated as a failure
MAX_SEND_SECONDS = 60.0  # one send (all its parts) is abandoned after this: far inside the 5-min lease
RENEW_AGAIN_AFTER = 30.0  # seconds of waiting for the limiter after which the claim is renewed again


class NotTried(Exception):
    """What send_one returns (not raises) when the message was not handed to the sender."""


class _Quiet(NotTried):
    """Quiet hours began while waiting for the limiter."""


class _Stopped(NotTried):
    """The process began stopping while waiting."""


class _Lost(NotTried):
    """The claim was no longer ours right before sending."""


QUIET, STOPPED, LOST = _Quiet(), _Stopped(), _Lost()
_AGAIN = object()  # a 429: wait it out and try again


async def send_one(
    sender: Sender,
    limiter: Limiter,
    item: store.ClaimedNudge,
    text: str,
    rate_limited: Callable[[], None],
    current: Callable[[], dt.datetime],
    handing_over: Callable[[], None],
    still_mine: Callable[[], Awaitable[bool]],
    stop: asyncio.Event,
    gate: InFlight,
    record: Callable[[Exception | None], Awaitable[None]],
) -> Exception | None:
    """Deliver one message, waiting out 429s (each counted with `rate_limited()`); None when it
    went, else why not (a NotTried: QUIET, STOPPED, LOST; or the sender's error).

    `still_mine()` re-checks and renews the claim before every attempt, outside `gate`, so it
    overlaps another sender's request (a renewed claim is safe for the 5-minute lease; the request
    starts at most RENEW_AGAIN_AFTER later and lasts at most MAX_SEND_SECONDS). Holding a place of
    `gate` (bot.nudges.inflight): the wait for the limiter, `handing_over()`, the request, and
    `record(outcome)` of a message handed over (marking it). So no more messages are ever sent and
    not yet marked than the gate has places: a kill -9 costs at most that many duplicates."""
    for _ in range(MAX_RATE_LIMIT_RETRIES + 1):
        if not await still_mine():
            return LOST
        renewed = time.monotonic()
        if stop.is_set():
            return STOPPED
        if not gate.locked():
            await gate.acquire()  # a free place: taken at once, no waiting to race with the stop
        elif not await _unless_stopped(gate.acquire(), stop):
            return STOPPED
        try:
            outcome = await _attempt(sender, limiter, item, text, current, handing_over, still_mine, stop, renewed)
            if outcome is _AGAIN:
                rate_limited()
                continue
            assert outcome is None or isinstance(outcome, Exception)
            if not isinstance(outcome, NotTried):
                await record(outcome)
            return outcome
        finally:
            gate.release()
    error = TransientError(f"still rate limited after {MAX_RATE_LIMIT_RETRIES} retries")
    await record(error)
    return error


async def _attempt(
    sender: Sender,
    limiter: Limiter,
    item: store.ClaimedNudge,
    text: str,
    current: Callable[[], dt.datetime],
    handing_over: Callable[[], None],
    still_mine: Callable[[], Awaitable[bool]],
    stop: asyncio.Event,
    renewed: float,
) -> object:
    """One try under the gate: None (sent), a NotTried, the sender's error, or _AGAIN (a 429)."""
    if not await _unless_stopped(limiter.acquire(item.external_id), stop) or stop.is_set():
        return STOPPED
    if is_quiet(current()):
        return QUIET
    # Renewed again after a long wait (a 429), so the request starts well inside the lease.
    if time.monotonic() - renewed > RENEW_AGAIN_AFTER and not await still_mine():
        return LOST
    handing_over()
    try:
        async with asyncio.timeout(MAX_SEND_SECONDS):  # as wait_for, without a task per message
            await sender.send_text(item.external_id, text)
        return None
    except RetryLater as err:
        limiter.pause(err.seconds)  # a 429 is about the whole bot: everyone waits
        return _AGAIN
    except (Blocked, TransientError) as err:
        return err
    except TimeoutError:
        return TransientError(f"no answer within {MAX_SEND_SECONDS:.0f} s")
    except Exception as err:  # a sender bug must not stop the other users' reminders
        log.warning("nudge %d: unexpected %s from the sender", item.id, type(err).__name__)
        return err


async def _unless_stopped(wait: Awaitable[None] | Awaitable[bool], stop: asyncio.Event) -> bool:
    """Await `wait` (the limiter, or the gate) unless `stop` is set first: True when it finished
    (check `stop` again if that matters), False when the stop came first and the wait was
    cancelled. Errors of `wait` propagate."""
    waiting = asyncio.ensure_future(wait)
    stopped = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait((waiting, stopped), return_when=asyncio.FIRST_COMPLETED)
    finally:
        finished = waiting.done()
        for task in (waiting, stopped):
            task.cancel()
        await asyncio.gather(waiting, stopped, return_exceptions=True)
    if not finished:
        return False
    waiting.result()  # raises the wait's error, if any
    return True
