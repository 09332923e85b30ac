"""`python -m bot ask "问题"`: one question (or a file of them) answered from the command line, as
the chat would answer it; --json for machines.

Start-up time matters here (a script may call this once per question), so the search index comes
from the pickle cache in the data directory, and the database is opened only when a declined or
uncertain question has to be logged.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.settings import Settings
    from knowledge.base import KnowledgeBase

from bot import texts

NAME = "ask"
HELP = texts.CLI_HELP[NAME]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("question", nargs="?", help=texts.CLI_ASK_QUESTION)
    p.add_argument("--region", help=texts.CLI_ASK_REGION)
    p.add_argument("--json", action="store_true", help=texts.CLI_ASK_JSON)
    p.add_argument("--batch", type=Path, help=texts.CLI_ASK_BATCH)
    p.add_argument("--no-log", action="store_true", help=texts.CLI_ASK_NO_LOG)


def main(args: argparse.Namespace, settings: Settings) -> int:
    from bot import texts
    from knowledge.regions import region_ids

    if args.region and args.region not in region_ids():
        print(texts.ASK_UNKNOWN_REGION.format(region=args.region, ids="、".join(region_ids())), file=sys.stderr)
        return 2
    if args.batch is None and not (args.question or "").strip():
        print(texts.ASK_NO_QUESTION, file=sys.stderr)
        return 2
    if args.batch is not None:
        try:
            questions = args.batch.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            print(texts.ASK_BATCH_UNREADABLE.format(path=args.batch, error=e), file=sys.stderr)
            return 2
    else:
        questions = [args.question]

    from bot.startup import start_up

    with start_up():  # the knowledge base, its index and the modules of a turn: kept to the end
        kb = _knowledge_base(settings)
        from dialogs import qa, router  # noqa: F401 - imported here, inside the start-up
    to_log: list[Any] = []
    for question in questions:
        if args.batch is not None and not question.strip():
            continue
        record, effects = answer_one(question, args.region, kb)
        to_log.extend(effects)
        if args.json or args.batch is not None:
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            print(_plain(record))
    if to_log and not args.no_log:
        try:
            _log(to_log, settings)
        except Exception as e:  # the log is a side effect: the answers printed stand (exit 0)
            print(texts.ASK_NOT_LOGGED.format(error=type(e).__name__), file=sys.stderr)
    return 0


def answer_one(question: str, region: str | None, kb: KnowledgeBase) -> tuple[dict[str, Any], list[Any]]:
    """The JSON record for one question and the LogUnanswered effects the chat would produce.

    The text is the chat's (dialogs.router); the decision, kind and sources are those of the Q&A
    turn the router ran (dialogs.qa.respond, pure, so running it again gives the same turn)."""
    from core import clock
    from core.effects import LogUnanswered
    from core.model import Event, UserState
    from dialogs import qa, router

    now = clock.now()
    outcome = router.handle(UserState(region=region), Event.say(question), kb, now)
    turn = qa.respond(UserState(region=region), router.clean_text(question), kb, now) if _searchable(outcome) else None
    record: dict[str, Any] = {
        "answered": bool(turn and turn.answered),
        "decision": turn.decision if turn else "decline",
        "kind": turn.kind if turn else None,
        "answer": "\n\n".join(r.text for r in outcome.replies),
        "sources": [],
        "confidence": turn.confidence if turn else 0.0,
        "suggestions": [a.question for a in turn.suggestions] if turn else [],
        "region": (turn.region or region) if turn else region,
    }
    if turn and turn.answered:
        cited = {(s.document, s.number, s.section): None for s in turn.sources}
        record["sources"] = [{"document": d, "number": n, "section": sec} for d, n, sec in cited]
    return record, [e for e in outcome.effects if isinstance(e, LogUnanswered)]


def _searchable(outcome: Any) -> bool:
    """The router searched (rather than answering empty / too long / no words itself)."""
    from core.effects import CountQuestion

    return any(isinstance(e, CountQuestion) for e in outcome.effects)


def _plain(record: dict[str, Any]) -> str:
    from bot import texts

    lines = [record["answer"]]
    for n, q in enumerate(record["suggestions"], 1):
        lines.append(texts.ASK_SUGGESTION_LINE.format(n=n, question=q))
    return "\n".join(lines) + "\n"


def _knowledge_base(settings: Settings) -> KnowledgeBase:
    """The knowledge base with its cached index; not through bot.wiring, whose imports (the turn,
    storage) would cost this command's cold start half a second."""
    from bot.index_cache import use_cache
    from knowledge.base import load

    kb = load()
    use_cache(kb, settings.data_dir / "cache")
    return kb


def _log(effects: list[Any], settings: Settings) -> None:
    """Log the declined and uncertain questions. On the default SQLite file already at the newest
    schema, with the standard library (storage.sqlite_file): SQLAlchemy's and the tables' imports
    cost this command's cold start ~0.6 s (issue 12). Otherwise (PostgreSQL, a new or older file)
    through the database opened the usual way, which migrates it."""
    import asyncio
    import datetime as dt

    from storage.sqlite_file import log_unanswered_quickly, unanswered_row

    if not settings.database_url:
        now = dt.datetime.now(dt.UTC)
        rows = [unanswered_row(e.text, e.region, e.best_candidate, e.confidence, None, now) for e in effects]
        if log_unanswered_quickly(settings.data_dir, rows):
            return

    from bot.wiring import open_database
    from storage import questions

    async def run() -> None:
        db = await open_database(settings)
        try:
            for e in effects:
                await questions.log_unanswered(db, e.text, e.region, e.best_candidate, e.confidence)
        finally:
            await db.close()

    asyncio.run(run())
