"""The window of reminders on their way (bot/nudges/inflight.py, issue 11 item 5): sized to the pace
× the measured round trip, bounded, and what a crash may leave in doubt."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from bot.nudges.inflight import InFlight
from bot.nudges.tick import tick
from bot.ratelimit import RateLimiter
from knowledge.base import KnowledgeBase
from storage import nudges as store
from storage.db import Database
from tests.bot.nudges.test_instances import held
from tests.bot.nudges.test_tick import DUE, add_many
from tests.support.nudges import RecordingSender

AddUser = Callable[..., Awaitable[int]]


def test_the_window_follows_pace_times_round_trip_within_its_bounds() -> None:
    window = InFlight(30.0, most=10)
    assert window.limit == 1  # nothing measured yet: one at a time
    window.observe(0.05)
    assert window.limit == 2  # 30/s × 50 ms × 1.25 = 1.9
    for _ in range(40):
        window.observe(0.15)
    assert window.limit == 6  # 30/s × 150 ms × 1.25 = 5.6
    for _ in range(40):
        window.observe(0.3)
    assert window.limit == 10  # 11.25 wanted, bounded by `most`
    assert InFlight(30.0, most=1).limit == 1
    one = InFlight(30.0, most=1)
    one.observe(2.0)
    assert one.limit == 1


async def test_acquire_waits_for_a_place_and_a_cancelled_waiter_passes_it_on() -> None:
    window = InFlight(30.0, most=1)
    await window.acquire()
    first = asyncio.create_task(window.acquire())
    second = asyncio.create_task(window.acquire())
    await asyncio.sleep(0)
    assert not first.done() and not second.done() and window.locked()
    window.release()  # wakes `first` ...
    first.cancel()  # ... which is cancelled before it runs: `second` must get the place
    await asyncio.gather(first, return_exceptions=True)
    await asyncio.wait_for(second, 1)
    assert window.busy == 1


async def test_a_longer_round_trip_opens_places_to_waiters() -> None:
    window = InFlight(30.0, most=4)
    await window.acquire()
    waiter = asyncio.create_task(window.acquire())
    await asyncio.sleep(0)
    assert not waiter.done()
    window.observe(0.1)  # 30 × 0.1 × 1.25 = 3.75: 4 places
    await asyncio.wait_for(waiter, 1)
    assert window.busy == 2 and window.peak == 2


class RoundTrip(RecordingSender):
    """Every send takes `seconds` of real time; counts how many are on their way at once."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self.busy = self.most = 0

    async def send_text(self, external_id: str, text: str) -> None:
        self.busy += 1
        self.most = max(self.most, self.busy)
        try:
            await asyncio.sleep(self.seconds)
        finally:
            self.busy -= 1
        await super().send_text(external_id, text)


async def test_a_slow_network_gets_several_messages_on_their_way_each_sent_once(
    db: Database, kb: KnowledgeBase, add_user: AddUser
) -> None:
    chats = await add_many(db, add_user, 30)
    sender = RoundTrip(0.2)
    window = InFlight(30.0, most=6)
    report = await tick(db, kb, sender, DUE, RateLimiter(), owner="a", concurrency=7, in_flight=window)
    assert report.sent == 30 and sorted(c for _, c, _ in sender.sent) == sorted(chats)
    assert 2 <= sender.most <= 6, "several on their way at 200 ms, never more than the window"
    assert window.hold is not None and window.hold >= 0.2


async def test_a_crash_leaves_in_doubt_at_most_the_window(
    db: Database, kb: KnowledgeBase, add_user: AddUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Marking fails mid-slice (a kill -9 between send and mark): the rows handed over and not
    marked, which a restart sends again, are at most the window's places."""
    await add_many(db, add_user, 30)
    real_mark_sent = store.mark_sent
    calls = 0

    async def killed_on_tenth(*args: Any, **kw: Any) -> bool:
        nonlocal calls
        calls += 1
        if calls == 10:
            raise RuntimeError("kill -9")
        return await real_mark_sent(*args, **kw)

    monkeypatch.setattr(store, "mark_sent", killed_on_tenth)
    window = InFlight(30.0, most=4)
    window.observe(0.2)  # a measured 200 ms: 4 places
    with pytest.raises(RuntimeError):
        await tick(db, kb, RoundTrip(0.05), DUE, RateLimiter(), owner="a", concurrency=5, in_flight=window)
    in_doubt = len(await held(db))
    assert 1 <= in_doubt <= 4, f"{in_doubt} rows handed over and not marked; the window has 4 places"
