"""`python -m bot kb check | sections DOC | unanswered | stats`: maintaining the knowledge base."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings

from bot import texts

NAME = "kb"
HELP = texts.CLI_HELP[NAME]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", type=Path, help="knowledge data folder (default: the shipped knowledge/data)")
    sub = p.add_subparsers(dest="kb_command", metavar="SUBCOMMAND", required=True)
    sub.add_parser("check", help=texts.CLI_KB_CHECK)
    s = sub.add_parser("sections", help=texts.CLI_KB_SECTIONS)
    s.add_argument("document", help="document id, e.g. jilin-2020")
    s.add_argument("--chars", type=int, default=40, help="how many characters of each section to show")
    u = sub.add_parser("unanswered", help=texts.CLI_KB_UNANSWERED)
    u.add_argument("--json", action="store_true", help="one JSON array of groups")
    u.add_argument("--threshold", type=float, default=None, help="similarity 0–100 for grouping (default 72)")
    u.add_argument("--limit", type=int, default=10_000, help="read at most this many logged questions")
    u.add_argument("--data-dir", type=Path, help="data directory of the SQLite database (default: DATA_DIR)")
    st = sub.add_parser("stats", help=texts.CLI_KB_STATS)
    st.add_argument("--json", action="store_true")


def main(args: argparse.Namespace, settings: Settings) -> int:
    from knowledge.base import load

    kb = load(args.root)
    if args.kb_command == "check":
        return _check(kb)
    if args.kb_command == "sections":
        return _sections(kb, args.document, args.chars)
    if args.kb_command == "stats":
        return _stats(kb, args.json)
    return _unanswered(args, settings)


def _check(kb: object) -> int:
    from knowledge.check import run_checks, summary

    errors = run_checks(kb)  # type: ignore[arg-type]
    if errors:
        for line in errors:
            print(line)
        print(texts.KB_CHECK_FAILED.format(n=len(errors)), file=sys.stderr)
        return 1
    s = summary(kb)  # type: ignore[arg-type]
    print(texts.KB_CHECK_PASSED.format(**s))
    return 0


def _sections(kb: object, document: str, chars: int) -> int:
    docs = kb.documents  # type: ignore[attr-defined]
    doc = docs.get(document)
    if doc is None:
        print(texts.KB_NO_DOCUMENT.format(document=document, ids=", ".join(docs)), file=sys.stderr)
        return 2
    print(
        texts.KB_DOCUMENT_LINE.format(
            id=doc.id, short=doc.short, number=doc.number or texts.KB_NO_NUMBER, date=doc.date
        )
    )
    for path, text in doc.sections.items():
        print(f"{path}\t{text.replace(chr(10), ' ')[:chars]}")
    return 0


def _stats(kb: object, as_json: bool) -> int:
    from knowledge.check import summary

    s = summary(kb)  # type: ignore[arg-type]
    if as_json:
        print(json.dumps(s, ensure_ascii=False, indent=2))
        return 0
    print(texts.KB_STATS.format(**s))
    print(texts.KB_STATS_PER_REGION + _pairs(s["per_region"].items()))
    print(texts.KB_STATS_PER_FILE + _pairs(sorted(s["per_file"].items())))
    print(texts.KB_STATS_PER_DOCUMENT + _pairs(sorted(s["per_document"].items())))
    return 0


def _unanswered(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio

    from knowledge.unanswered import DEFAULT_THRESHOLD, LoggedQuestion, group_questions

    if args.data_dir is not None:
        settings = settings.model_copy(update={"data_dir": args.data_dir})
    rows = asyncio.run(_read_unanswered(settings, args.limit))
    groups = group_questions(
        (LoggedQuestion(r.text, r.region, r.best_candidate) for r in rows),
        threshold=DEFAULT_THRESHOLD if args.threshold is None else args.threshold,
    )
    if args.json:
        print(json.dumps([g.as_dict() for g in groups], ensure_ascii=False, indent=2))
        return 0
    if not groups:
        print(texts.KB_NO_UNANSWERED)
        return 0
    print(texts.KB_UNANSWERED_HEADER.format(n=len(rows), groups=len(groups)))
    for i, g in enumerate(groups, 1):
        print(texts.KB_GROUP_LINE.format(i=i, count=g.count, sample=g.sample))
        best = g.best_candidate or texts.KB_NONE
        print(texts.KB_GROUP_DETAIL.format(regions=_pairs(g.regions.items()), best=best))
        others = [t for t in g.as_dict()["texts"] if t != g.sample]
        if others:
            more = " …" if len(others) > 5 else ""
            print(texts.KB_GROUP_SIMILAR.format(texts="；".join(others[:5]), more=more))
    return 0


def _pairs(items: Iterable[tuple[str, object]]) -> str:
    return "，".join(f"{k} {v}" for k, v in items)


async def _read_unanswered(settings: Settings, limit: int) -> list:
    from bot.wiring import open_database
    from storage.questions import list_unanswered

    db = await open_database(settings)
    try:
        return await list_unanswered(db, limit=limit)
    finally:
        await db.close()
