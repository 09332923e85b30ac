"""Sending one claimed reminder: re-check and renew the claim, wait for the limiter (unless the process
is stopping), send within MAX_SEND_SECONDS, wait out 429s. What came of it is returned, not
raised: None (delivered), a sentinel (not tried) or the sender's error (bot.delivery)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable

from bot.delivery import Blocked, RetryLater, Sender, TransientError
from bot.pace import Limiter
from dialogs.nudges.plan import is_quiet
from storage import nudges as store

log = logging.getLogger(__name__)

MAX_RATE_LIMIT_RETRIES = 5  # 429s in a row for one message before it is treated as a failure
MAX_SEND_SECONDS = 60.0  # one send (all its parts) is abandoned after this: far inside the 5-min lease
RENEW_AGAIN_AFTER = 30.0  # seconds of waiting for the limiter after which the claim is renewed again


class _Quiet(Exception):
    """Returned (not raised) by send_one when quiet hours began while waiting for the limiter."""


class _Stopped(Exception):
    """Returned by send_one when the process began stopping while waiting for the limiter."""


class _Lost(Exception):
    """Returned by send_one when the claim was no longer ours right before sending."""


QUIET, STOPPED, LOST = _Quiet(), _Stopped(), _Lost()


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
) -> Exception | None:
    """Deliver one message, waiting out 429s (each counted with `rate_limited()`); None when it
    went, else why not (QUIET, STOPPED, LOST: not tried). `still_mine()` re-checks and renews the
    claim before every attempt (a renewed claim is safe for the 5-minute lease; the request starts
    at most RENEW_AGAIN_AFTER later and lasts at most MAX_SEND_SECONDS); `handing_over()` is
    called just before the request goes."""
    for _ in range(MAX_RATE_LIMIT_RETRIES + 1):
        # Renewed before the wait for the limiter, so nothing but the request itself lies between
        # the slot and Telegram (a database round trip there would bunch sends); renewed again if
        # the wait was long (a 429), so a send always starts well inside the renewed lease.
        if not await still_mine():
            return LOST
        renewed = time.monotonic()
        if stop.is_set() or not await _unless_stopped(limiter.acquire(item.external_id), stop):
            return STOPPED
        if is_quiet(current()):
            return QUIET
        if time.monotonic() - renewed > RENEW_AGAIN_AFTER and not await still_mine():
            return LOST
        handing_over()
        try:
            await asyncio.wait_for(sender.send_text(item.external_id, text), MAX_SEND_SECONDS)
            return None
        except RetryLater as err:
            rate_limited()
            limiter.pause(err.seconds)  # a 429 is about the whole bot: everyone waits
        except (Blocked, TransientError) as err:
            return err
        except TimeoutError:
            return TransientError(f"no answer within {MAX_SEND_SECONDS:.0f} s")
        except Exception as err:  # a sender bug must not stop the other users' reminders
            log.warning("nudge %d: unexpected %s from the sender", item.id, type(err).__name__)
            return err
    return TransientError(f"still rate limited after {MAX_RATE_LIMIT_RETRIES} retries")


async def _unless_stopped(wait: Awaitable[None], stop: asyncio.Event) -> bool:
    """Await `wait` (the limiter) unless `stop` is set first or meanwhile: True when it finished
    with no stop, False otherwise (an unfinished wait is cancelled). Errors of `wait` propagate."""
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
    waiting.result()  # raises the limiter's error, if any
    return not stop.is_set()
