"""The databases a scenario runs against: SQLite in the bot's DATA_DIR, or a PostgreSQL database of
its own (CREATE DATABASE chaos_<random> on the server given by --database-url or TEST_DATABASE_URL,
dropped at the end), and the harness's own reads and writes of it (seeding users and reminders,
reading back answers, nudge rows and the unanswered log) through the project's storage API."""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bot.nudges.replan import replan_all
from core.clock import SHANGHAI
from core.model import OwnReminder
from dialogs.nudges.plan import LATE_AFTER
from knowledge.base import KnowledgeBase
from storage import nudges as store
from storage import users
from storage.db import Database, database_url
from storage.tables import Nudge, UnansweredQuestion, User


@dataclass
class Backend:
    kind: str  # "sqlite" or "postgres"
    data_dir: Path
    url: str | None  # DATABASE_URL for the bot; None for SQLite in DATA_DIR

    def env(self) -> dict[str, str]:
        """DATA_DIR and, for PostgreSQL, DATABASE_URL for the bot process."""
        out = {"DATA_DIR": str(self.data_dir)}
        if self.url:
            out["DATABASE_URL"] = self.url
        return out

    @asynccontextmanager
    async def open(self) -> AsyncIterator[Database]:
        """The harness's own connection to the same database (migrated like the bot's)."""
        db = await Database.open(self.url, self.data_dir)
        try:
            yield db
        finally:
            await db.close()


@asynccontextmanager
async def backend(kind: str, workdir: Path, pg_admin_url: str | None) -> AsyncIterator[Backend]:
    """A fresh, empty database of `kind`; PostgreSQL ones are dropped on leaving."""
    data_dir = workdir / "data"
    if kind == "sqlite":
        yield Backend("sqlite", data_dir, None)
        return
    if not pg_admin_url:
        raise RuntimeError("PostgreSQL scenarios need --database-url or TEST_DATABASE_URL")
    name = f"chaos_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(database_url(pg_admin_url), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
        try:
            yield Backend("postgres", data_dir, url)
        finally:
            async with admin.connect() as conn:
                await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


# --- seeding ------------------------------------------------------------------------------------


async def seed_reminders(
    db: Database, kb: KnowledgeBase, chat_ids: list[int], per_user: int, bot_now: dt.datetime
) -> dict[str, int]:
    """Give every chat `per_user` own reminders dated today with a 1-day lead, so each is overdue,
    hence due at once (and flagged late), then plan them with the project's own planner. Returns
    {reminder code: chat id}; the code is the reminder's title and appears in the message."""
    today = bot_now.astimezone(SHANGHAI).date()
    codes: dict[str, int] = {}
    for chat in chat_ids:
        before = await users.load_state(db, "telegram", str(chat))
        state = copy.deepcopy(before)
        state.reminder_days = [1]
        state.reminders = []
        for k in range(per_user):
            code = f"R{chat % 100000:05d}x{k}"
            state.reminders.append(OwnReminder(f"自评材料{code}", today, None))
            codes[code] = chat
        await users.save_state(db, state, before)
    await replan_all(db, kb, bot_now)
    preview = await store.preview_due(db, bot_now, limit=len(codes) + 10, channel="telegram", late_after=LATE_AFTER)
    if len(preview.due) != len(codes):
        raise RuntimeError(f"seeded {len(codes)} reminders but {len(preview.due)} are due at {bot_now}")
    return codes


# --- reading ------------------------------------------------------------------------------------


async def profiles(db: Database, chat_ids: list[int]) -> dict[int, dict[str, Any]]:
    """{chat id: the stored questionnaire profile (field -> value)}."""
    out: dict[int, dict[str, Any]] = {}
    for chat in chat_ids:
        out[chat] = dict((await users.load_state(db, "telegram", str(chat))).profile)
    return out


async def nudge_rows(db: Database) -> list[dict[str, Any]]:
    """Every nudge row with its status, claim and the user's chat id, as dicts."""
    async with db.session() as s:
        rows = await s.execute(
            select(
                Nudge.id, Nudge.title, Nudge.status, Nudge.claim_token, Nudge.claimed_at, Nudge.claimed_by,
                User.external_id,
            ).join(User, User.id == Nudge.user_id)
        )
        return [dict(r._mapping) for r in rows]


async def unanswered_texts(db: Database) -> list[str]:
    """The texts of the unanswered-question log (all users' rows)."""
    async with db.session() as s:
        return list((await s.execute(select(UnansweredQuestion.text))).scalars())


async def is_active(db: Database, chat_id: int) -> bool | None:
    """Whether the bot still treats the chat's user as reachable; None if unknown."""
    async with db.session() as s:
        return (
            await s.execute(select(User.active).where(User.channel == "telegram", User.external_id == str(chat_id)))
        ).scalar_one_or_none()
