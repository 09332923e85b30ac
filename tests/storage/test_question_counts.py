"""Question counters (storage.questions): counted in memory, written together by one statement a
few seconds later, before any read and when the database is closed — not a round trip per question
(issue 11 item 9)."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from storage import questions
from storage.db import Database

DAY = dt.date(2026, 3, 10)


def statements(db: Database) -> list[str]:
    seen: list[str] = []
    engines = [db.engine.sync_engine] + ([db._sync_engine] if db._sync_engine is not None else [])
    for engine in engines:
        event.listen(engine, "before_cursor_execute", lambda *a: seen.append(str(a[2])))
    return seen


async def test_many_questions_are_one_write(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(questions, "COUNT_EVERY", 0.2)
    seen = statements(db)
    for region in ("jilin", "jilin", "beijing", None, "jilin"):
        await questions.count_question(db, region, DAY)
    assert seen == [], "a question's turn writes no counter"
    await asyncio.sleep(0.5)
    assert len(seen) == 1, seen
    assert await questions.totals(db, "questions:") == {"questions:jilin": 3, "questions:beijing": 1,
                                                       "questions:none": 1}  # fmt: skip


async def test_a_read_sees_every_count_at_once(db: Database) -> None:
    await questions.count_question(db, "jilin", DAY)
    await questions.count_question(db, "jilin", DAY + dt.timedelta(days=1))
    assert await questions.totals(db, "questions:") == {"questions:jilin": 2}
    await questions.count_question(db, "jilin", DAY)
    assert await questions.totals(db, "questions:jilin") == {"questions:jilin": 3}


async def test_closing_the_database_writes_what_is_still_counted(tmp_path: Path) -> None:
    db = await Database.open(data_dir=tmp_path)
    await questions.count_question(db, "beijing", DAY)
    await db.close()  # a stop, seconds before the write was due
    again = await Database.open(data_dir=tmp_path)
    try:
        assert await questions.totals(again, "questions:") == {"questions:beijing": 1}
    finally:
        await again.close()


async def test_a_failed_write_keeps_the_counts(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    await questions.count_question(db, "jilin", DAY)
    real = db.run

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError("database gone")

    monkeypatch.setattr(db, "run", broken)
    with pytest.raises(OSError):
        await questions.flush_counts(db)
    monkeypatch.setattr(db, "run", real)
    assert await questions.totals(db, "questions:") == {"questions:jilin": 1}
