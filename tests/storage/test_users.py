import datetime as dt

from sqlalchemy import event, inspect

from core.model import OwnReminder
from storage import questions, users
from storage.db import Database
from storage.tables import SQLModel
from tests.support.databases import count_rows_for


async def test_first_load_creates_user_and_roundtrips_state(db: Database) -> None:
    state = await users.load_state(db, "telegram", "42")
    assert state.user_id is not None and state.region is None and state.dialog is None
    before = await users.load_state(db, "telegram", "42")
    state.region, state.stage = "jilin", "apply"
    state.start("questionnaire", "open_beds", {"asked": ["x"]})
    state.profile = {"open_beds": 30, "local_government_support": True}
    state.reminders.append(OwnReminder("自评完成", dt.date(2027, 3, 15)))
    state.checklist = {"apply": ["form"]}
    state.seen_notes = {"c6aa765b4bad5d97": "2026-03-10T10:00:00+08:00"}  # 📜 shown (N16)
    await users.save_state(db, state, before)

    again = await users.load_state(db, "telegram", "42")
    assert again.user_id == state.user_id
    assert (again.region, again.stage, again.dialog, again.step) == ("jilin", "apply", "questionnaire", "open_beds")
    assert again.data == {"asked": ["x"]} and again.version == 1
    assert again.profile == {"open_beds": 30, "local_government_support": True}
    assert [(r.title, r.date) for r in again.reminders] == [("自评完成", dt.date(2027, 3, 15))]
    assert again.checklist == {"apply": ["form"]}
    assert again.seen_notes == {"c6aa765b4bad5d97": "2026-03-10T10:00:00+08:00"}

    # removing a profile answer and a reminder is persisted too
    again.profile.pop("open_beds")
    again.reminders.clear()
    await users.save_state(db, again, await users.load_state(db, "telegram", "42"))
    third = await users.load_state(db, "telegram", "42")
    assert third.profile == {"local_government_support": True} and third.reminders == []


async def test_channels_are_separate_users(db: Database) -> None:
    a = await users.load_state(db, "telegram", "1")
    b = await users.load_state(db, "terminal", "1")
    assert a.user_id != b.user_id


async def test_forget_deletes_every_row_and_export_shows_them(db: Database) -> None:
    state = await users.load_state(db, "telegram", "7")
    state.region = "beijing"
    state.profile = {"open_beds": 12}
    state.reminders.append(OwnReminder("x", dt.date(2027, 1, 1)))
    await users.save_state(db, state)
    exported = await users.export_user(db, "telegram", "7")
    assert exported["user"]["region"] == "beijing"
    assert exported["profile_answers"][0]["value"] == 12
    assert await count_rows_for(db, state.user_id) == 4  # user, dialog state, answer, reminder
    removed = await users.forget_user(db, "telegram", "7")
    assert removed == 4
    assert await count_rows_for(db, state.user_id) == 0
    assert await users.export_user(db, "telegram", "7") == {}


async def test_unanswered_log_and_counters(db: Database) -> None:
    await questions.log_unanswered(db, "停车位要多少" * 200, "jilin", None, 0.12)
    rows = await questions.list_unanswered(db)
    assert len(rows) == 1 and len(rows[0].text) == questions.MAX_LOGGED_CHARS
    await questions.bump(db, "questions:jilin", dt.date(2026, 1, 1))
    await questions.bump(db, "questions:jilin", dt.date(2026, 1, 1), by=2)
    await questions.bump(db, "questions:beijing", dt.date(2026, 1, 2))
    assert await questions.totals(db, "questions:") == {"questions:jilin": 3, "questions:beijing": 1}


async def test_migrations_match_the_tables(db: Database) -> None:
    """Every table and column of storage/tables.py exists after migrating, and nothing is pending."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    def diff(sync_conn):  # type: ignore[no-untyped-def]
        ctx = MigrationContext.configure(sync_conn, opts={"compare_type": False})
        return compare_metadata(ctx, SQLModel.metadata)

    def names(sync_conn):  # type: ignore[no-untyped-def]
        return set(inspect(sync_conn).get_table_names())

    async with db.engine.connect() as conn:
        assert await conn.run_sync(diff) == []
        assert set(SQLModel.metadata.tables) <= await conn.run_sync(names)


async def test_reopening_an_existing_database_is_harmless(tmp_path) -> None:
    first = await Database.open(data_dir=tmp_path)
    s = await users.load_state(first, "terminal", "me")
    s.region = "jilin"
    await users.save_state(first, s)
    await first.close()
    second = await Database.open(data_dir=tmp_path)
    assert (await users.load_state(second, "terminal", "me")).region == "jilin"
    await second.close()


async def test_a_new_users_first_turn_creates_them_in_one_statement(db: Database) -> None:
    """A first message: the load finds nobody, one INSERT … RETURNING creates the user (it was an
    INSERT and a SELECT: a round trip more in every new director's first turn)."""
    seen: list[str] = []
    engines = [db.engine.sync_engine] + ([db._sync_engine] if db._sync_engine is not None else [])
    for engine in engines:
        event.listen(engine, "before_cursor_execute", lambda *a: seen.append(str(a[2]).split()[0]))
    state, pending = await users.load_turn(db, "telegram", "new-1")
    assert state.user_id is not None and pending is None
    assert seen == ["SELECT", "INSERT"], seen
    seen.clear()
    again, _ = await users.load_turn(db, "telegram", "new-1")
    assert again.user_id == state.user_id and "INSERT" not in seen


async def test_a_user_created_meanwhile_by_another_process_is_found(db: Database) -> None:
    first = await users.load_state(db, "telegram", "new-2")
    # The load missed the row, then another process inserted it: the INSERT finds the conflict.
    created = await db.run(lambda conn: users._create_user(conn, "telegram", "new-2"), atomic=False)
    assert created == first.user_id
