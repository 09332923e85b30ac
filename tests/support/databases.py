"""Test databases: SQLite in a temporary folder (always) and PostgreSQL in a schema of its own
(when TEST_DATABASE_URL is set), so concurrent test runs on one server stay apart."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from storage.db import Database, database_url

PG_URL = os.environ.get("TEST_DATABASE_URL")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


async def open_test_db(backend: str, tmp_path: Path) -> tuple[Database, str | None]:
    if backend == "sqlite":
        return await Database.open(data_dir=tmp_path), None
    if not PG_URL:
        pytest.skip("TEST_DATABASE_URL not set")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(database_url(PG_URL))
    async with admin.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    await admin.dispose()
    return await Database.open(PG_URL, schema=schema), schema


async def drop_test_schema(schema: str | None) -> None:
    if schema is None or not PG_URL:
        return
    admin = create_async_engine(database_url(PG_URL))
    async with admin.begin() as conn:
        await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    await admin.dispose()


async def count_rows_for(db: Database, user_id: int) -> int:
    """How many rows anywhere refer to this user (for tests of /forget)."""
    from sqlalchemy import func, select

    from storage.tables import User
    from storage.users import USER_TABLES

    async with db.session() as s:
        total = (await s.execute(select(func.count()).select_from(User).where(User.id == user_id))).scalar_one()
        for table in USER_TABLES:
            query = select(func.count()).select_from(table).where(table.user_id == user_id)  # type: ignore[attr-defined]
            total += (await s.execute(query)).scalar_one()
        return int(total)
