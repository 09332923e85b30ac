"""The composition root: the knowledge base, the database and the Assistant every front end uses,
all from one Settings, so the terminal chat, Telegram, the CLI and the tests are wired alike."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bot.index_cache import use_cache
from bot.settings import Settings
from knowledge.base import KnowledgeBase
from knowledge.base import load as load_kb
from storage.db import Database

if TYPE_CHECKING:
    from bot.turn import Assistant

CACHE_FOLDER = "cache"


def load_knowledge(data_dir: Path, root: Path | None = None) -> KnowledgeBase:
    """The knowledge base with its search index from the cache under the data directory (built
    there once per change of the data), so the first question does not wait ~2 s for it."""
    kb = load_kb(root)
    use_cache(kb, data_dir / CACHE_FOLDER)
    return kb


async def open_database(settings: Settings) -> Database:
    """The settings' database (PostgreSQL when DATABASE_URL says so, else SQLite in DATA_DIR),
    migrated to the newest schema."""
    return await Database.open(settings.database_url, settings.data_dir)


def build_assistant(db: Database, kb: KnowledgeBase, channel: str, outbox: bool = False) -> Assistant:
    """The Assistant; `outbox` keeps each turn's replies with its state until the front end says
    they were delivered (Telegram; the terminal prints them at once). The turn's modules are
    imported here, not with this module: `python -m bot ask` opens the database through
    open_database to log a question and needs none of them (issue 12, cold start)."""
    from bot.turn import Assistant

    return Assistant(db, kb, channel, outbox)
