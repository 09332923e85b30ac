"""Storing a user's planned reminders: idempotent through the unique key (user, deadline, date,
days before), so replanning never duplicates a row and never resurrects one already sent or dropped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import bindparam, delete, select, update

from core.model import OwnReminder, UserState
from storage.db import Database, insert_for
from storage.nudges.rows import CHUNK, NUDGES, PENDING, PlannedRow, ReplanCounts, as_utc, aware_utc, chunks
from storage.tables import Nudge, OwnReminderRow, User

# ---------------------------------------------------------------------------------------------
# planning


async def replace_future_nudges(
    db: Database, user_id: int, planned: Sequence[PlannedRow], now: dt.datetime
) -> ReplanCounts:
    """Make the user's pending rows match `planned`: insert new keys, delete pending rows no longer
    planned, move due times that changed (a snooze). Sent, dropped and failed rows stay."""
    return await replace_many(db, {user_id: planned}, now)


async def replace_many(db: Database, plans: Mapping[int, Sequence[PlannedRow]], now: dt.datetime) -> ReplanCounts:
    now = aware_utc(now)
    total = ReplanCounts()
    for chunk in chunks(list(plans), CHUNK):
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
                    if row is None and p.catch_up_only:
                        continue  # an own reminder's lead already past when planned: not created now
                    if row is None:
                        inserts.append(
                            {
                                "user_id": uid,
                                "key": p.key,
                                "deadline_id": p.deadline_id,
                                "title": p.title,
                                "deadline_date": p.deadline_date,
                                "days_before": p.days_before,
                                "due_at": aware_utc(p.due_at),
                                "late": False,
                                "status": PENDING,
                                "attempts": 0,
                            }
                        )
                    elif row.status == PENDING and row.claimed_at is None:
                        old, new = as_utc(row.due_at), aware_utc(p.due_at)
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


