"""PostgreSQL without pre-ping (issue 11 item 9): a pooled connection the server dropped is
retried once on a new one, so a database restart costs no user a failed turn."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from storage import users
from storage.db import database_url
from tests.support.databases import PG_URL, drop_test_schema, open_test_db

pytestmark = pytest.mark.postgres


async def test_a_dropped_connection_is_retried_once(tmp_path: Path) -> None:
    db, schema = await open_test_db("postgres", tmp_path)
    try:
        pid = await db.run(lambda conn: conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
        assert PG_URL is not None
        admin = create_async_engine(database_url(PG_URL))
        async with admin.begin() as conn:
            await conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        await admin.dispose()
        state = await users.load_state(db, "telegram", "900")  # the pool's one connection is dead
        assert state.user_id is not None
        again = await db.run(lambda conn: conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
        assert again != pid
    finally:
        await db.close()
        await drop_test_schema(schema)
