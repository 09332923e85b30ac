"""Claiming due rows for a tick, previewing them, and dropping stale ones.

`claim_due` marks rows with a claim token and time before anything is sent. On PostgreSQL the rows
are picked with SELECT … FOR UPDATE SKIP LOCKED inside the claim transaction, so two instances
never claim the same row; on SQLite one UPDATE … WHERE id IN (SELECT …) does it under the single
writer lock. A claim older than LEASE whose row was not marked sent is claimable again: that is the
crash between sending and marking. The holder renews the claim right before each send
(outcomes.renew), so a row is never taken over while its message is on the way, and a restarted
instance takes its own claims back at once (outcomes.release_owner). Rows whose deadline has
passed are dropped, never sent; rows due while the bot was down are sent once, flagged late; of
several overdue rows of one deadline only the nearest is sent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from core.clock import local_today
from storage.db import Database
from storage.nudges.rows import (
    DROPPED,
    LEASE,
    NUDGES,
    PENDING,
    REASON_PASSED,
    REASON_SUPERSEDED,
    SENT,
    ClaimedNudge,
    DuePreview,
    StaleCounts,
    as_utc,
    aware_utc,
)
from storage.tables import Nudge, User

# ---------------------------------------------------------------------------------------------
# claiming


def _not_leased(now: dt.datetime, lease: dt.timedelta) -> ColumnElement[bool]:
    return or_(Nudge.claimed_at.is_(None), Nudge.claimed_at < now - lease)


def _claimable(
    now: dt.datetime, lease: dt.timedelta, channel: str | None, user_id: int | None
) -> list[ColumnElement[bool]]:
    where = [
        Nudge.status == PENDING,
        Nudge.due_at <= now,
        _not_leased(now, lease),
        Nudge.deadline_date >= local_today(now),
        User.active.is_(True),  # a user who blocked the bot keeps their rows until they write again
    ]
    if channel is not None:
        where.append(User.channel == channel)
    if user_id is not None:
        where.append(Nudge.user_id == user_id)
    return where


def _superseded(now: dt.datetime) -> ColumnElement[bool]:
    """A nearer reminder of the same deadline is also due (or was sent): this one is redundant."""
    nearer = aliased(Nudge)
    return exists(
        select(nearer.id).where(
            nearer.user_id == Nudge.user_id,
            nearer.deadline_id == Nudge.deadline_id,
            nearer.deadline_date == Nudge.deadline_date,
            nearer.days_before < Nudge.days_before,
            nearer.due_at <= now,
            nearer.status.in_((PENDING, SENT)),
        )
    )


async def drop_stale(
    db: Database, now: dt.datetime, *, user_id: int | None = None, lease: dt.timedelta = LEASE
) -> StaleCounts:
    """Drop pending rows whose deadline has passed (Shanghai date) and overdue rows superseded by a
    nearer reminder of the same deadline. Rows another tick holds are left alone."""
    now = aware_utc(now)
    scope = [Nudge.status == PENDING, _not_leased(now, lease)]
    if user_id is not None:
        scope.append(Nudge.user_id == user_id)
    counts = StaleCounts()
    async with db.session() as s:
        for reason, condition in (
            (REASON_PASSED, Nudge.deadline_date < local_today(now)),
            (REASON_SUPERSEDED, and_(Nudge.due_at <= now, _superseded(now))),
        ):
            pick = select(Nudge.id).where(*scope, condition)
            if db.is_postgres:
                pick = pick.with_for_update(skip_locked=True, of=Nudge)
            result = await s.execute(
                update(NUDGES)
                .where(NUDGES.c.id.in_(pick.correlate(None).scalar_subquery()))
                .values(status=DROPPED, last_error=reason)
            )
            if reason == REASON_PASSED:
                counts.passed = result.rowcount or 0
            else:
                counts.superseded = result.rowcount or 0
    return counts


async def claim_due(
    db: Database,
    now: dt.datetime,
    limit: int,
    token: str,
    *,
    channel: str | None = None,
    user_id: int | None = None,
    lease: dt.timedelta = LEASE,
    late_after: dt.timedelta,
    owner: str | None = None,
) -> list[ClaimedNudge]:
    """Claim the oldest `limit` due rows (fewer when fewer are due), and with them every other
    claimable row of the same users, for this token; return them, each flagged late when claimed
    more than `late_after` past its due time. A user's due rows are never split between two claims:
    one chat's messages then go out through one instance, whose own limiter spaces them (Telegram's
    1 a second per chat), never through two at once (a 429 that pauses the whole bot's pace).
    `token` must be new for every call (a uuid): the rows are found again by it. `owner` (the
    instance id, bot.nudges.instance) is stored with the claim, so that instance can take its claims
    back at once after a crash (outcomes.release_owner)."""
    now = aware_utc(now)
    late = or_(NUDGES.c.late.is_(True), NUDGES.c.due_at < now - late_after)
    claimable = _claimable(now, lease, channel, user_id)
    pick = select(Nudge.id, Nudge.user_id).join(User, User.id == Nudge.user_id).where(*claimable)
    oldest = pick.order_by(Nudge.due_at, Nudge.id).limit(limit)
    async with db.session() as s:
        if db.is_postgres:
            # Rows another instance is claiming right now are locked: skip them rather than wait.
            first = (await s.execute(oldest.with_for_update(skip_locked=True, of=Nudge))).all()
            if not first:
                return []
            ids = [row.id for row in first]
            rest = pick.where(Nudge.user_id.in_({row.user_id for row in first}), Nudge.id.not_in(ids))
            ids += [row.id for row in await s.execute(rest.with_for_update(skip_locked=True, of=Nudge))]
            target: ColumnElement[bool] = NUDGES.c.id.in_(ids)
        else:
            # One statement under SQLite's writer lock: a concurrent claim sees these rows taken.
            users_of_oldest = select(oldest.subquery().c.user_id)
            whole_users = select(Nudge.id).join(User, User.id == Nudge.user_id).where(
                *claimable, Nudge.user_id.in_(users_of_oldest)
            )
            target = NUDGES.c.id.in_(whole_users.correlate(None).scalar_subquery())
        await s.execute(
            update(NUDGES).where(target).values(claimed_at=now, claim_token=token, claimed_by=owner, late=late)
        )
        rows = (await s.execute(_with_user().where(Nudge.claim_token == token).order_by(Nudge.due_at, Nudge.id))).all()
    return [_claimed(row) for row in rows]


def _with_user() -> Any:
    return select(Nudge, User.channel, User.external_id, User.region, User.stage, User.checklist).join(
        User, User.id == Nudge.user_id
    )


def _claimed(row: Any, late: bool | None = None) -> ClaimedNudge:
    n: Nudge = row[0]
    assert n.id is not None
    return ClaimedNudge(
        id=n.id,
        user_id=n.user_id,
        channel=row.channel,
        external_id=row.external_id,
        region=row.region,
        stage=row.stage,
        checklist={k: list(v) for k, v in (row.checklist or {}).items()},
        deadline_id=n.deadline_id,
        title=n.title,
        deadline_date=n.deadline_date,
        days_before=n.days_before,
        due_at=as_utc(n.due_at),
        late=bool(n.late) if late is None else late,
        attempts=n.attempts,
        claim_token=n.claim_token,
    )


async def preview_due(
    db: Database,
    now: dt.datetime,
    limit: int = 1000,
    *,
    channel: str | None = None,
    lease: dt.timedelta = LEASE,
    late_after: dt.timedelta,
) -> DuePreview:
    """What a tick at `now` would send and drop, without claiming or changing anything."""
    now = aware_utc(now)
    preview = DuePreview()
    async with db.session() as s:
        due = await s.execute(
            _with_user()
            .where(*_claimable(now, lease, channel, None), ~_superseded(now))
            .order_by(Nudge.due_at, Nudge.id)
            .limit(limit)
        )
        preview.due = [_claimed(r, late=bool(r[0].late) or as_utc(r[0].due_at) < now - late_after) for r in due]
        scope = [Nudge.status == PENDING, _not_leased(now, lease)]
        if channel is not None:
            scope.append(User.channel == channel)
        passed = await s.execute(_with_user().where(*scope, Nudge.deadline_date < local_today(now)).limit(limit))
        preview.passed = [_claimed(r) for r in passed]
        superseded = await s.execute(_with_user().where(*scope, Nudge.due_at <= now, _superseded(now)).limit(limit))
        preview.superseded = [_claimed(r) for r in superseded]
    return preview


