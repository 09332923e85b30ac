"""What nudge rows are: their statuses, the values the other modules pass, and time helpers.

Times are stored in UTC. SQLite keeps no zone, so every time is converted to UTC before it is
written or compared, and read back as UTC."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from storage.tables import Nudge

LEASE = dt.timedelta(minutes=5)  # a claim this old, not marked sent, belongs to a crashed tick
CHUNK = 500  # users per transaction when replanning many
NUDGES = Nudge.__table__

PENDING, SENT, DROPPED, FAILED = "pending", "sent", "dropped", "failed"
REASON_PASSED = "deadline passed"
REASON_SUPERSEDED = "superseded by a nearer reminder"


class PlannedRow(Protocol):
    """What replanning stores (dialogs.nudges.plan.PlannedNudge has these fields)."""

    key: str
    deadline_id: str
    title: str
    deadline_date: dt.date
    days_before: int
    due_at: dt.datetime
    overdue: bool
    catch_up_only: bool  # never inserted; an already stored pending row for it stays


@dataclass(frozen=True)
class ClaimedNudge:
    """A due nudge with what sending it needs: where to (channel, external id) and the user's
    region, stage and checklist for the wording."""

    id: int
    user_id: int
    channel: str
    external_id: str
    region: str | None
    stage: str | None
    checklist: dict[str, list[str]]
    deadline_id: str
    title: str
    deadline_date: dt.date
    days_before: int
    due_at: dt.datetime
    late: bool
    attempts: int
    claim_token: str | None


@dataclass
class ReplanCounts:
    users: int = 0
    inserted: int = 0
    deleted: int = 0
    moved: int = 0

    def add(self, other: ReplanCounts) -> None:
        self.users += other.users
        self.inserted += other.inserted
        self.deleted += other.deleted
        self.moved += other.moved


@dataclass
class StaleCounts:
    passed: int = 0
    superseded: int = 0


@dataclass
class DuePreview:
    due: list[ClaimedNudge] = field(default_factory=list)
    passed: list[ClaimedNudge] = field(default_factory=list)
    superseded: list[ClaimedNudge] = field(default_factory=list)


def as_utc(value: dt.datetime) -> dt.datetime:
    """An aware time in UTC; a naive one (as SQLite returns them) is taken to be UTC already."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def aware_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError("times passed to storage.nudges must be timezone-aware")
    return value.astimezone(dt.UTC)


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
