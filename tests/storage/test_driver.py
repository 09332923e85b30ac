"""The reminder tick's per-message statements on PostgreSQL go straight to asyncpg (storage.driver):
renewing a claim, marking a row sent and reserving a send slot run no SQLAlchemy statement, give
the same answers as the SQLAlchemy path (a lost claim, a finished row), survive a connection the
server dropped, and leave nothing open when the database is closed."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import event, text

from dialogs.nudges.plan import LATE_AFTER
from storage import nudges as store
from storage import pace
from storage.db import Database
from tests.support.databases import drop_test_schema, open_test_db

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
AddUser = Callable[..., Awaitable[int]]


def _statements_through_sqlalchemy(db: Database) -> list[str]:
    seen: list[str] = []
    event.listen(db.engine.sync_engine, "before_cursor_execute", lambda *a: seen.append(str(a[2]).split()[0]))
    return seen


@pytest.mark.postgres
async def test_per_message_statements_bypass_sqlalchemy_with_the_same_answers(
    tmp_path: Path, add_user: AddUser
) -> None:
    db, schema = await open_test_db("postgres", tmp_path)
    try:
        due = dt.datetime(2026, 6, 23, 9, 30, tzinfo=SHANGHAI)
        await add_user(db, "5", "自评完成", dt.date(2026, 6, 30), due)
        mine = uuid.uuid4().hex
        [row] = await store.claim_due(db, due, 10, mine, late_after=LATE_AFTER)
        seen = _statements_through_sqlalchemy(db)
        later = due + dt.timedelta(seconds=30)
        assert await store.renew(db, row.id, mine, later)
        assert not await store.renew(db, row.id, "someone-else", later), "another token's claim is not ours"
        assert await pace.reserve(db, "bot", 10.0) == 0.0
        assert 9.0 < await pace.reserve(db, "bot", 10.0) <= 10.0
        assert await store.mark_sent(db, row.id, mine, later)
        assert not await store.renew(db, row.id, mine, later), "a row marked sent is not renewed (not sent again)"
        assert not await store.mark_sent(db, row.id, "someone-else", later)
        assert seen == [], seen
        async with db.engine.connect() as conn:
            found = (await conn.execute(text("SELECT status, claimed_at, sent_at FROM nudges"))).one()
        assert (found.status, found.claimed_at, found.sent_at) == ("sent", later, later)
    finally:
        await db.close()
        await drop_test_schema(schema)


@pytest.mark.postgres
async def test_a_connection_the_server_dropped_is_replaced_once(tmp_path: Path) -> None:
    db, schema = await open_test_db("postgres", tmp_path)
    try:
        assert await pace.reserve(db, "bot", 0.001) == 0.0
        assert db.driver is not None
        driver_pid = await db.driver.fetchval("SELECT pg_backend_pid()")  # the pool's one connection
        async with db.engine.connect() as conn:  # the server ends it (as a restart would)
            await conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": driver_pid})
        assert await pace.reserve(db, "bot", 0.001) >= 0.0  # answered on a fresh connection
    finally:
        await db.close()
        await drop_test_schema(schema)
    assert db.driver is not None and db.driver._pool is None, "closed with the database"
