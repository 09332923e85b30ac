"""The log of questions the assistant could not answer well, and anonymous usage counters."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storage.db import Database
from storage.tables import UnansweredQuestion, UsageCount, utcnow

MAX_LOGGED_CHARS = 500


async def log_unanswered(
    db: Database, text: str, region: str | None, best_candidate: str | None, confidence: float
) -> None:
    async with db.session() as s:
        s.add(
            UnansweredQuestion(
                text=text[:MAX_LOGGED_CHARS],
                region=region,
                best_candidate=best_candidate,
                confidence=round(float(confidence), 4),
            )
        )


async def list_unanswered(db: Database, limit: int = 10_000) -> list[UnansweredQuestion]:
    async with db.session() as s:
        rows = await s.execute(select(UnansweredQuestion).order_by(UnansweredQuestion.created_at.desc()).limit(limit))
        return list(rows.scalars())


async def bump(db: Database, name: str, day: dt.date | None = None, by: int = 1) -> None:
    """Add to a daily counter, atomically on both databases."""
    day = day or utcnow().date()
    insert = pg_insert if db.is_postgres else sqlite_insert
    stmt = insert(UsageCount).values(day=day, name=name, count=by)
    stmt = stmt.on_conflict_do_update(
        index_elements=["day", "name"], set_={"count": UsageCount.count + stmt.excluded.count}
    )
    async with db.session() as s:
        await s.execute(stmt)


async def totals(db: Database, prefix: str = "") -> dict[str, int]:
    async with db.session() as s:
        rows = await s.execute(
            select(UsageCount.name, func.sum(UsageCount.count))
            .where(UsageCount.name.startswith(prefix))
            .group_by(UsageCount.name)
        )
        return {name: int(total) for name, total in rows}
