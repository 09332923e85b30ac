"""storage.db opens a database already at the newest revision without alembic (issue 12, cold
start of `python -m bot ask`), and still migrates one that is behind or new."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import Connection, inspect, text

from storage import db as storage_db
from storage.db import Database, alembic_config, head_revision

ROOT = Path(__file__).resolve().parents[2]


def test_head_revision_is_alembics() -> None:
    from alembic.script import ScriptDirectory

    assert [head_revision()] == ScriptDirectory.from_config(alembic_config()).get_heads()


async def test_a_new_database_is_migrated_to_head(db: Database) -> None:
    async with db.engine.connect() as conn:
        versions = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalars().all()
    assert versions == [head_revision()]


async def test_a_database_behind_is_migrated(tmp_path: Path, monkeypatch) -> None:
    """A database at an older revision (a bot upgraded): the scripts after it run on opening."""
    first = await Database.open(data_dir=tmp_path)
    await first.close()
    calls: list[object] = []
    upgrade = storage_db._upgrade_to_head
    monkeypatch.setattr(storage_db, "_upgrade_to_head", lambda conn: (calls.append(conn), upgrade(conn)))
    again = await Database.open(data_dir=tmp_path)
    assert calls == []  # at head: only read
    async with again.engine.begin() as conn:
        await conn.run_sync(_down_one)
    await again.close()
    behind = await Database.open(data_dir=tmp_path)
    assert len(calls) == 1
    async with behind.engine.connect() as conn:
        assert (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar() == head_revision()
        assert "claimed_by" in await conn.run_sync(lambda c: {col["name"] for col in inspect(c).get_columns("outbox")})
    await behind.close()


def _down_one(sync_conn: Connection) -> None:
    from alembic import command

    command.downgrade(alembic_config(sync_conn), "-1")


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    code = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from storage.db import Database\n"
        "async def main():\n"
        f"    db = await Database.open(data_dir=Path({str(tmp_path)!r}))\n"
        "    await db.close()\n"
        "asyncio.run(main())\n"
        "asyncio.run(main())\n"
        "print('alembic' in sys.modules)\n"
    )
    # The first open migrates (alembic); a second process only reads the version.
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "False"
