"""The database schema. Alembic migrations in storage/migrations create and upgrade it; a test
checks that the migrations and these classes agree.

Only what the features need is stored: no names, phone numbers or message texts of users, except
the text of questions the assistant could not answer, linked to who asked only so that /mydata shows
it and /forget deletes it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Column, DateTime, Index, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from core.model import DEFAULT_REMINDER_DAYS


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _ts(**kw: Any) -> Any:
    return Field(sa_column=Column(DateTime(timezone=True), **kw))


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("channel", "external_id", name="uq_users_channel_external"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)  # "telegram" or "terminal"
    external_id: str = Field(max_length=64)  # Telegram chat id, or the terminal profile name
    region: str | None = Field(default=None, max_length=32, index=True)
    stage: str | None = Field(default=None, max_length=32)
    active: bool = True  # false after Telegram said the user blocked the bot
    # A group chat (Telegram): not counted as a user in /stats, never a /broadcast recipient, and
    # created muted (reminders only after a group admin turns them on with /remind there).
    is_group: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()))
    reminder_days: list[int] = Field(default_factory=lambda: list(DEFAULT_REMINDER_DAYS), sa_column=Column(JSON))
    muted: bool = False
    snoozed_until: dt.date | None = None
    checklist: dict[str, list[str]] = Field(default_factory=dict, sa_column=Column(JSON))
    # The governing-text notes (📜) shown in the conversation: {key: ISO time shown} (dialogs/notes_once.py)
    seen_notes: dict[str, str] | None = Field(default_factory=dict, sa_column=Column(JSON, nullable=True))
    created_at: dt.datetime = _ts(nullable=False, default=utcnow)
    updated_at: dt.datetime = _ts(nullable=False, default=utcnow)


class DialogState(SQLModel, table=True):
    __tablename__ = "dialog_states"

    user_id: int = Field(primary_key=True, foreign_key="users.id", ondelete="CASCADE")
    dialog: str | None = Field(default=None, max_length=32)
    step: str | None = Field(default=None, max_length=64)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    version: int = 0
    updated_at: dt.datetime = _ts(nullable=False, default=utcnow)


class ProfileAnswer(SQLModel, table=True):
    """One questionnaire answer; kept across runs so a director is offered it next time."""

    __tablename__ = "profile_answers"

    user_id: int = Field(primary_key=True, foreign_key="users.id", ondelete="CASCADE")
    field_name: str = Field(primary_key=True, max_length=64)
    value: Any = Field(default=None, sa_column=Column(JSON))
    updated_at: dt.datetime = _ts(nullable=False, default=utcnow)


class OwnReminderRow(SQLModel, table=True):
    __tablename__ = "own_reminders"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    title: str = Field(max_length=200)
    date: dt.date
    created_at: dt.datetime = _ts(nullable=False, default=utcnow)


class Nudge(SQLModel, table=True):
    """A reminder planned for one user and one deadline; `key` makes planning idempotent."""

    __tablename__ = "nudges"
    __table_args__ = (
        # The tick looks for pending rows by due time; replanning and the "superseded" check look at
        # one user's deadline. (Single-column indexes on status and user_id made PostgreSQL AND two
        # bitmaps per row: 2–3 s per claim with 30,000 rows, see tests/bench/bench_nudges.py.)
        Index("ix_nudges_status_due_at", "status", "due_at"),
        Index("ix_nudges_user_deadline", "user_id", "deadline_id", "deadline_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    key: str = Field(max_length=200, unique=True)
    deadline_id: str = Field(max_length=100)
    title: str = Field(max_length=200)
    deadline_date: dt.date
    days_before: int = 0
    due_at: dt.datetime = _ts(nullable=False)
    claimed_at: dt.datetime | None = _ts(nullable=True)
    claim_token: str | None = Field(default=None, max_length=64)  # new for every claimed slice
    # The instance that holds the claim (bot.nudges.instance: stable across its restarts), so a
    # restarted instance takes its own dead claims back at once instead of waiting for the lease.
    claimed_by: str | None = Field(default=None, max_length=128)
    sent_at: dt.datetime | None = _ts(nullable=True)
    late: bool = False
    status: str = Field(default="pending", max_length=16)  # pending/sent/dropped/failed
    attempts: int = 0
    last_error: str | None = Field(default=None, max_length=300)


class UnansweredQuestion(SQLModel, table=True):
    """A question declined or answered with low confidence. `user_id` links it to who asked, only
    so that /mydata shows it and /forget deletes it (rows logged before revision 0005, and questions
    from `python -m bot ask`, have none); the admin reports read text, region and candidate only."""

    __tablename__ = "unanswered_questions"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int | None = Field(default=None, foreign_key="users.id", index=True, ondelete="CASCADE")
    text: str = Field(max_length=500)
    region: str | None = Field(default=None, max_length=32)
    best_candidate: str | None = Field(default=None, max_length=100)
    confidence: float = 0.0
    created_at: dt.datetime = _ts(nullable=False, default=utcnow)


class SendPace(SQLModel, table=True):
    """One bot's shared sending pace (bot.pace, PostgreSQL only): the next free send slot, on the
    database server's clock, reserved by every instance before each message."""

    __tablename__ = "send_pace"

    name: str = Field(primary_key=True, max_length=64)
    next_at: dt.datetime = _ts(nullable=False)


class UsageCount(SQLModel, table=True):
    """Anonymous daily counters for /stats (questions asked per region)."""

    __tablename__ = "usage_counts"

    day: dt.date = Field(primary_key=True)
    name: str = Field(primary_key=True, max_length=64)
    count: int = 0


class OutboxRow(SQLModel, table=True):
    """A turn's replies not yet delivered (issue 11 item 1), at most one row per user.

    Written with the new state in the turn's transaction; once Telegram accepted every message it
    becomes a mark (no replies, due never, `shown` with the first delivered message's id), so a row
    with replies means the user has NOT seen them. `shown` is the dialog position (dialog, step,
    data, version, after) the user last saw: the next update is read against it (storage.outbox).
    `token` tells a row from its replacement; `due_at` is when the redelivery sweep may send it;
    `claimed_by` the instance whose sweep is sending it."""

    __tablename__ = "outbox"

    user_id: int = Field(primary_key=True, foreign_key="users.id", ondelete="CASCADE")
    token: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    replies: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    shown: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    attempts: int = 0
    due_at: dt.datetime = _ts(nullable=False, index=True)
    created_at: dt.datetime = _ts(nullable=False, default=utcnow)
    # The instance whose sweep took the row (bot.nudges.instance): a restart of that instance sends
    # it again at once instead of after the sweep's claim (storage.outbox.release_owner).
    claimed_by: str | None = Field(default=None, max_length=128)
