"""Effects: what a pure dialog cannot do itself and asks the shell to carry out (bot/effects.py
holds one handler per type). Admin effects are carried out only after the shell has checked, at
that moment, that the sender is still an admin."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LogUnanswered:
    """Keep a declined or low-confidence question (stored with the asker's user id, so /mydata shows it
    and /forget deletes it)."""

    text: str
    region: str | None
    best_candidate: str | None
    confidence: float


@dataclass(frozen=True)
class CountQuestion:
    """Count one question for /stats (per region, per day; anonymous)."""

    region: str | None


@dataclass(frozen=True)
class ExportMyData:
    """Send the user everything stored about them (the shell reads storage)."""


@dataclass(frozen=True)
class ForgetMe:
    """Delete everything stored about the user (after they confirmed)."""


@dataclass(frozen=True)
class ReplanNudges:
    """Region, stage, reminder settings or own reminders changed: recompute future nudges."""


@dataclass(frozen=True)
class ShowStats:
    """Admin: read the usage figures and show them."""


@dataclass(frozen=True)
class ReloadKnowledge:
    """Admin: load and check the knowledge base again, and swap it in if it is sound."""


@dataclass(frozen=True)
class Broadcast:
    """Admin: send `text` to every active user of `region` ("all" for everyone)."""

    region: str
    text: str


AdminEffect = ShowStats | ReloadKnowledge | Broadcast
UserEffect = LogUnanswered | CountQuestion | ExportMyData | ForgetMe | ReplanNudges
Effect = UserEffect | AdminEffect
