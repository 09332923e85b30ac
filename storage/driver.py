"""The hottest statements on PostgreSQL, run on asyncpg directly (issue 11 items 5 and 9): the
reminder tick's per-message statements, and every turn's load (storage.turn_pg, a pool of its own).

Every reminder sent costs three single statements: the claim renewed before the send
(storage.nudges.outcomes.renew), the send slot reserved on the shared pace (storage.pace.reserve)
and the row marked sent (outcomes.mark_sent). Through SQLAlchemy's asyncio layer each one pays a
pool checkout in a greenlet, the autocommit isolation level set and reset, statement compilation
and result wrapping: about a fifth of the bot's CPU per message, measured under cProfile in the
two-instance scenario, where the bot process is what limits the pace on a loaded 2-core machine.
Here they run as prepared statements on a small asyncpg pool of their own, outside any
transaction (autocommit: one round trip each), with no SQLAlchemy in between.

PostgreSQL only: SQLite callers keep the SQLAlchemy path (one process, no shared pace). The pool
is opened by Database.open (or on first use), inside the running loop, and closed with the
Database. A connection the server dropped (a restart) is retried once on a new one, as
Database.run does."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    import asyncpg

POOL_SIZE = 4  # the tick's senders, the pace's reservation ahead, and a charge of replies at once
TURN_POOL_SIZE = 10  # the turns' loads (storage.turn_pg): the updates handled at once (8) and two more


class DriverPool:
    """A lazily opened asyncpg pool for the database at `url` (an SQLAlchemy PostgreSQL URL), in
    `schema` when given (its search_path, as the engine's connections)."""

    def __init__(self, url: str, schema: str | None = None, size: int = POOL_SIZE) -> None:
        self.dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        self.schema = schema
        self.size = size
        self._pool: asyncpg.Pool | None = None
        self._opening: asyncio.Lock | None = None

    async def open(self) -> None:
        """Connect now (Database.open does) rather than at the first statement."""
        await self._get()

    async def _get(self) -> asyncpg.Pool:
        if self._pool is not None:
            return self._pool
        if self._opening is None:
            self._opening = asyncio.Lock()
        async with self._opening:
            if self._pool is None:
                # Imported here: a bot on SQLite never loads asyncpg (0.1-0.7 s of a cold start).
                import asyncpg

                settings = {"search_path": self.schema} if self.schema else None
                self._pool = await asyncpg.create_pool(
                    self.dsn, min_size=1, max_size=self.size, server_settings=settings, init=_json_codec
                )
        return self._pool

    async def execute(self, sql: str, *args: Any) -> int:
        """Run one statement (no RETURNING) in autocommit; the rows it touched."""
        status = await self._retrying("execute", sql, args)
        # asyncpg answers the command tag: "UPDATE 1", "INSERT 0 1", "DELETE 3".
        tail = str(status).rsplit(" ", 1)[-1]
        return int(tail) if tail.isdigit() else 0

    async def fetchrow(self, sql: str, *args: Any) -> Any:
        """Run one statement in autocommit and return its first row (an asyncpg Record: by column
        name, `row["region"]`), or None."""
        return await self._retrying("fetchrow", sql, args)

    async def fetchval(self, sql: str, *args: Any) -> Any:
        """Run one statement in autocommit and return the first column of its first row (None when
        it returns no row)."""
        return await self._retrying("fetchval", sql, args)

    async def _retrying(self, method: str, sql: str, args: tuple[Any, ...]) -> Any:
        import asyncpg  # loaded by _get already: a dictionary look-up

        pool = await self._get()
        try:
            return await getattr(pool, method)(sql, *args)
        except (
            asyncpg.ConnectionDoesNotExistError,
            asyncpg.AdminShutdownError,
            asyncpg.InterfaceError,
            asyncpg.InternalClientError,  # the server's goodbye read mid-statement: "cannot switch to state"
        ):
            # A pooled connection the server closed (a restart); the pool has dropped it. Once more
            # on a fresh one, as Database.run does: the statements here may run twice (renew and
            # mark_sent set the same values again; a second reservation leaves one slot unused).
            return await getattr(pool, method)(sql, *args)

    async def close(self) -> None:
        """Close the pool (waits for statements under way)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()


async def _json_codec(conn: Any) -> None:
    """json columns in and out as Python values, as SQLAlchemy's JSON type gives them (asyncpg
    alone hands over the text)."""
    import json

    await conn.set_type_codec("json", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")
