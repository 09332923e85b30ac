"""Opening the database: SQLite in the data directory by default, PostgreSQL when DATABASE_URL says
so. The schema is brought to the newest alembic revision every time a database is opened."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

MIGRATIONS = Path(__file__).parent / "migrations"


def default_data_dir() -> Path:
    return Path(os.environ.get("DATA_DIR", "data"))


def database_url(url: str | None = None, data_dir: Path | None = None) -> str:
    """The async SQLAlchemy URL to use: an explicit one, DATABASE_URL, or SQLite in the data dir."""
    url = url or os.environ.get("DATABASE_URL")
    if not url:
        folder = data_dir or default_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite+aiosqlite:///{(folder / 'assistant.sqlite3').resolve()}"
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql", "postgresql+psycopg2", "postgresql+psycopg"):
        parsed = parsed.set(drivername="postgresql+asyncpg")
    elif parsed.drivername in ("sqlite", "sqlite+pysqlite"):
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets readers run beside the single writer; foreign keys make /forget's cascade real.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


class Database:
    """One engine and its session factory; `open()` migrates before anything else runs."""

    def __init__(self, url: str, schema: str | None = None) -> None:
        self.url = url
        self.is_postgres = url.startswith("postgresql")
        kw: dict[str, Any] = {}
        if self.is_postgres:
            kw.update(pool_size=10, max_overflow=10, pool_pre_ping=True)
            if schema:
                # A schema of its own keeps concurrent test runs on one server apart.
                kw["connect_args"] = {"server_settings": {"search_path": schema}}
        self.engine: AsyncEngine = create_async_engine(url, **kw)
        if not self.is_postgres:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    async def open(cls, url: str | None = None, data_dir: Path | None = None, schema: str | None = None) -> Database:
        db = cls(database_url(url, data_dir), schema)
        await db.migrate()
        return db

    async def migrate(self) -> None:
        async with self.engine.begin() as conn:
            await conn.run_sync(_upgrade_to_head)

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self.sessions() as s, s.begin():
            yield s

    async def close(self) -> None:
        await self.engine.dispose()


def alembic_config(connection: Any = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def _upgrade_to_head(sync_conn: Any) -> None:
    from alembic import command

    command.upgrade(alembic_config(sync_conn), "head")
