"""What several subcommands share: the --today flag and the JSON of a governing text."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase
    from knowledge.governing import Governing


def day_or_today(value: str | None) -> dt.date | None:
    """A --today flag: YYYY-MM-DD as given, today in Asia/Shanghai when absent, None when malformed
    (the command then exits 2 with CLI_BAD_DATE)."""
    if value is None:
        from core import clock

        return clock.local_today(clock.now())
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def governing_json(g: Governing, kb: KnowledgeBase) -> dict[str, Any]:
    """Which text governs a point on the day: point id and name, the governing document's id (None
    when no loaded text covers the day), the days it governs, the superseded and silent later
    documents, whom to ask, and the Chinese note the text report shows."""
    from knowledge.texts import governing_note

    window = g.window
    return {
        "region": g.region,
        "point": g.point.id,
        "name": g.point.name,
        "covered": g.covered,
        "document": g.document,
        "from": window.start.isoformat() if window else None,
        "until": window.end.isoformat() if window and window.end else None,
        "superseded": [t.document for t in g.superseded],
        "not_restated_by": list(g.not_restated_by),
        "lapsed": g.lapsed.document if g.lapsed else None,
        "ask": g.ask,
        "note": governing_note(g, kb.catalogue),
    }
