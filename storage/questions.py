"""The log of questions the assistant could not answer well (each linked to who asked, for /mydata and
/forget), and anonymous usage counters.

Every question is counted (per region and day). Written one by one, that was a round trip in every
question's turn, half of such a turn's database work (on PostgreSQL a cost in both the bot and the
server: issue 11 item 9). So `count_question` adds to counts kept in memory per database, written
together by one statement COUNT_EVERY seconds after the first, before any read of the counters
(`totals`) and when the database is closed (a stop). A kill -9 loses at most those seconds of
counts: they are statistics for /stats, never a user's data."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import weakref
from collections import Counter
from functools import cache
from typing import Any

from sqlalchemy import func, insert, select

from storage.db import Database, insert_for
from storage.sqlite_file import MAX_LOGGED_CHARS as MAX_LOGGED_CHARS  # the limit, for callers
from storage.sqlite_file import unanswered_row
from storage.tables import UnansweredQuestion, UsageCount, utcnow

log = logging.getLogger(__name__)

COUNT_EVERY = 5.0  # seconds question counts gather in memory before one statement writes them


_LOG = insert(UnansweredQuestion.__table__)


async def log_unanswered(
    db: Database,
    text: str,
    region: str | None,
    best_candidate: str | None,
    confidence: float,
    *,
    user_id: int | None = None,
) -> None:
    """Log a declined or low-confidence question (text cut to MAX_LOGGED_CHARS). `user_id` (users.id)
    links it to who asked, so /mydata shows it and /forget deletes it; None for asks with no user
    (`python -m bot ask`)."""
    row = unanswered_row(text, region, best_candidate, confidence, user_id, utcnow())
    await db.run(lambda conn: conn.execute(_LOG, row), atomic=False)


async def list_unanswered(db: Database, limit: int = 10_000) -> list[UnansweredQuestion]:
    async with db.session() as s:
        rows = await s.execute(select(UnansweredQuestion).order_by(UnansweredQuestion.created_at.desc()).limit(limit))
        return list(rows.scalars())


@cache
def _bump_statement(postgres: bool) -> Any:
    # Built once: it runs on every question, and building an upsert costs more than running it.
    stmt = insert_for("postgresql" if postgres else "sqlite", UsageCount.__table__)
    return stmt.on_conflict_do_update(
        index_elements=["day", "name"], set_={"count": UsageCount.__table__.c.count + stmt.excluded["count"]}
    )


async def bump(db: Database, name: str, day: dt.date | None = None, by: int = 1) -> None:
    """Add to a daily counter, atomically on both databases."""
    values = {"day": day or utcnow().date(), "name": name, "count": by}
    statement = _bump_statement(db.is_postgres)
    await db.run(lambda conn: conn.execute(statement, values), atomic=False)


QUESTION_COUNTER_PREFIX = "questions:"


class _Counts:
    """Question counts not yet written: {(day, name): count}, and the task that writes them."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[dt.date, str]] = Counter()
        self.task: asyncio.Task[None] | None = None


_PENDING: weakref.WeakKeyDictionary[Database, _Counts] = weakref.WeakKeyDictionary()


async def count_question(db: Database, region: str | None, day: dt.date) -> None:
    """Count one question asked in `region` (None: no region chosen) on `day` (Shanghai date): in
    memory, written within COUNT_EVERY seconds (module docstring)."""
    pending = _PENDING.get(db)
    if pending is None:
        pending = _PENDING[db] = _Counts()
        db.before_close.append(lambda: flush_counts(db))
    pending.counts[(day, f"{QUESTION_COUNTER_PREFIX}{region or 'none'}")] += 1
    if pending.task is None:
        pending.task = asyncio.ensure_future(_write_later(db, pending))


async def _write_later(db: Database, pending: _Counts) -> None:
    try:
        await asyncio.sleep(COUNT_EVERY)
    finally:
        pending.task = None
    try:
        await flush_counts(db)
    except Exception as exc:  # kept in memory; the next question's write (or a read) tries again
        log.warning("could not write the question counts: %s", type(exc).__name__)


async def flush_counts(db: Database) -> None:
    """Write the question counts kept in memory for `db` now (one statement for all of them)."""
    pending = _PENDING.get(db)
    if pending is None or not pending.counts:
        return
    counts, pending.counts = pending.counts, Counter()
    rows = [{"day": day, "name": name, "count": n} for (day, name), n in counts.items()]
    statement = _bump_statement(db.is_postgres)
    try:
        await db.run(lambda conn: conn.execute(statement, rows), atomic=False)
    except Exception:
        pending.counts.update(counts)  # kept for the next write
        raise


async def totals(db: Database, prefix: str = "") -> dict[str, int]:
    await flush_counts(db)
    async with db.session() as s:
        rows = await s.execute(
            select(UsageCount.name, func.sum(UsageCount.count))
            .where(UsageCount.name.startswith(prefix))
            .group_by(UsageCount.name)
        )
        return {name: int(total) for name, total in rows}
