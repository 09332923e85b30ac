"""What happened to a claimed row: renewed right before its send, sent, failed (with its retry time),
released unsent (one slice, or everything an instance holds), dropped; and purging finished rows;
and reading rows back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, select, update

from storage.db import Database, one_statement
from storage.nudges.rows import DROPPED, FAILED, NUDGES, PENDING, SENT, aware_utc
from storage.tables import Nudge

# ---------------------------------------------------------------------------------------------
# after sending

# The same statements as below, for the driver (PostgreSQL; storage.driver): written out once.
_RENEW = "UPDATE nudges SET claimed_at = $1 WHERE id = $2 AND claim_token = $3 AND status = $4"
_MARK_SENT = "UPDATE nudges SET status = $1, sent_at = $2 WHERE id = $3 AND claim_token = $4"


async def renew(db: Database, nudge_id: int, token: str, now: dt.datetime) -> bool:
    """Right before a send: True when the claim is still this token's (and the row still pending),
    and its lease now starts again at `now`; False when another tick took the row over (its lease
    ran out) or it was finished meanwhile: then it must not be sent. A send that starts after a
    True has the whole lease to finish and be marked before anyone else may claim the row."""
    # One statement, no ORM session and (PostgreSQL) no BEGIN/COMMIT: this runs before every send;
    # on PostgreSQL straight on the driver (storage.driver).
    if db.driver is not None:
        return await db.driver.execute(_RENEW, aware_utc(now), nudge_id, token, PENDING) == 1
    async with one_statement(db) as conn:
        result = await conn.execute(
            update(NUDGES)
            .where(NUDGES.c.id == nudge_id, NUDGES.c.claim_token == token, NUDGES.c.status == PENDING)
            .values(claimed_at=aware_utc(now))
        )
        return (result.rowcount or 0) == 1


async def mark_sent(db: Database, nudge_id: int, token: str, sent_at: dt.datetime) -> bool:
    """Record the delivery; False when the claim was lost (another tick took it over after the lease)."""
    if db.driver is not None:  # after every send (see renew)
        return await db.driver.execute(_MARK_SENT, SENT, aware_utc(sent_at), nudge_id, token) == 1
    async with one_statement(db) as conn:
        result = await conn.execute(
            update(NUDGES)
            .where(NUDGES.c.id == nudge_id, NUDGES.c.claim_token == token)
            .values(status=SENT, sent_at=aware_utc(sent_at))
        )
        return (result.rowcount or 0) == 1


async def mark_failed(
    db: Database,
    nudge_id: int,
    token: str,
    attempts: int,
    error: str,
    retry_at: dt.datetime,
    *,
    give_up: bool = False,
) -> None:
    """A failed attempt: try again at `retry_at` (the caller's backoff), or give up for good."""
    values: dict[str, Any] = {
        "attempts": attempts,
        "last_error": error[:300],
        "claimed_at": None,
        "claim_token": None,
        "claimed_by": None,
    }
    if give_up:
        values["status"] = FAILED
    else:
        values["due_at"] = aware_utc(retry_at)
    async with db.session() as s:
        await s.execute(update(NUDGES).where(NUDGES.c.id == nudge_id, NUDGES.c.claim_token == token).values(**values))


async def release(db: Database, ids: Sequence[int], token: str) -> int:
    """Give claimed rows back unsent (quiet hours began, the user blocked us, shutdown)."""
    if not ids:
        return 0
    async with db.session() as s:
        result = await s.execute(
            update(NUDGES)
            .where(NUDGES.c.id.in_(list(ids)), NUDGES.c.claim_token == token, NUDGES.c.status == PENDING)
            .values(claimed_at=None, claim_token=None, claimed_by=None)
        )
        return result.rowcount or 0


async def release_owner(db: Database, owner: str, *, keep_token: str | None = None) -> int:
    """Give back every pending row `owner` (an instance id) holds, except those of `keep_token`:
    at start-up, the claims a crashed process of the same instance left (no other live process has
    this id: bot.nudges.instance), and at a stop, whatever is still held. Returns how many."""
    where = [NUDGES.c.claimed_by == owner, NUDGES.c.status == PENDING, NUDGES.c.claim_token.is_not(None)]
    if keep_token is not None:
        where.append(NUDGES.c.claim_token != keep_token)
    async with db.session() as s:
        result = await s.execute(
            update(NUDGES).where(*where).values(claimed_at=None, claim_token=None, claimed_by=None)
        )
        return result.rowcount or 0


async def drop(db: Database, ids: Sequence[int], reason: str) -> int:
    if not ids:
        return 0
    async with db.session() as s:
        result = await s.execute(
            update(NUDGES)
            .where(NUDGES.c.id.in_(list(ids)), NUDGES.c.status == PENDING)
            .values(status=DROPPED, last_error=reason[:300])
        )
        return result.rowcount or 0


async def purge_finished(db: Database, before: dt.date) -> int:
    """Delete sent, dropped and failed rows of deadlines before `before`: once a deadline is past,
    no plan can produce its keys again, so the rows protect nothing and are not kept."""
    async with db.session() as s:
        result = await s.execute(delete(NUDGES).where(NUDGES.c.status != PENDING, NUDGES.c.deadline_date < before))
        return result.rowcount or 0


# ---------------------------------------------------------------------------------------------
# reading


async def user_nudges(db: Database, user_id: int) -> list[Nudge]:
    async with db.session() as s:
        rows = await s.execute(select(Nudge).where(Nudge.user_id == user_id).order_by(Nudge.due_at, Nudge.id))
        return list(rows.scalars())


async def status_counts(db: Database) -> dict[str, int]:
    async with db.session() as s:
        rows = await s.execute(select(Nudge.status, func.count()).group_by(Nudge.status))
        return {status: int(n) for status, n in rows.all()}

