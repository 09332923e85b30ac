"""Nudge rows: storing a user's planned reminders, and claiming, sending and retiring them.

Exactly-once as far as a network allows:
- `replace_future_nudges` is idempotent through the unique key (user, deadline, date, days before):
  replanning never duplicates a row and never resurrects one already sent or dropped.
- `claim_due` marks rows with a claim token and time before anything is sent. On PostgreSQL the rows
  are picked with SELECT … FOR UPDATE SKIP LOCKED inside the claim transaction, so two instances
  never claim the same row; on SQLite one UPDATE … WHERE id IN (SELECT …) does it under the single
  writer lock. A claim older than LEASE whose row was not marked sent is claimable again: that is the
  crash between sending and marking, and it costs at most one duplicate.
- Rows whose deadline has passed are dropped, never sent; rows due while the bot was down are sent
  once, flagged late; of several overdue rows of one deadline only the nearest is sent.

Times are stored in UTC. SQLite keeps no zone, so every time is converted to UTC before it is
written or compared, and read back as UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import and_, bindparam, delete, exists, func, or_, select, update
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from core.clock import local_today
from core.model import OwnReminder, UserState
from storage.db import Database, insert_for
from storage.tables import Nudge, OwnReminderRow, User

LEASE = dt.timedelta(minutes=5)  # a claim this old, not marked sent, belongs to a crashed tick
CHUNK = 500  # users per transaction when replanning many
NUDGES = Nudge.__table__

PENDING, SENT, DROPPED, FAILED = "pending", "sent", "dropped", "failed"
REASON_PASSED = "deadline passed"
REASON_SUPERSEDED = "superseded by a nearer reminder"


class PlannedRow(Protocol):
    """What replanning stores (dialogs.nudges.plan.PlannedNudge has these fields)."""

    key: str
    deadline_id: str
    title: str
    deadline_date: dt.date
    days_before: int
    due_at: dt.datetime
    overdue: bool


@dataclass(frozen=True)
class ClaimedNudge:
    """A due nudge with what sending it needs: where to (channel, external id) and the user's
    region, stage and checklist for the wording."""

    id: int
    user_id: int
    channel: str
    external_id: str
    region: str | None
    stage: str | None
    checklist: dict[str, list[str]]
    deadline_id: str
    title: str
    deadline_date: dt.date
    days_before: int
    due_at: dt.datetime
    late: bool
    attempts: int
    claim_token: str | None


@dataclass
class ReplanCounts:
    users: int = 0
    inserted: int = 0
    deleted: int = 0
    moved: int = 0

    def add(self, other: ReplanCounts) -> None:
        self.users += other.users
        self.inserted += other.inserted
        self.deleted += other.deleted
        self.moved += other.moved


@dataclass
class StaleCounts:
    passed: int = 0
    superseded: int = 0


@dataclass
class DuePreview:
    due: list[ClaimedNudge] = field(default_factory=list)
    passed: list[ClaimedNudge] = field(default_factory=list)
    superseded: list[ClaimedNudge] = field(default_factory=list)


def as_utc(value: dt.datetime) -> dt.datetime:
    """An aware time in UTC; a naive one (as SQLite returns them) is taken to be UTC already."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _aware_in(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError("times passed to storage.nudges must be timezone-aware")
    return value.astimezone(dt.UTC)


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ---------------------------------------------------------------------------------------------
# planning


async def replace_future_nudges(
    db: Database, user_id: int, planned: Sequence[PlannedRow], now: dt.datetime
) -> ReplanCounts:
    """Make the user's pending rows match `planned`: insert new keys, delete pending rows no longer
    planned, move due times that changed (a snooze). Sent, dropped and failed rows stay."""
    return await replace_many(db, {user_id: planned}, now)


async def replace_many(db: Database, plans: Mapping[int, Sequence[PlannedRow]], now: dt.datetime) -> ReplanCounts:
    now = _aware_in(now)
    total = ReplanCounts()
    for chunk in _chunks(list(plans), CHUNK):
        async with db.session() as s:
            existing = {
                row.key: row
                for row in (
                    await s.execute(
                        select(Nudge.id, Nudge.key, Nudge.status, Nudge.due_at, Nudge.claimed_at, Nudge.attempts).where(
                            Nudge.user_id.in_(chunk)
                        )
                    )
                ).all()
            }
            planned_keys: set[str] = set()
            inserts: list[dict[str, Any]] = []
            moves: list[dict[str, Any]] = []
            for uid in chunk:
                for p in plans[uid]:
                    planned_keys.add(p.key)
                    row = existing.get(p.key)
                    if row is None:
                        inserts.append(
                            {
                                "user_id": uid,
                                "key": p.key,
                                "deadline_id": p.deadline_id,
                                "title": p.title,
                                "deadline_date": p.deadline_date,
                                "days_before": p.days_before,
                                "due_at": _aware_in(p.due_at),
                                "late": False,
                                "status": PENDING,
                                "attempts": 0,
                            }
                        )
                    elif row.status == PENDING and row.claimed_at is None:
                        old, new = as_utc(row.due_at), _aware_in(p.due_at)
                        # A row already due keeps its time when the plan only says "due now" (it
                        # stays late); a row waiting after a failed attempt is never moved earlier
                        # (its backoff holds); anything else follows the plan (a snooze, its end).
                        keep = (p.overdue and old <= now) or (row.attempts > 0 and new < old)
                        if old != new and not keep:
                            moves.append({"b_id": row.id, "b_due": new})
            gone = [row.id for key, row in existing.items() if row.status == PENDING and key not in planned_keys]
            if gone:
                await s.execute(delete(NUDGES).where(NUDGES.c.id.in_(gone)))
            if inserts:
                await s.execute(_insert_ignoring_known_keys(db), inserts)
            if moves:
                await s.execute(
                    update(NUDGES).where(NUDGES.c.id == bindparam("b_id")).values(due_at=bindparam("b_due")), moves
                )
            total.add(ReplanCounts(len(chunk), len(inserts), len(gone), len(moves)))
    return total


def _insert_ignoring_known_keys(db: Database) -> Any:
    # Two replans of one user racing (a turn and replan-all) both insert: the key decides, quietly.
    return insert_for("postgresql" if db.is_postgres else "sqlite", NUDGES).on_conflict_do_nothing(
        index_elements=["key"]
    )


async def planning_states(
    db: Database, after_id: int = 0, limit: int = 1000, *, user_ids: Sequence[int] | None = None
) -> list[UserState]:
    """A page of users (id > after_id, by id; or just `user_ids`) with what planning reads: region,
    stage, reminder settings and own reminders. For replanning many without loading dialog states."""
    query = select(User).where(User.id > after_id)
    if user_ids is not None:
        query = query.where(User.id.in_(list(user_ids)))
    async with db.session() as s:
        users = (await s.execute(query.order_by(User.id).limit(limit))).scalars().all()
        if not users:
            return []
        reminders: dict[int, list[OwnReminder]] = {}
        rows = await s.execute(
            select(OwnReminderRow)
            .where(OwnReminderRow.user_id.in_([u.id for u in users]))
            .order_by(OwnReminderRow.date, OwnReminderRow.id)
        )
        for r in rows.scalars():
            reminders.setdefault(r.user_id, []).append(OwnReminder(r.title, r.date, r.id))
        return [
            UserState(
                user_id=u.id,
                region=u.region,
                stage=u.stage,
                reminder_days=list(u.reminder_days or []),
                muted=u.muted,
                snoozed_until=u.snoozed_until,
                checklist={k: list(v) for k, v in (u.checklist or {}).items()},
                reminders=reminders.get(u.id or 0, []),
                active=u.active,
            )
            for u in users
        ]


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
    now = _aware_in(now)
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
) -> list[ClaimedNudge]:
    """Claim up to `limit` due rows (oldest first) for this token and return them, each flagged late
    when claimed more than `late_after` past its due time. `token` must be new for every call (a
    uuid): the rows are found again by it."""
    now = _aware_in(now)
    late = or_(NUDGES.c.late.is_(True), NUDGES.c.due_at < now - late_after)
    pick = (
        select(Nudge.id)
        .join(User, User.id == Nudge.user_id)
        .where(*_claimable(now, lease, channel, user_id))
        .order_by(Nudge.due_at, Nudge.id)
        .limit(limit)
    )
    async with db.session() as s:
        if db.is_postgres:
            # Rows another instance is claiming right now are locked: skip them rather than wait.
            ids = list((await s.execute(pick.with_for_update(skip_locked=True, of=Nudge))).scalars())
            if not ids:
                return []
            target: ColumnElement[bool] = NUDGES.c.id.in_(ids)
        else:
            # One statement under SQLite's writer lock: a concurrent claim sees these rows taken.
            target = NUDGES.c.id.in_(pick.correlate(None).scalar_subquery())
        await s.execute(update(NUDGES).where(target).values(claimed_at=now, claim_token=token, late=late))
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
    now = _aware_in(now)
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


# ---------------------------------------------------------------------------------------------
# after sending


async def mark_sent(db: Database, nudge_id: int, token: str, sent_at: dt.datetime) -> bool:
    """Record the delivery; False when the claim was lost (another tick took it over after the lease)."""
    async with db.session() as s:
        result = await s.execute(
            update(NUDGES)
            .where(NUDGES.c.id == nudge_id, NUDGES.c.claim_token == token)
            .values(status=SENT, sent_at=_aware_in(sent_at))
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
    }
    if give_up:
        values["status"] = FAILED
    else:
        values["due_at"] = _aware_in(retry_at)
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
            .values(claimed_at=None, claim_token=None)
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
