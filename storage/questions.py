"""The log of questions the assistant could not answer well (each linked to who asked, for /mydata and
/forget), and anonymous usage counters."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from sqlalchemy import func, insert, select

from storage.db import Database, insert_for
from storage.tables import UnansweredQuestion, UsageCount, utcnow

MAX_LOGGED_CHARS = 500


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
    row = {
        "user_id": user_id,
        "text": text[:MAX_LOGGED_CHARS],
        "region": region,
        "best_candidate": best_candidate,
        "confidence": round(float(confidence), 4),
        "created_at": utcnow(),
    }
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


async def count_question(db: Database, region: str | None, day: dt.date) -> None:
    """Count one question asked in `region` (None: no region chosen) on `day` (Shanghai date)."""
    await bump(db, f"{QUESTION_COUNTER_PREFIX}{region or 'none'}", day)


async def totals(db: Database, prefix: str = "") -> dict[str, int]:
    async with db.session() as s:
        rows = await s.execute(
            select(UsageCount.name, func.sum(UsageCount.count))
            .where(UsageCount.name.startswith(prefix))
            .group_by(UsageCount.name)
        )
        return {name: int(total) for name, total in rows}
