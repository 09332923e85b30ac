"""The composition root: the knowledge base, the database and the Assistant every front end uses,
all from one Settings, so the terminal chat, Telegram, the CLI and the tests are wired alike."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bot import texts
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


def warm_up(kb: KnowledgeBase) -> None:
    """Make at start-up what a process's first question would otherwise make (issue 12): the index,
    and the tables the Q&A turn builds on first use (the question cues, part labels, place names,
    the segmentation dictionary, OpenCC's tables, cn2an, core/lazy_re's patterns). One question is
    answered, in traditional characters and with a numeral so that every one of them is built, and
    thrown away (the patterns no question needs are compiled after it): the turn is
    pure (a fresh UserState, no effects kept), so no reply changes; the CPU is the same, but it is
    spent before the first director waits instead of during their question."""
    from core import clock
    from core.lazy_re import compile_all
    from core.model import UserState
    from dialogs import qa

    kb.index  # noqa: B018 - a cached_property: loads or builds the index
    qa.respond(UserState(), texts.WARM_UP_QUESTION, kb, clock.now())
    compile_all()  # the patterns no question compiled yet (core/lazy_re.py: `bot ask` compiles only its own)


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
