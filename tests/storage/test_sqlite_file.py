"""storage.sqlite_file: `python -m bot ask` logs a declined question with sqlite3 (issue 12, cold
start); the row must be the one storage.questions.log_unanswered writes, read back alike, and
nothing is written to a file that is not at the newest revision."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from storage import questions
from storage.db import Database
from storage.sqlite_file import SQLITE_FILE, log_unanswered_quickly, unanswered_row

COLUMNS = "user_id, text, region, best_candidate, confidence, typeof(created_at), length(created_at)"


def _raw(folder: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(folder / SQLITE_FILE) as conn:
        return conn.execute(f"SELECT {COLUMNS} FROM unanswered_questions ORDER BY id").fetchall()


async def test_the_quick_row_is_the_usual_row(tmp_path: Path) -> None:
    slow, quick = tmp_path / "slow", tmp_path / "quick"
    for folder in (slow, quick):
        await (await Database.open(data_dir=folder)).close()
    db = await Database.open(data_dir=slow)
    await questions.log_unanswered(db, "护士工资什么时候涨" * 100, "beijing", "beijing-x", 0.123456)
    await db.close()
    now = dt.datetime.now(dt.UTC)
    row = unanswered_row("护士工资什么时候涨" * 100, "beijing", "beijing-x", 0.123456, None, now)
    assert log_unanswered_quickly(quick, [row]) is True
    assert _raw(quick) == _raw(slow)
    db = await Database.open(data_dir=quick)
    [back] = await questions.list_unanswered(db)
    await db.close()
    assert (back.text, back.region, back.best_candidate, back.confidence) == (
        ("护士工资什么时候涨" * 100)[: questions.MAX_LOGGED_CHARS],
        "beijing",
        "beijing-x",
        0.1235,
    )
    assert back.created_at == now.replace(tzinfo=None)  # SQLite keeps the UTC time without its zone


def test_nothing_is_written_to_a_missing_file(tmp_path: Path) -> None:
    row = unanswered_row("问题", None, None, 0.1, None, dt.datetime.now(dt.UTC))
    assert log_unanswered_quickly(tmp_path, [row]) is False
    assert not (tmp_path / SQLITE_FILE).exists()


def test_nothing_is_written_to_a_file_without_the_schema(tmp_path: Path) -> None:
    sqlite3.connect(tmp_path / SQLITE_FILE).close()
    row = unanswered_row("问题", None, None, 0.1, None, dt.datetime.now(dt.UTC))
    assert log_unanswered_quickly(tmp_path, [row]) is False


async def test_nothing_is_written_to_a_file_behind(tmp_path: Path) -> None:
    await (await Database.open(data_dir=tmp_path)).close()
    with sqlite3.connect(tmp_path / SQLITE_FILE) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    row = unanswered_row("问题", None, None, 0.1, None, dt.datetime.now(dt.UTC))
    assert log_unanswered_quickly(tmp_path, [row]) is False
    with sqlite3.connect(tmp_path / SQLITE_FILE) as conn:
        assert conn.execute("SELECT count(*) FROM unanswered_questions").fetchone() == (0,)


async def test_the_file_stays_private(tmp_path: Path) -> None:
    await (await Database.open(data_dir=tmp_path)).close()
    (tmp_path / SQLITE_FILE).chmod(0o644)
    row = unanswered_row("问题", None, None, 0.1, None, dt.datetime.now(dt.UTC))
    assert log_unanswered_quickly(tmp_path, [row]) is True
    assert os.stat(tmp_path / SQLITE_FILE).st_mode & 0o077 == 0
