"""Shared fixtures: a migrated database on SQLite (always) and PostgreSQL (when
TEST_DATABASE_URL is set), the real knowledge base, and a fixed clock."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from knowledge.base import KnowledgeBase
from knowledge.base import load as load_kb
from storage.db import Database, database_url

SHANGHAI = ZoneInfo("Asia/Shanghai")
PG_URL = os.environ.get("TEST_DATABASE_URL")

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture
def now() -> dt.datetime:
    return dt.datetime(2026, 3, 10, 10, 0, tzinfo=SHANGHAI)


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


@pytest.fixture(params=BACKENDS)
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A freshly migrated database, once per backend."""
    database, schema = await open_test_db(request.param, tmp_path)
    try:
        yield database
    finally:
        await database.close()
        await drop_test_schema(schema)


@pytest.fixture
async def sqlite_db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(data_dir=tmp_path)
    try:
        yield database
    finally:
        await database.close()
