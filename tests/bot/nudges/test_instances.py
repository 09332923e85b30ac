"""Reminders never doubled, never stuck (issue 11 items 2–3), on real databases with a recording
Sender: a batch that outlasts its lease beside a second instance, a stop while a message is on its
way or while waiting for the limiter, a restarted instance taking its own claims back, and the
instance ids that make that safe."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.nudges.instance import Instance
from bot.nudges.tick import SLICE_SECONDS, slice_size, tick
from bot.ratelimit import RateLimiter, VirtualClock
from knowledge.base import KnowledgeBase
from storage import nudges as store
from storage.db import Database
from tests.bot.nudges.test_tick import DUE, add_many, assert_all_sent, limiter
from tests.support.nudges import RecordingSender

AddUser = Callable[..., Awaitable[int]]
ROOT = Path(__file__).resolve().parents[3]


async def held(db: Database) -> list[Any]:
    """Pending rows still under a claim."""
    rows = []
    for user_id in {n.user_id for n in await _all(db)}:
        rows += [n for n in await store.user_nudges(db, user_id) if n.status == store.PENDING and n.claim_token]
    return rows


async def _all(db: Database) -> list[Any]:
    out: list[Any] = []
    for user_id in range(1, 500):
        out += await store.user_nudges(db, user_id)
    return out


class SlowSender(RecordingSender):
    """Each send takes `seconds` on the tick's virtual clock (a slow API); `during(n)` runs inside
    the n-th send, after its wait (another instance acting meanwhile)."""

    def __init__(self, clock: VirtualClock, seconds: float, during: Callable[[int], Awaitable[None]]) -> None:
        super().__init__(clock=clock)
        self.virtual = clock
        self.seconds = seconds
        self.during = during

    async def send_text(self, external_id: str, text: str) -> None:
        await self.virtual.sleep(self.seconds)
        await self.during(len(self.sent) + 1)
        await super().send_text(external_id, text)


async def test_a_batch_outlasting_its_lease_is_never_sent_twice(
    place: Any, kb: KnowledgeBase, add_user: AddUser
) -> None:
    """Instance A sends at 2 minutes a message (the lease is 5); after its third send instance B
    ticks and takes over the rows of A's slice whose lease ran out. A must skip those, and B must
    not take the one A is sending."""
    first, second = await place.open(), await place.open()
    try:
        chats = await add_many(first, add_user, 10)
        clock = VirtualClock()
        lim_a = RateLimiter(clock=clock, sleep=clock.sleep)
        other = RecordingSender()

        async def instance_b(n: int) -> None:
            if n == 3:
                moment = DUE + dt.timedelta(seconds=clock() + 1)
                report = await tick(second, kb, other, moment, limiter(), owner="b")
                assert report.sent > 0, "B found nothing to take over: the test proves nothing"

        slow = SlowSender(clock, 120.0, instance_b)
        report = await tick(first, kb, slow, DUE, lim_a, batch_size=10, owner="a")
        per_chat = Counter(c for _, c, _ in slow.sent + other.sent)
        assert set(per_chat) == set(chats) and set(per_chat.values()) == {1}, per_chat
        assert report.lost_claims == 10 - len(slow.sent) > 0
        await assert_all_sent(first, 10)
    finally:
        await first.close()
        await second.close()


async def test_a_stop_finishes_the_message_on_its_way_and_gives_back_the_rest(
    db: Database, kb: KnowledgeBase, add_user: AddUser
) -> None:
    chats = await add_many(db, add_user, 8)
    stopping = asyncio.Event()
    clock = VirtualClock()

    async def sigterm_during(n: int) -> None:
        if n == 3:
            stopping.set()  # SIGTERM arrives while the third message is on its way

    sender = SlowSender(clock, 0.5, sigterm_during)
    report = await tick(db, kb, sender, DUE, RateLimiter(clock=clock, sleep=clock.sleep), owner="a", stopping=stopping)
    assert report.stopped and report.sent == len(sender.sent) == 3
    assert report.released == 5 and await held(db) == []
    counts = await store.status_counts(db)
    assert counts[store.SENT] == 3, "the message on its way was marked sent before the tick ended"
    # a restart sends the other five, once each
    again = RecordingSender()
    await tick(db, kb, again, DUE + dt.timedelta(minutes=1), limiter(), owner="a")
    assert Counter(c for _, c, _ in sender.sent + again.sent) == Counter(chats)


async def test_a_stop_while_waiting_for_the_limiter_sends_nothing_more(
    db: Database, kb: KnowledgeBase, add_user: AddUser
) -> None:
    await add_many(db, add_user, 4)
    real = RateLimiter()  # the real clock: the tick really waits
    real.pause(3600.0)  # a 429 asked for an hour
    stopping = asyncio.Event()
    asyncio.get_running_loop().call_later(0.2, stopping.set)
    sender = RecordingSender()
    report = await asyncio.wait_for(tick(db, kb, sender, DUE, real, owner="a", stopping=stopping), 30)
    assert report.stopped and sender.attempts == [] and report.released == 4
    assert await held(db) == []


async def test_a_restarted_instance_takes_its_own_claims_back_at_once(
    db: Database, kb: KnowledgeBase, add_user: AddUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kill -9 after the 2nd message went out and before it was marked: the row stays claimed by
    instance "a". Its restart gives back what "a" holds, so it goes again at once (the one allowed
    duplicate of a kill -9), not after the 5-minute lease; another instance's claims stay."""
    await add_many(db, add_user, 4)
    real_mark_sent = store.mark_sent
    calls = 0

    async def killed_on_second(*args: Any, **kw: Any) -> bool:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("kill -9")
        return await real_mark_sent(*args, **kw)

    monkeypatch.setattr(store, "mark_sent", killed_on_second)
    sender = RecordingSender()
    with pytest.raises(RuntimeError):
        await tick(db, kb, sender, DUE, limiter(), owner="a")
    monkeypatch.setattr(store, "mark_sent", real_mark_sent)
    [stuck] = await held(db)
    assert stuck.claimed_by == "a"

    assert await store.release_owner(db, "b") == 0, "another instance's claims are not touched"
    assert await store.release_owner(db, "a") == 1
    report = await tick(db, kb, sender, DUE + dt.timedelta(seconds=30), limiter(), owner="a")
    assert report.sent == 3  # the unmarked one (again) and the two given back when the tick failed
    assert sum(Counter(c for _, c, _ in sender.sent).values()) == 5
    await assert_all_sent(db, 4)


def test_slices_follow_the_pace() -> None:
    assert slice_size(0, 0.0, 200) == 200  # nothing measured yet: the most
    assert slice_size(150, 5.0, 200) == int(30 * SLICE_SECONDS)  # 30 a second: SLICE_SECONDS of sending
    assert slice_size(3, 6.0, 200) == int(SLICE_SECONDS / 2)  # 2 s a send
    assert slice_size(1, 60.0, 200) == 1


def test_instance_ids_are_unique_among_live_processes_and_stable_across_restarts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    one, two = Instance.acquire(data), Instance.acquire(data)
    assert one.id != two.id and one.token != two.token
    first_id = one.id
    one.release()
    three = Instance.acquire(data)
    assert three.id == first_id, "a restart gets the slot its predecessor left"
    three.release()
    two.release()

    # a process holding slot 0 dies of kill -9: the kernel drops its lock, the next process gets it
    code = f"from bot.nudges.instance import Instance; import sys, time; i = Instance.acquire(__import__('pathlib').Path({str(data)!r})); print(i.id, flush=True); time.sleep(60)"  # noqa: E501
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        child_id = child.stdout.readline().strip()
        assert child_id == first_id
        held_by_child = Instance.acquire(data)
        assert held_by_child.id != child_id
        held_by_child.release()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        after = Instance.acquire(data)
        assert after.id == child_id
        after.release()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)


async def test_with_two_senders_at_most_one_message_is_sent_and_not_marked(
    db: Database, kb: KnowledgeBase, add_user: AddUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bot's loop sends with two senders; a kill -9 (here: marking fails) must find at most one
    row handed over and not marked: one possible duplicate per kill, not one per sender."""
    await add_many(db, add_user, 12)
    real_mark_sent = store.mark_sent
    calls = 0

    async def killed_on_fifth(*args: Any, **kw: Any) -> bool:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise RuntimeError("kill -9")
        return await real_mark_sent(*args, **kw)

    class RoundTrip(RecordingSender):
        async def send_text(self, external_id: str, text: str) -> None:
            await asyncio.sleep(0.01)  # the other sender runs meanwhile
            await super().send_text(external_id, text)

    monkeypatch.setattr(store, "mark_sent", killed_on_fifth)
    sender = RoundTrip()
    with pytest.raises(RuntimeError):
        await tick(db, kb, sender, DUE, RateLimiter(), owner="a", concurrency=2)
    assert len(sender.sent) == 5 and (await store.status_counts(db))[store.SENT] == 4
    assert len(await held(db)) == 1, "only the message whose marking failed is left in doubt"
