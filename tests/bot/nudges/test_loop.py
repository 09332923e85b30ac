"""The reminder loop as one instance (issue 11 item 3): at start it takes back the claims a dead
process of the same instance left, at once; at stop it finishes the message on its way and leaves
no claim held."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from bot.nudges.instance import Instance
from bot.nudges.loop import NudgeLoop
from bot.ratelimit import RateLimiter
from core import clock
from knowledge.base import KnowledgeBase
from storage import nudges as store
from storage.db import Database
from tests.bot.nudges.test_instances import held
from tests.bot.nudges.test_tick import DUE, add_many
from tests.support.nudges import RecordingSender

AddUser = Callable[..., Awaitable[int]]


class PacedSender(RecordingSender):
    """Each send takes 50 ms of real time, like a round trip to Telegram."""

    async def send_text(self, external_id: str, text: str) -> None:
        await asyncio.sleep(0.05)
        await super().send_text(external_id, text)


async def wait_until(check: Callable[[], bool], seconds: float = 20.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not met in time")


async def test_a_restart_takes_back_its_claims_and_a_stop_leaves_none(
    db: Database, kb: KnowledgeBase, add_user: AddUser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "now", lambda: DUE + dt.timedelta(minutes=1))
    chats = await add_many(db, add_user, 30)
    data = tmp_path / "data"
    # a process of this instance claimed five rows and died (its lock went with it)
    dead = Instance.acquire(data)
    claimed = await store.claim_due(db, DUE, 5, "dead-token", late_after=dt.timedelta(hours=1), owner=dead.id)
    dead.release()
    assert len(claimed) == 5

    loop = NudgeLoop(data, interval=3600.0)
    sender = PacedSender()
    loop.start(lambda: (db, kb), sender, RateLimiter())
    assert loop.instance is not None and loop.instance.id == dead.id
    await wait_until(lambda: len(sender.sent) >= 8)  # the five are not held for the 5-minute lease
    await loop.stop()
    assert loop.task is None and loop.instance is None
    assert await held(db) == [], "a stopped instance holds no claim"
    counts = await store.status_counts(db)
    assert counts[store.SENT] == len(sender.sent), "every message that went out was marked sent"
    assert len({c for _, c, _ in sender.sent}) == len(sender.sent) < len(chats)

    again = NudgeLoop(data, interval=3600.0)
    rest = PacedSender()
    again.start(lambda: (db, kb), rest, RateLimiter())
    await wait_until(lambda: len(sender.sent) + len(rest.sent) >= len(chats))
    await again.stop()
    assert sorted(c for _, c, _ in sender.sent + rest.sent) == chats
