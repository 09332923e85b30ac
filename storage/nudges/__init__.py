"""Nudge rows: storing a user's planned reminders (planning.py), claiming due ones for a tick
(claims.py), and recording what happened to them (outcomes.py); the row values in rows.py.

Exactly-once as far as a network allows: replanning is idempotent through each row's key, a claim
carries a token, its instance and a lease renewed right before each send, and a row is sent only
by the holder of its claim.
"""

from storage.nudges.claims import claim_due, drop_stale, preview_due
from storage.nudges.outcomes import (
    drop,
    mark_failed,
    mark_sent,
    purge_finished,
    release,
    release_owner,
    renew,
    status_counts,
    user_nudges,
)
from storage.nudges.planning import planning_states, replace_future_nudges, replace_many
from storage.nudges.rows import (
    DROPPED,
    FAILED,
    LEASE,
    PENDING,
    REASON_PASSED,
    REASON_SUPERSEDED,
    SENT,
    ClaimedNudge,
    DuePreview,
    PlannedRow,
    ReplanCounts,
    StaleCounts,
    as_utc,
)
from storage.tables import Nudge

__all__ = [
    "DROPPED",
    "FAILED",
    "LEASE",
    "PENDING",
    "REASON_PASSED",
    "REASON_SUPERSEDED",
    "SENT",
    "ClaimedNudge",
    "DuePreview",
    "Nudge",
    "PlannedRow",
    "ReplanCounts",
    "StaleCounts",
    "as_utc",
    "claim_due",
    "drop",
    "drop_stale",
    "mark_failed",
    "mark_sent",
    "planning_states",
    "preview_due",
    "purge_finished",
    "release",
    "release_owner",
    "renew",
    "replace_future_nudges",
    "replace_many",
    "status_counts",
    "user_nudges",
]
