"""Replacing the knowledge base of a running assistant (/reload), only if the new one is sound.

The new knowledge base is loaded and checked in a worker thread (loading the index takes a few
seconds of CPU), with the same checks as `python -m bot kb check`. On any fault the assistant keeps
the knowledge base it has, so a typo in a YAML file cannot take answers away from users."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.nudges.replan import replan_all
from bot.turn import Assistant
from core import clock
from dialogs.texts import admin as T
from knowledge.base import KnowledgeBase

log = logging.getLogger(__name__)


@dataclass
class ReloadResult:
    ok: bool
    faults: list[str] = field(default_factory=list)
    entries: int = 0
    replanned: int = 0  # users whose reminders were replanned for the new calendars


def _load_and_check(loader: Callable[[], KnowledgeBase]) -> tuple[KnowledgeBase | None, list[str], int]:
    from knowledge.check import run_checks

    try:
        kb = loader()
        faults = run_checks(kb)
        if faults:
            return None, faults, 0
        # Build what the first question needs now, not in front of a waiting user.
        _ = kb.index
        entries = len(kb.faq)
    except Exception as exc:  # any fault keeps the old knowledge base; the admin reads why
        return None, [T.RELOAD_LOAD_ERROR.format(kind=type(exc).__name__, detail=str(exc)[:200])], 0
    return kb, [], entries


async def reload_knowledge(
    assistant: Assistant, loader: Callable[[], KnowledgeBase], now: dt.datetime | None = None
) -> ReloadResult:
    kb, faults, entries = await asyncio.to_thread(_load_and_check, loader)
    if kb is None:
        log.warning("knowledge reload refused: %d fault(s)", len(faults))
        return ReloadResult(False, faults)
    assistant.kb = kb
    log.info("knowledge base reloaded: %d entries", entries)
    result = ReloadResult(True, [], entries)
    # Deadlines may have moved in the new calendars: every user's future reminders follow them.
    counts = await replan_all(assistant.db, kb, now or clock.now())
    result.replanned = counts.users
    return result
