"""Building the Assistant that every front end uses, with the hooks features register.

The one place where feature hooks (nudge replanning, what the terminal shows on opening) are
attached, so the terminal chat, Telegram and the tests get the same wiring."""

from __future__ import annotations

from pathlib import Path

from bot import nudges
from bot.index_cache import use_cache
from bot.service import Assistant
from knowledge.base import KnowledgeBase
from knowledge.base import load as load_kb
from storage.db import Database, default_data_dir


def load_knowledge(data_dir: Path | None = None, root: Path | None = None) -> KnowledgeBase:
    """The knowledge base with its search index from the cache under the data directory (built
    there once per change of the data), so the first question does not wait ~2 s for it."""
    kb = load_kb(root)
    use_cache(kb, (data_dir or default_data_dir()) / "cache")
    return kb


def build_assistant(db: Database, kb: KnowledgeBase, channel: str) -> Assistant:
    assistant = Assistant(db, kb, channel)
    assistant.replan_hooks.append(nudges.replan_user)
    assistant.opening_hooks.append(nudges.due_on_opening)
    return assistant
