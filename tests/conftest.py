"""Shared fixtures: a migrated database on SQLite (always) and PostgreSQL (when
TEST_DATABASE_URL is set), the real knowledge base, and a fixed clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from knowledge.base import KnowledgeBase
from knowledge.base import load as load_kb
from storage.db import Database
from tests.support.databases import BACKENDS, PG_URL, drop_test_schema, open_test_db
from tests.support.nudges import add_user, place, planned_row, sender_factory, virtual_limiter

# Fixtures defined elsewhere and registered here, for every test package.
__all__ = ["PG_URL", "add_user", "place", "planned_row", "sender_factory", "virtual_limiter"]

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture
def now() -> dt.datetime:
    return dt.datetime(2026, 3, 10, 10, 0, tzinfo=SHANGHAI)


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
