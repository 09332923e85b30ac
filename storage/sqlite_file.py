"""The SQLite file in the data directory, without SQLAlchemy: its private modes, its pragmas, the
newest schema revision, and the one write `python -m bot ask` makes (a declined question logged).

`python -m bot ask` is started once per question by scripts; importing SQLAlchemy and the tables to
log one row cost it about 0.6 s (issue 12, cold start). With the standard library's sqlite3 the row
is written in a few milliseconds, when the file is already at the newest revision; otherwise the
caller opens the database the usual way (storage.db.Database.open migrates it). storage.db uses
the helpers here too, so both ways open the file alike.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import Any

SQLITE_FILE = "assistant.sqlite3"
MIGRATIONS = Path(__file__).parent / "migrations"
MAX_LOGGED_CHARS = 500
BUSY_TIMEOUT_MS = 5000
# SQLAlchemy's DateTime on SQLite stores this text (no zone: the values are UTC).
_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)
_INSERT_UNANSWERED = (
    "INSERT INTO unanswered_questions (user_id, text, region, best_candidate, confidence, created_at) "
    "VALUES (:user_id, :text, :region, :best_candidate, :confidence, :created_at)"
)


def private_sqlite_file(folder: Path) -> Path:
    """The SQLite file in `folder`, made private to the bot's user whatever the umask: the folder
    0700 (created if missing), the file created 0600 if missing. SQLite gives its -wal and -shm files
    the database file's mode, so they are 0600 too. Existing files are tightened the same way (when
    the bot's user owns them). Raises OSError when the folder cannot be created."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / SQLITE_FILE
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for item, mode in ((folder, 0o700), (path, 0o600)):
        if item.stat().st_uid == os.getuid() and item.stat().st_mode & 0o077:
            item.chmod(mode)
    for suffix in ("-wal", "-shm"):
        side = folder / f"{SQLITE_FILE}{suffix}"
        if side.exists() and side.stat().st_uid == os.getuid():
            side.chmod(0o600)
    return path


def sqlite_pragmas(dbapi_conn: Any, _record: Any = None) -> None:
    """Every connection to the file: WAL lets readers run beside the single writer; foreign keys
    make /forget's cascade real."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


@cache
def head_revision() -> str | None:
    """The newest revision of storage/migrations/versions, read from the scripts' `revision =` and
    `down_revision =` lines as alembic reads them (one chain): the revision no script follows; None
    when there is not exactly one. tests/storage/test_migrations_head.py holds it equal to
    alembic's own answer."""
    revisions: set[str] = set()
    followed: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            ids = set(re.findall(r"[\"']([^\"']+)[\"']", value))
            (revisions if name == "revision" else followed).update(ids)
    heads = revisions - followed
    return heads.pop() if len(heads) == 1 else None


def unanswered_row(
    text: str, region: str | None, best_candidate: str | None, confidence: float, user_id: int | None, now: dt.datetime
) -> dict[str, Any]:
    """The unanswered_questions row of a declined or low-confidence question (text cut to
    MAX_LOGGED_CHARS, confidence to 4 places): storage.questions.log_unanswered writes the same."""
    return {
        "user_id": user_id,
        "text": text[:MAX_LOGGED_CHARS],
        "region": region,
        "best_candidate": best_candidate,
        "confidence": round(float(confidence), 4),
        "created_at": now,
    }


def log_unanswered_quickly(folder: Path, rows: list[dict[str, Any]]) -> bool:
    """Write unanswered_row()s to the SQLite file in `folder` in one transaction, if the file is
    already at the newest revision; False (nothing written) when it is not, or holds no schema."""
    path = folder / SQLITE_FILE
    head = head_revision()
    if head is None or not path.exists():
        return False
    private_sqlite_file(folder)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        sqlite_pragmas(conn)
        with conn:
            try:
                versions = {v for (v,) in conn.execute("SELECT version_num FROM alembic_version")}
            except sqlite3.OperationalError:  # no alembic_version: a file never migrated
                return False
            if versions != {head}:
                return False
            conn.executemany(
                _INSERT_UNANSWERED,
                [{**row, "created_at": row["created_at"].strftime(_SQLITE_DATETIME)} for row in rows],
            )
        return True
    finally:
        conn.close()
