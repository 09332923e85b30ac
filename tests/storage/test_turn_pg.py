"""A turn's load and save (storage.users with storage.turn_pg on PostgreSQL): the same state back
on both backends, and on PostgreSQL one round trip each (issue 11 item 9)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import event

from core.model import Button, OwnReminder, Reply
from storage import outbox, users
from storage.db import Database


class Statements:
    def __init__(self, db: Database) -> None:
        self.seen: list[str] = []
        event.listen(db.engine.sync_engine, "before_cursor_execute", self._record)

    def _record(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        self.seen.append(statement.split()[0].upper())


class DriverStatements:
    """The statements a Database's turn driver (storage.driver, asyncpg) runs."""

    def __init__(self, db: Database) -> None:
        assert db.turn_driver is not None
        self.seen: list[str] = []
        fetchrow = db.turn_driver.fetchrow

        async def counted(sql: str, *args: Any) -> Any:
            self.seen.append(sql.split()[0].upper())
            return await fetchrow(sql, *args)

        db.turn_driver.fetchrow = counted  # type: ignore[method-assign]


ANSWERS: list[dict[str, Any]] = [
    {"open_beds": 30},
    {"open_beds": 30, "bed_use": 0.85, "has_gp": True, "note": "甲级", "none": None},
    {"open_beds": 31, "shares": [1, 2.5, "三"], "nested": {"a": [True, None]}},
]


@pytest.mark.parametrize("answers", ANSWERS, ids=["one", "kinds", "lists"])
async def test_a_turn_saved_and_loaded_gives_the_state_back(db: Database, answers: dict[str, Any]) -> None:
    before, _ = await users.load_turn(db, "telegram", "7")
    state, _ = await users.load_turn(db, "telegram", "7")
    state.region = "jilin"
    state.start("questionnaire", "open_beds", {"answered": ["x"], "mode": "typed"})
    state.profile = dict(answers)
    replies = [Reply("（第 3/10 题）？")]
    shown = users.shown_of(before) | {"after": 5}
    await users.save_state(db, state, before, users.Outgoing(replies, shown, 11, dt.datetime.now(dt.UTC)))
    again, pending = await users.load_turn(db, "telegram", "7")
    assert again == state
    assert pending is not None and pending.token == 11 and pending.replies == replies and pending.shown == shown


async def test_reminders_come_back_by_date_and_withdrawn_answers_are_deleted(db: Database) -> None:
    state = await users.load_state(db, "telegram", "8")
    before = await users.load_state(db, "telegram", "8")
    state.profile = {"a": 1, "b": 2}
    state.reminders += [OwnReminder("后", dt.date(2027, 5, 1)), OwnReminder("前", dt.date(2027, 3, 1))]
    await users.save_state(db, state, before)
    loaded, _ = await users.load_turn(db, "telegram", "8")
    assert [(r.title, r.date) for r in loaded.reminders] == [("前", dt.date(2027, 3, 1)), ("后", dt.date(2027, 5, 1))]
    assert all(r.id is not None for r in loaded.reminders)
    changed, _ = await users.load_turn(db, "telegram", "8")
    changed.profile.pop("a")
    changed.profile["b"] = 3
    await users.save_state(db, changed, loaded)
    last, _ = await users.load_turn(db, "telegram", "8")
    assert last.profile == {"b": 3} and len(last.reminders) == 2


async def test_on_postgresql_a_turn_reads_once_and_writes_once(db: Database) -> None:
    if not db.is_postgres:
        pytest.skip("SQLite makes no round trips")
    await users.load_turn(db, "telegram", "9")  # creates the user
    counted = Statements(db)
    on_driver = DriverStatements(db)
    loaded, _ = await users.load_turn(db, "telegram", "9")
    assert counted.seen == [] and on_driver.seen == ["SELECT"], "the load: one statement, on the driver"
    state, _ = await users.load_turn(db, "telegram", "9")
    state.region = "jilin"
    state.start("questionnaire", "open_beds", {})
    state.profile = {"open_beds": 30, "has_gp": True}
    out = users.Outgoing([Reply("问")], users.shown_of(loaded), outbox.new_token(), dt.datetime.now(dt.UTC))
    counted.seen.clear()
    await users.save_state(db, state, loaded, out)
    assert counted.seen == ["WITH"], counted.seen  # no BEGIN/COMMIT: one statement, atomic on its own
    counted.seen.clear()
    await users.save_state(db, state, state)  # nothing changed: nothing sent
    assert counted.seen == []


@pytest.mark.parametrize("answers", ANSWERS, ids=["one", "kinds", "lists"])
async def test_the_load_on_the_driver_gives_what_sqlalchemy_gives(db: Database, answers: dict[str, Any]) -> None:
    """Every column kind a turn loads (JSON of each shape, dates, timestamps, booleans, the outbox
    row, answers and reminders brought along as JSON) comes back the same from asyncpg as through
    SQLAlchemy's types, and a user seen for the first time is created either way."""
    if not db.is_postgres:
        pytest.skip("SQLite loads through SQLAlchemy only")
    first, pending = await users.load_turn(db, "telegram", "10")  # not stored yet: created
    assert first.user_id is not None and pending is None
    state, _ = await users.load_turn(db, "telegram", "10")
    state.region, state.stage, state.muted = "jilin", "preparing", True
    state.snoozed_until = dt.date(2027, 1, 2)
    state.checklist = {"beds": ["a", "b"]}
    state.seen_notes = {"n1": "2026-12-01"}
    state.start("questionnaire", "open_beds", {"answered": ["x"], "n": 1.5})
    state.profile = dict(answers)
    state.reminders = [OwnReminder("前", dt.date(2027, 3, 1))]
    buttons = ((Button("是", "a:1"), Button("否", "a:0", key="n")),)
    out = users.Outgoing([Reply("问", buttons)], users.shown_of(first), 12, dt.datetime.now(dt.UTC))
    await users.save_state(db, state, None, out)
    on_driver = await users.load_turn(db, "telegram", "10")
    through_sqlalchemy = await db.run(lambda conn: users._load(conn, "telegram", "10", with_outbox=True), atomic=False)
    assert on_driver == through_sqlalchemy
    assert on_driver[0].profile == answers and on_driver[0].snoozed_until == state.snoozed_until
