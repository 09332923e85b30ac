"""A turn's database work on PostgreSQL in as few round trips as it can be (issue 11 item 9).

On one machine every round trip costs CPU on both sides of the socket, and in the bot process
most of it is SQLAlchemy's and asyncpg's own work per statement; a turn used to make about eight
(the user and dialog row, the answers, the reminders; BEGIN, the user, the dialog, the answer and
the outbox row, COMMIT; the outbox mark). Here:

- the load is one SELECT: the answers and reminders come along as JSON arrays (scalar subqueries
  with json_agg), so a turn reads once;
- the save is one statement: each write is a data-modifying CTE of one SELECT, which PostgreSQL
  runs atomically on its own, so it needs no BEGIN/COMMIT either. The CTEs touch different tables
  (PostgreSQL runs them on one snapshot, in no set order, which is only safe so). A save that
  deletes (an answer withdrawn, a reminder changed) keeps the ordinary transaction.

SQLite makes no round trips (a file in the process) and keeps storage.users' statements."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, literal, select, update

from storage.db import insert_for
from storage.driver import DriverPool
from storage.tables import DialogState, OutboxRow, OwnReminderRow, ProfileAnswer, User

U = User.__table__
D = DialogState.__table__
P = ProfileAnswer.__table__
R = OwnReminderRow.__table__
OB = OutboxRow.__table__


@cache
def load_turn_statement(user_columns: tuple[str, ...], dialog_columns: tuple[str, ...]) -> Select[Any]:
    """The user, dialog and outbox row, with `answers` ([[field, value], …]) and `reminders`
    ([[id, title, "YYYY-MM-DD"], …] by date) as JSON, in one SELECT."""
    answers = (
        select(func.json_agg(func.json_build_array(P.c.field_name, P.c.value)))
        .where(P.c.user_id == U.c.id)
        .scalar_subquery()
    )
    reminders = (
        select(func.json_agg(aggregate_order_by(func.json_build_array(R.c.id, R.c.title, R.c.date), R.c.date, R.c.id)))
        .where(R.c.user_id == U.c.id)
        .scalar_subquery()
    )
    return (
        select(
            U.c.id, *(U.c[c] for c in user_columns), *(D.c[c] for c in dialog_columns),
            OB.c.replies, OB.c.shown, OB.c.token, OB.c.attempts,
            answers.label("answers"), reminders.label("reminders"),
        )
        .select_from(U.outerjoin(D, D.c.user_id == U.c.id).outerjoin(OB, OB.c.user_id == U.c.id))
        .where(U.c.channel == bindparam("channel"), U.c.external_id == bindparam("external_id"))
    )  # fmt: skip


@cache
def _load_turn_sql(user_columns: tuple[str, ...], dialog_columns: tuple[str, ...]) -> str:
    """load_turn_statement as asyncpg's SQL ($1 channel, $2 external_id), compiled once."""
    from sqlalchemy.dialects.postgresql import asyncpg as pg_asyncpg

    compiled = load_turn_statement(user_columns, dialog_columns).compile(dialect=pg_asyncpg.dialect())
    assert compiled.positiontup == ["channel", "external_id"], compiled.positiontup
    return str(compiled)


class RowView:
    """An asyncpg Record read by attribute, as a SQLAlchemy Row is (storage.users reads both)."""

    __slots__ = ("_record",)

    def __init__(self, record: Any) -> None:
        self._record = record

    def __getattr__(self, name: str) -> Any:
        try:
            return self._record[name]
        except KeyError:
            raise AttributeError(name) from None


async def load_turn_row(
    driver: DriverPool, user_columns: tuple[str, ...], dialog_columns: tuple[str, ...], channel: str, external_id: str
) -> RowView | None:
    """load_turn_statement's row on the driver (asyncpg, autocommit), None for a user not stored yet.
    Through SQLAlchemy's asyncio layer the one statement of a question's turn paid a greenlet, a
    pool checkout with the isolation level set and reset, and result wrapping: 805 µs of the bot's
    CPU against SQLite's 611 (README, seventh session); this is the statement every turn makes."""
    record = await driver.fetchrow(_load_turn_sql(user_columns, dialog_columns), channel, external_id)
    return None if record is None else RowView(record)


def aggregate_order_by(target: Any, *order: Any) -> Any:
    from sqlalchemy.dialects.postgresql import aggregate_order_by as pg_order_by

    return pg_order_by(target, *order)


def answers_of(value: Any) -> list[tuple[str, Any]]:
    """The `answers` column of load_turn_statement as (field, value) pairs."""
    return [(name, answer) for name, answer in _json(value) or []]


def reminders_of(value: Any) -> list[tuple[int, str, dt.date]]:
    """The `reminders` column of load_turn_statement as (id, title, date), by date."""
    return [(int(i), title, dt.date.fromisoformat(day)) for i, title, day in _json(value) or []]


def _json(value: Any) -> Any:
    if isinstance(value, str):  # a driver without a json codec hands the text over
        import json

        return json.loads(value)
    return value


def save_statement(
    uid: int,
    now: dt.datetime,
    user_values: dict[str, Any] | None,
    dialog_values: dict[str, Any] | None,
    answers: dict[str, Any],
    outbox_values: dict[str, Any] | None,
) -> tuple[Any, dict[str, Any]] | None:
    """One statement writing what changed — the user row, the dialog row, new or changed answers,
    the outbox row (storage.outbox.row_values) — and its parameters; None when nothing changed.
    The statement is built once per shape (which parts, how many answers) and its values travel
    as parameters: building and keying a statement costs more than running it."""
    shape = (
        tuple(user_values or ()),
        tuple(dialog_values or ()),
        len(answers),
        tuple(outbox_values or ()),
    )
    if not any(shape):
        return None
    params: dict[str, Any] = {"uid": uid, "now": now}
    params.update({f"u_{k}": v for k, v in (user_values or {}).items()})
    params.update({f"d_{k}": v for k, v in (dialog_values or {}).items()})
    for i, (name, value) in enumerate(answers.items()):
        params[f"a{i}_name"], params[f"a{i}_value"] = name, value
    params.update({f"o_{k}": v for k, v in (outbox_values or {}).items()})
    return _save_construct(*shape), params


def _bind(table: Any, prefix: str, columns: tuple[str, ...]) -> dict[str, Any]:
    return {c: bindparam(f"{prefix}{c}", type_=table.c[c].type) for c in columns}


@cache
def _save_construct(
    user_columns: tuple[str, ...], dialog_columns: tuple[str, ...], answers: int, outbox_columns: tuple[str, ...]
) -> Any:
    uid, now = bindparam("uid"), bindparam("now", type_=U.c.updated_at.type)
    ctes = []
    if user_columns:
        values = {**_bind(U, "u_", user_columns), "updated_at": now}
        ctes.append(update(U).where(U.c.id == uid).values(values).cte("u"))
    if dialog_columns:
        dialog = insert_for("postgresql", D).values(user_id=uid, updated_at=now, **_bind(D, "d_", dialog_columns))
        keep = {c: dialog.excluded[c] for c in (*dialog_columns, "updated_at")}
        ctes.append(dialog.on_conflict_do_update(index_elements=["user_id"], set_=keep).cte("d"))
    if answers:
        rows = [
            {
                "user_id": uid,
                "field_name": bindparam(f"a{i}_name", type_=P.c.field_name.type),
                "value": bindparam(f"a{i}_value", type_=P.c.value.type),
                "updated_at": now,
            }
            for i in range(answers)
        ]
        answer = insert_for("postgresql", P).values(rows)
        keep = {"value": answer.excluded.value, "updated_at": answer.excluded.updated_at}
        ctes.append(answer.on_conflict_do_update(index_elements=["user_id", "field_name"], set_=keep).cte("p"))
    if outbox_columns:
        row = insert_for("postgresql", OB).values(user_id=uid, **_bind(OB, "o_", outbox_columns))
        keep = {c: row.excluded[c] for c in outbox_columns}
        ctes.append(row.on_conflict_do_update(index_elements=["user_id"], set_=keep).cte("o"))
    return select(literal(1)).add_cte(*ctes)
