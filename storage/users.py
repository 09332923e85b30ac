"""Loading and saving one user's state, and showing or deleting everything stored about a user."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from core.model import DEFAULT_REMINDER_DAYS, OwnReminder, Reply, UserState
from storage import outbox, turn_pg
from storage.db import Database, insert_for
from storage.tables import (
    DialogState,
    Nudge,
    OutboxRow,
    OwnReminderRow,
    ProfileAnswer,
    UnansweredQuestion,
    User,
    utcnow,
)

# Every table with a user_id: /mydata exports their rows, /forget deletes them.
USER_TABLES = (DialogState, ProfileAnswer, OwnReminderRow, Nudge, UnansweredQuestion, OutboxRow)


U = User.__table__
D = DialogState.__table__
P = ProfileAnswer.__table__
R = OwnReminderRow.__table__
OB = OutboxRow.__table__

# A turn's load and save as one statement each on PostgreSQL (storage.turn_pg); False gives the
# statement-per-table path SQLite uses (tests/bench/bench_turn_db.py measures both).
ONE_STATEMENT_ON_POSTGRES = True
_USER_COLUMNS = ("region", "stage", "active", "reminder_days", "muted", "snoozed_until", "checklist", "seen_notes")
_DIALOG_COLUMNS = ("dialog", "step", "data", "version")


async def load_state(db: Database, channel: str, external_id: str, *, group: bool = False) -> UserState:
    """The user's whole state; a first contact creates the user row (`group`: the row is a group
    chat's, created muted: reminders reach a group only after its admins turn them on).

    Core queries rather than ORM objects, run as one unit by Database.run: a turn loads state
    once and every round trip counts (see tests/bench/bench_questionnaire.py). Without a
    transaction (`atomic=False`: no BEGIN/COMMIT on PostgreSQL): the user's turns run one at a
    time, so nothing writes this user's rows between the three reads, and the first-contact insert
    is one statement."""
    state, _ = await db.run(lambda conn: _load(conn, channel, external_id, group), atomic=False)
    return state


async def load_turn(
    db: Database, channel: str, external_id: str, *, group: bool = False
) -> tuple[UserState, outbox.Pending | None]:
    """As load_state, with the user's undelivered replies (storage.outbox), in the same query (on
    PostgreSQL on the driver, storage.turn_pg; a user not stored yet is created as before)."""
    if ONE_STATEMENT_ON_POSTGRES and db.turn_driver is not None:
        row = await turn_pg.load_turn_row(db.turn_driver, _USER_COLUMNS, _DIALOG_COLUMNS, channel, external_id)
        if row is not None:
            return _state_of(row, *_joined(row)), _pending_of(row)
    return await db.run(lambda conn: _load(conn, channel, external_id, group, with_outbox=True), atomic=False)


# The hot statements are built once: building them (ON CONFLICT … excluded especially) cost more
# than running them. Values travel as parameters.
_LOAD = (
    select(U.c.id, *(U.c[c] for c in _USER_COLUMNS), *(D.c[c] for c in _DIALOG_COLUMNS))
    .select_from(U.outerjoin(D, D.c.user_id == U.c.id))
    .where(U.c.channel == bindparam("channel"), U.c.external_id == bindparam("external_id"))
)
_LOAD_TURN = (
    select(U.c.id, *(U.c[c] for c in _USER_COLUMNS), *(D.c[c] for c in _DIALOG_COLUMNS),
           OB.c.replies, OB.c.shown, OB.c.token, OB.c.attempts)
    .select_from(U.outerjoin(D, D.c.user_id == U.c.id).outerjoin(OB, OB.c.user_id == U.c.id))
    .where(U.c.channel == bindparam("channel"), U.c.external_id == bindparam("external_id"))
)  # fmt: skip
_ANSWERS = select(P.c.field_name, P.c.value).where(P.c.user_id == bindparam("uid"))
_REMINDERS = select(R.c.id, R.c.title, R.c.date).where(R.c.user_id == bindparam("uid")).order_by(R.c.date, R.c.id)
_UPDATE_USER = update(U).where(U.c.id == bindparam("uid"))


@cache
def _upserts(dialect: str) -> tuple[Any, Any]:
    """(dialog state upsert, profile answer upsert) for a dialect; both have ON CONFLICT."""
    dialog = insert_for(dialect, D)
    dialog = dialog.on_conflict_do_update(
        index_elements=["user_id"], set_={c: dialog.excluded[c] for c in (*_DIALOG_COLUMNS, "updated_at")}
    )
    answer = insert_for(dialect, P)
    answer = answer.on_conflict_do_update(
        index_elements=["user_id", "field_name"],
        set_={"value": answer.excluded.value, "updated_at": answer.excluded.updated_at},
    )
    return dialog, answer


def _load(
    conn: Connection, channel: str, external_id: str, group: bool = False, with_outbox: bool = False
) -> tuple[UserState, outbox.Pending | None]:
    one = with_outbox and ONE_STATEMENT_ON_POSTGRES and conn.dialect.name == "postgresql"  # storage.turn_pg
    query = turn_pg.load_turn_statement(_USER_COLUMNS, _DIALOG_COLUMNS) if one else _LOAD_TURN if with_outbox else _LOAD
    row = conn.execute(query, {"channel": channel, "external_id": external_id}).first()
    if row is None:
        uid = _create_user(conn, channel, external_id, group)
        return UserState(user_id=uid, muted=group), None
    answers: Any
    if one:
        answers, reminders = _joined(row)
    else:
        answers = conn.execute(_ANSWERS, {"uid": row.id}).all()
        reminders = [OwnReminder(r.title, r.date, r.id) for r in conn.execute(_REMINDERS, {"uid": row.id}).all()]
    return _state_of(row, answers, reminders), _pending_of(row) if with_outbox else None


def _joined(row: Any) -> tuple[list[tuple[str, Any]], list[OwnReminder]]:
    """The answers and reminders load_turn_statement brings along as JSON (storage.turn_pg)."""
    reminders = [OwnReminder(title, day, i) for i, title, day in turn_pg.reminders_of(row.reminders)]
    return turn_pg.answers_of(row.answers), reminders


def _pending_of(row: Any) -> outbox.Pending | None:
    return outbox.pending_from_row(row.replies, row.shown, row.token, row.attempts)


def _state_of(row: Any, answers: Any, reminders: list[OwnReminder]) -> UserState:
    """The state from a loaded row (a SQLAlchemy Row or turn_pg.RowView) and its answers/reminders."""
    return UserState(
        user_id=row.id,
        region=row.region,
        stage=row.stage,
        dialog=row.dialog,
        step=row.step,
        data=dict(row.data or {}),
        version=row.version or 0,
        profile={name: value for name, value in answers},
        reminder_days=list(row.reminder_days or []),
        muted=row.muted,
        snoozed_until=row.snoozed_until,
        checklist={k: list(v) for k, v in (row.checklist or {}).items()},
        seen_notes=dict(row.seen_notes or {}),
        reminders=reminders,
        active=row.active,
    )


def _create_user(conn: Connection, channel: str, external_id: str, group: bool = False) -> int:
    now = utcnow()
    values = dict(
        channel=channel,
        external_id=external_id,
        active=True,
        reminder_days=list(DEFAULT_REMINDER_DAYS),
        muted=group,
        is_group=group,
        checklist={},
        created_at=now,
        updated_at=now,
    )
    stmt = (
        insert_for(conn.dialect.name, U)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["channel", "external_id"])
        .returning(U.c.id)
    )
    # One round trip for a new user (a first message was three statements: load, insert, select).
    inserted = conn.execute(stmt).scalar_one_or_none()
    if inserted is not None:
        return int(inserted)
    # Another process inserted it a moment earlier: the row is there now.
    query = select(U.c.id).where(U.c.channel == channel, U.c.external_id == external_id)
    return int(conn.execute(query).scalar_one())


@dataclass(frozen=True)
class Outgoing:
    """The turn's replies to store with the state (storage.outbox): `shown` is the dialog position
    the user saw before the turn, `due_at` when a sweep may send them if nobody did."""

    replies: list[Reply]
    shown: dict[str, Any] | None
    token: int
    due_at: dt.datetime


def shown_of(state: UserState) -> dict[str, Any]:
    """The dialog position of `state`, as storage.outbox keeps it."""
    return {c: getattr(state, c) for c in outbox.SHOWN_COLUMNS}


async def save_state(
    db: Database, state: UserState, before: UserState | None = None, outgoing: Outgoing | None = None
) -> None:
    """Write the state in one transaction. With `before` (the state as loaded), only what
    changed is written: most turns change the dialog step and one answer, nothing else. With
    `outgoing`, the turn's replies go into the outbox in the same transaction."""
    if state.user_id is None:
        raise ValueError("state has no user id: load it with load_state first")
    if ONE_STATEMENT_ON_POSTGRES and db.is_postgres and before is not None and _adds_only(state, before):
        save = _save_statement(state, before, outgoing)  # one round trip (storage.turn_pg)
        if save is not None:
            await db.run(lambda conn: conn.execute(*save), atomic=False)
        return
    await db.run(lambda conn: _save(conn, state, before, outgoing))


def _adds_only(state: UserState, before: UserState) -> bool:
    """Whether the save only inserts or updates rows (no answer withdrawn, no reminder changed)."""

    def key(s: UserState) -> list[tuple[str, dt.date, int | None]]:
        return [(r.title, r.date, r.id) for r in s.reminders]

    return key(state) == key(before) and not set(before.profile) - set(state.profile)


def _save_statement(state: UserState, before: UserState, outgoing: Outgoing | None) -> Any:
    uid = state.user_id
    assert uid is not None
    user = _values(state, _USER_COLUMNS)
    dialog = _values(state, _DIALOG_COLUMNS)
    answers = {k: v for k, v in state.profile.items() if k not in before.profile or before.profile[k] != v}
    row = None
    if outgoing is not None:
        row = outbox.row_values(outgoing.replies, outgoing.shown, outgoing.token, outgoing.due_at)
    return turn_pg.save_statement(
        uid,
        utcnow(),
        user if user != _values(before, _USER_COLUMNS) else None,
        dialog if dialog != _values(before, _DIALOG_COLUMNS) else None,
        answers,
        row,
    )


def _save(conn: Connection, state: UserState, before: UserState | None, outgoing: Outgoing | None = None) -> None:
    uid = state.user_id
    assert uid is not None
    now = utcnow()
    if before is None or _values(state, _USER_COLUMNS) != _values(before, _USER_COLUMNS):
        conn.execute(_UPDATE_USER, {"uid": uid, **_values(state, _USER_COLUMNS), "updated_at": now})
    if before is None or _values(state, _DIALOG_COLUMNS) != _values(before, _DIALOG_COLUMNS):
        dialog_upsert, _ = _upserts(conn.dialect.name)
        conn.execute(dialog_upsert, {"user_id": uid, **_values(state, _DIALOG_COLUMNS), "updated_at": now})
    _save_profile(conn, uid, state.profile, before.profile if before else None, now)
    _save_reminders(conn, state, before)
    if outgoing is not None:
        outbox.write(conn, uid, outgoing.replies, outgoing.shown, outgoing.token, outgoing.due_at)


def _values(state: UserState, columns: tuple[str, ...]) -> dict[str, Any]:
    return {c: getattr(state, c) for c in columns}


def _save_profile(
    conn: Connection, uid: int, profile: dict[str, Any], old: dict[str, Any] | None, now: dt.datetime
) -> None:
    if old is not None and old == profile:
        return
    old_answers = old or {}
    gone = set(old_answers) - set(profile) if old is not None else None
    if gone is None:  # without the old state, replace all answers
        conn.execute(delete(P).where(P.c.user_id == uid, P.c.field_name.not_in(list(profile) or [""])))
    elif gone:
        conn.execute(delete(P).where(P.c.user_id == uid, P.c.field_name.in_(gone)))
    rows = [
        {"user_id": uid, "field_name": name, "value": value, "updated_at": now}
        for name, value in profile.items()
        if old is None or name not in old_answers or old_answers[name] != value
    ]
    if rows:
        conn.execute(_upserts(conn.dialect.name)[1], rows)


def _save_reminders(conn: Connection, state: UserState, before: UserState | None) -> None:
    def key(s: UserState) -> list[tuple[str, dt.date, int | None]]:
        return [(r.title, r.date, r.id) for r in s.reminders]

    if before is not None and key(before) == key(state):
        return
    uid = state.user_id
    keep = [r.id for r in state.reminders if r.id is not None]
    conn.execute(delete(R).where(R.c.user_id == uid, R.c.id.not_in(keep or [-1])))
    now = utcnow()
    for r in state.reminders:
        if r.id is None:
            inserted = conn.execute(
                insert(R).values(user_id=uid, title=r.title, date=r.date, created_at=now).returning(R.c.id)
            )
            r.id = int(inserted.scalar_one())


async def set_active(db: Database, channel: str, external_id: str, active: bool) -> None:
    async with db.session() as s:
        await s.execute(
            update(User)
            .where(User.channel == channel, User.external_id == external_id)
            .values(active=active, updated_at=utcnow())
        )


async def user_id_of(db: Database, channel: str, external_id: str) -> int | None:
    async with db.session() as s:
        return (
            await s.execute(select(User.id).where(User.channel == channel, User.external_id == external_id))
        ).scalar_one_or_none()


def _row_dict(row: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.model_dump().items():
        out[key] = value.isoformat() if isinstance(value, dt.date | dt.datetime) else value
    return out


async def export_user(db: Database, channel: str, external_id: str) -> dict[str, Any]:
    """Everything stored about the user, as JSON-ready data (for /mydata)."""
    async with db.session() as s:
        user = (
            await s.execute(select(User).where(User.channel == channel, User.external_id == external_id))
        ).scalar_one_or_none()
        if user is None:
            return {}
        out: dict[str, Any] = {"user": _row_dict(user)}
        for table in USER_TABLES:
            rows = (await s.execute(select(table).where(table.user_id == user.id))).scalars()  # type: ignore[attr-defined]
            out[table.__tablename__] = [_row_dict(r) for r in rows]
        return out


async def forget_user(db: Database, channel: str, external_id: str) -> int:
    """Delete the user and every row about them; returns how many rows went."""
    async with db.session() as s:
        uid = (
            await s.execute(select(User.id).where(User.channel == channel, User.external_id == external_id))
        ).scalar_one_or_none()
        if uid is None:
            return 0
        removed = 0
        for table in USER_TABLES:
            result = await s.execute(delete(table).where(table.user_id == uid))  # type: ignore[attr-defined]
            removed += result.rowcount or 0
        result = await s.execute(delete(User).where(User.id == uid))
        return removed + (result.rowcount or 0)
