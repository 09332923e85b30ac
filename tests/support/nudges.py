"""Helpers for the nudge tests: an in-memory recording Sender (a fake of the transport only; the
database, planning, limiter and tick are the real ones), users with due nudges, a virtual clock and
a database that can be opened twice (restarts, concurrent ticks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.ratelimit import RateLimiter, VirtualClock
from core.model import OwnReminder
from dialogs.nudges.plan import PlannedNudge
from storage import nudges as store
from storage import users
from storage.db import Database
from tests.support.databases import BACKENDS, drop_test_schema, open_test_db

SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass
class RecordingSender:
    """Records every delivery with the clock time it happened; `failures[chat]` lists exceptions
    to raise, one per attempt, before that chat's messages go through."""

    clock: Callable[[], float] = lambda: 0.0
    sent: list[tuple[float, str, str]] = field(default_factory=list)
    attempts: list[tuple[float, str]] = field(default_factory=list)
    failures: dict[str, list[Exception]] = field(default_factory=dict)

    async def send_text(self, external_id: str, text: str) -> None:
        self.attempts.append((self.clock(), external_id))
        pending = self.failures.get(external_id)
        if pending:
            raise pending.pop(0)
        self.sent.append((self.clock(), external_id, text))

    def texts_to(self, chat: str) -> list[str]:
        return [text for _, c, text in self.sent if c == chat]


def limiter_with_virtual_clock() -> tuple[RateLimiter, VirtualClock]:
    clock = VirtualClock()
    return RateLimiter(clock=clock, sleep=clock.sleep), clock


async def add_user_with_reminder(
    db: Database,
    chat: str,
    title: str,
    on: dt.date,
    due_at: dt.datetime,
    *,
    channel: str = "telegram",
    days_before: int = 7,
) -> int:
    """A user with an own reminder (more when called again) and a nudge row for each, due at
    `due_at`; earlier rows keep their own due time."""
    state = await users.load_state(db, channel, chat)
    reminder = OwnReminder(title, on)
    state.reminders.append(reminder)
    await users.save_state(db, state)
    assert state.user_id is not None and reminder.id is not None
    planned = [
        PlannedNudge(f"{n.key}", n.deadline_id, n.title, n.deadline_date, n.days_before, store.as_utc(n.due_at))
        for n in await store.user_nudges(db, state.user_id)
        if n.status == store.PENDING
    ]
    deadline_id = f"own-{reminder.id}"
    key = f"{state.user_id}:{deadline_id}:{on.isoformat()}:{days_before}"
    planned.append(PlannedNudge(key, deadline_id, title, on, days_before, due_at))
    await store.replace_future_nudges(db, state.user_id, planned, due_at - dt.timedelta(days=60))
    return state.user_id


@pytest.fixture
def sender_factory() -> Callable[..., RecordingSender]:
    return RecordingSender


@pytest.fixture
def add_user() -> Callable[..., Awaitable[int]]:
    return add_user_with_reminder


@pytest.fixture
def planned_row() -> Any:
    return PlannedNudge


@pytest.fixture
def virtual_limiter() -> Callable[[], tuple[RateLimiter, VirtualClock]]:
    return limiter_with_virtual_clock


@dataclass
class Place:
    """Where a test database lives, so it can be opened again (a restart, a second instance)."""

    backend: str
    url: str
    schema: str | None

    async def open(self) -> Database:
        return await Database.open(self.url, schema=self.schema)


@pytest.fixture(params=BACKENDS)
async def place(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Place]:
    database, schema = await open_test_db(request.param, tmp_path)
    url = database.url
    await database.close()
    try:
        yield Place(request.param, url, schema)
    finally:
        await drop_test_schema(schema)
