"""Privacy of what is stored (issue 11 item 8): the user's own declined questions are in /mydata and
go with /forget; the SQLite folder and files are private to the bot's user whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from bot.effects import EFFECT_HANDLERS, EffectContext
from core.clock import now
from core.effects import LogUnanswered
from knowledge.base import KnowledgeBase
from storage import questions, users
from storage.db import Database
from tests.support.databases import count_rows_for


async def test_a_users_declined_questions_are_exported_and_forgotten(db: Database, kb: KnowledgeBase) -> None:
    asker = await users.load_state(db, "telegram", "41")
    other = await users.load_state(db, "telegram", "42")
    await users.save_state(db, asker)
    await users.save_state(db, other)
    # through the effect handler, as a turn logs it
    ctx = EffectContext(db, kb, "telegram", "41", asker, now())
    await EFFECT_HANDLERS[LogUnanswered](ctx, LogUnanswered("明天天气怎么样", "jilin", None, 0.1))
    await questions.log_unanswered(db, "别人的问题", None, None, 0.2, user_id=other.user_id)
    await questions.log_unanswered(db, "命令行里问的", None, None, 0.2)  # `bot ask`: nobody's

    exported = await users.export_user(db, "telegram", "41")
    assert [r["text"] for r in exported["unanswered_questions"]] == ["明天天气怎么样"]

    assert asker.user_id is not None
    await users.forget_user(db, "telegram", "41")
    assert await count_rows_for(db, asker.user_id) == 0
    left = sorted(r.text for r in await questions.list_unanswered(db))
    assert left == sorted(["别人的问题", "命令行里问的"]), "only the forgotten user's questions go"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_sqlite_folder_and_files_are_private_whatever_the_umask(tmp_path: Path) -> None:
    data = tmp_path / "data"
    old = os.umask(0o022)
    try:
        db = await Database.open(data_dir=data)
        try:
            await users.save_state(db, await users.load_state(db, "terminal", "me"))  # WAL and SHM exist
            files = {p.name: _mode(p) for p in data.iterdir() if p.name.startswith("assistant.sqlite3")}
        finally:
            await db.close()
    finally:
        os.umask(old)
    assert _mode(data) == 0o700
    assert {"assistant.sqlite3", "assistant.sqlite3-wal", "assistant.sqlite3-shm"} <= set(files)
    assert set(files.values()) == {0o600}, files


async def test_an_existing_loose_database_is_tightened(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    (data / "assistant.sqlite3").touch(mode=0o644)
    os.chmod(data, 0o755)
    os.chmod(data / "assistant.sqlite3", 0o644)
    db = await Database.open(data_dir=data)
    await db.close()
    assert (_mode(data), _mode(data / "assistant.sqlite3")) == (0o700, 0o600)
