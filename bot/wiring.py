"""Building the Assistant that every front end uses, with the hooks features register.

The one place where feature hooks (nudge replanning, what the terminal shows on opening) are
attached, so the terminal chat, Telegram and the tests get the same wiring."""

from __future__ import annotations

from bot import nudges
from bot.service import Assistant
from knowledge.base import KnowledgeBase
from storage.db import Database


def build_assistant(db: Database, kb: KnowledgeBase, channel: str) -> Assistant:
    assistant = Assistant(db, kb, channel)
    assistant.replan_hooks.append(nudges.replan_user)
    assistant.opening_hooks.append(nudges.due_on_opening)
    return assistant
