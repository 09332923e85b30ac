"""Opening the database: SQLite in the data directory by default, PostgreSQL when DATABASE_URL says
so. The schema is brought to the newest alembic revision every time a database is opened."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Table, create_engine, event, inspect, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from storage.driver import TURN_POOL_SIZE, DriverPool
from storage.sqlite_file import MIGRATIONS, SQLITE_FILE, head_revision, private_sqlite_file, sqlite_pragmas

__all__ = ["MIGRATIONS", "SQLITE_FILE", "Database", "head_revision", "private_sqlite_file"]

PG_POOL_SIZE = 40  # >= the bot's concurrent updates (8; CONCURRENT_UPDATES may raise it) + tick, sweep, broadcast
PG_POOL_OVERFLOW = 10
DEFAULT_DATA_DIR = Path("data")
Result = TypeVar("Result")


def database_url(url: str | None = None, data_dir: Path | None = None) -> str:
    """The async SQLAlchemy URL to use: `url` (a PostgreSQL or SQLite URL, driver names added), or
    SQLite in `data_dir` (created 0700 if missing, the files 0600: private_sqlite_file). The caller
    reads the settings; storage reads no environment."""
    if not url:
        folder = data_dir or DEFAULT_DATA_DIR
        return f"sqlite+aiosqlite:///{private_sqlite_file(folder).resolve()}"
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql", "postgresql+psycopg2", "postgresql+psycopg"):
        parsed = parsed.set(drivername="postgresql+asyncpg")
    elif parsed.drivername in ("sqlite", "sqlite+pysqlite"):
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    return parsed.render_as_string(hide_password=False)


class Database:
    """One engine and its session factory; `open()` migrates before anything else runs."""

    def __init__(self, url: str, schema: str | None = None, pool_size: int = PG_POOL_SIZE) -> None:
        self.url = url
        self.is_postgres = url.startswith("postgresql")
        kw: dict[str, Any] = {}
        if self.is_postgres:
            # Per turn on PostgreSQL every round trip costs CPU on both sides of the socket (on one
            # machine, the bot's and the server's): no pre-ping (one round trip per checkout, 2-3 per
            # turn; a connection the server dropped is retried once instead, see `run`), and a pool
            # as large as the updates handled at once (an overflow connection is closed on return
            # and opened again on the next burst). Issue 11 item 9, tests/bench/bench_turn_db.py.
            kw.update(pool_size=pool_size, max_overflow=PG_POOL_OVERFLOW, pool_pre_ping=False)
            if schema:
                # A schema of its own keeps concurrent test runs on one server apart.
                kw["connect_args"] = {"server_settings": {"search_path": schema}}
        self.engine: AsyncEngine = create_async_engine(url, **kw)
        # The reminder tick's per-message statements bypass SQLAlchemy on PostgreSQL (storage.driver).
        self.driver: DriverPool | None = DriverPool(url, schema) if self.is_postgres else None
        # ... and so does every turn's load (storage.turn_pg.load_turn_row), on a pool of its own: a
        # burst of turns must not make the tick's statements wait for a connection.
        self.turn_driver: DriverPool | None = DriverPool(url, schema, TURN_POOL_SIZE) if self.is_postgres else None
        if not self.is_postgres:
            event.listen(self.engine.sync_engine, "connect", sqlite_pragmas)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        # Writes kept in memory (storage.questions' counts) register here to be done before closing.
        self.before_close: list[Callable[[], Awaitable[None]]] = []
        # SQLite has one writer at a time; letting transactions queue here instead of inside
        # SQLite's busy timeout keeps the tail latency low when many users write at once.
        self._serial = asyncio.Lock() if not self.is_postgres else None
        # For SQLite, the hot path (a user's state, loaded and saved every turn) runs as one
        # synchronous unit on a thread of its own: one hand-off per operation instead of one per
        # query through aiosqlite, and the event loop never waits on the disk.
        self._sync_engine: Engine | None = None
        self._executor: ThreadPoolExecutor | None = None
        if not self.is_postgres:
            self._sync_engine = create_engine(url.replace("sqlite+aiosqlite", "sqlite", 1))
            event.listen(self._sync_engine, "connect", sqlite_pragmas)
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")

    @classmethod
    async def open(
        cls,
        url: str | None = None,
        data_dir: Path | None = None,
        schema: str | None = None,
        pool_size: int = PG_POOL_SIZE,
    ) -> Database:
        db = cls(database_url(url, data_dir), schema, pool_size)
        await db.migrate()
        if db.driver is not None:
            # Connected now, not at the first reminder: connecting (TLS context, authentication)
            # would hold the event loop for tens of milliseconds in the middle of replies.
            await db.driver.open()
        if db.turn_driver is not None:
            await db.turn_driver.open()
        return db

    async def migrate(self) -> None:
        """Bring the schema to the newest revision. A database already there (every start but the
        first after an upgrade) is only read: alembic, whose import and script scan cost about half
        a second of `python -m bot ask`'s cold start (issue 12), is not loaded at all."""
        async with self.engine.begin() as conn:
            if not await conn.run_sync(_at_head):
                await conn.run_sync(_upgrade_to_head)

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """An ORM session in a transaction (committed on leaving)."""
        async with self._serialised(), self.sessions() as s, s.begin():
            yield s

    @asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncConnection]:
        """A Core connection in a transaction (committed on leaving): fewer round trips."""
        async with self._serialised(), self.engine.begin() as conn:
            yield conn

    async def run(self, work: Callable[[Connection], Result], atomic: bool = True) -> Result:
        """Run `work(connection)` in one transaction and return its result. `atomic=False` for work
        that is one statement, or reads whose statements need not see one snapshot: on PostgreSQL
        it runs without BEGIN/COMMIT (autocommit), two round trips fewer."""
        if self._sync_engine is None or self._executor is None:
            try:
                return await self._run_pg(work, atomic)
            except DBAPIError as exc:
                if not exc.connection_invalidated:
                    raise
                # The server dropped a pooled connection (a restart): the statement did not run
                # on it. SQLAlchemy has discarded the pool's connections; once more on a new one.
                return await self._run_pg(work, atomic)
        async with self._serialised():
            return await asyncio.get_running_loop().run_in_executor(self._executor, self._run_sync, work)

    async def _run_pg(self, work: Callable[[Connection], Result], atomic: bool) -> Result:
        if atomic:
            async with self.engine.begin() as conn:
                return await conn.run_sync(work)
        async with self.engine.connect() as conn:
            auto = await conn.execution_options(isolation_level="AUTOCOMMIT")
            return await auto.run_sync(work)

    def _run_sync(self, work: Callable[[Connection], Result]) -> Result:
        assert self._sync_engine is not None
        with self._sync_engine.begin() as conn:
            return work(conn)

    @asynccontextmanager
    async def _serialised(self) -> AsyncIterator[None]:
        if self._serial is None:
            yield
            return
        async with self._serial:
            yield

    async def close(self) -> None:
        for write in self.before_close:
            await write()
        self.before_close.clear()
        await self.engine.dispose()
        if self.driver is not None:
            await self.driver.close()
        if self.turn_driver is not None:
            await self.turn_driver.close()
        if self._sync_engine is not None:
            self._sync_engine.dispose()
        if self._executor is not None:
            self._executor.shutdown(wait=True)


@asynccontextmanager
async def one_statement(db: Database) -> AsyncIterator[AsyncConnection]:
    """A connection for a single statement that needs no transaction around it. On PostgreSQL it
    runs in autocommit: no BEGIN and COMMIT round trips (the reminder tick runs two such statements
    per message, and on a loaded machine each round trip counts). On SQLite: db.begin()."""
    if not db.is_postgres:
        async with db.begin() as conn:
            yield conn
        return
    async with db.engine.connect() as conn:
        yield await conn.execution_options(isolation_level="AUTOCOMMIT")


def insert_for(dialect: str, table: Table) -> Any:
    """The dialect's INSERT for `table`, which has ON CONFLICT on both SQLite and PostgreSQL."""
    return (pg_insert if dialect == "postgresql" else sqlite_insert)(table)


def alembic_config(connection: Any = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def _at_head(sync_conn: Connection) -> bool:
    """The database's alembic_version is the newest revision (False when unknown: then migrate)."""
    head = head_revision()
    if head is None or not inspect(sync_conn).has_table("alembic_version"):
        return False
    versions = {row[0] for row in sync_conn.execute(text("SELECT version_num FROM alembic_version"))}
    return versions == {head}


def _upgrade_to_head(sync_conn: Any) -> None:
    from alembic import command

    command.upgrade(alembic_config(sync_conn), "head")
