"""`python -m bot kb check | sections DOC | unanswered | stats`: maintaining the knowledge base."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "kb"
HELP = "知识库维护：check（校验）、sections（文件章节）、unanswered（未答问题）、stats（统计）"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", type=Path, help="knowledge data folder (default: the shipped knowledge/data)")
    sub = p.add_subparsers(dest="kb_command", metavar="SUBCOMMAND", required=True)
    sub.add_parser("check", help="校验知识库（格式、编号、引文、地区覆盖），有错误时退出码为 1")
    s = sub.add_parser("sections", help="列出一份文件的章节路径及开头文字")
    s.add_argument("document", help="document id, e.g. jilin-2020")
    s.add_argument("--chars", type=int, default=40, help="how many characters of each section to show")
    u = sub.add_parser("unanswered", help="按相似度分组列出未能回答的问题，最多的在前")
    u.add_argument("--json", action="store_true", help="one JSON array of groups")
    u.add_argument("--threshold", type=float, default=None, help="similarity 0–100 for grouping (default 72)")
    u.add_argument("--limit", type=int, default=10_000, help="read at most this many logged questions")
    u.add_argument("--data-dir", type=Path, help="data directory of the SQLite database (default: DATA_DIR)")
    st = sub.add_parser("stats", help="条目数：按地区、按文件、按引用文件")
    st.add_argument("--json", action="store_true")


def main(args: argparse.Namespace) -> int:
    from knowledge.base import load

    kb = load(args.root)
    if args.kb_command == "check":
        return _check(kb)
    if args.kb_command == "sections":
        return _sections(kb, args.document, args.chars)
    if args.kb_command == "stats":
        return _stats(kb, args.json)
    return _unanswered(args)


def _check(kb: object) -> int:
    from knowledge.check import run_checks, summary

    errors = run_checks(kb)  # type: ignore[arg-type]
    if errors:
        for line in errors:
            print(line)
        print(f"知识库检查未通过：{len(errors)} 处错误。", file=sys.stderr)
        return 1
    s = summary(kb)  # type: ignore[arg-type]
    print(
        f"知识库检查通过：{s['entries']} 条问答（其中 {s['secondary']} 条来自新闻报道），"
        f"{s['citations']} 处引文均已在原文中核对，{s['documents']} 份文件。"
    )
    return 0


def _sections(kb: object, document: str, chars: int) -> int:
    docs = kb.documents  # type: ignore[attr-defined]
    doc = docs.get(document)
    if doc is None:
        print(f"没有这份文件：{document}。可用：{', '.join(docs)}", file=sys.stderr)
        return 2
    print(f"{doc.id}  {doc.short}  {doc.number or '（无文号）'}  {doc.date}")
    for path, text in doc.sections.items():
        print(f"{path}\t{text.replace(chr(10), ' ')[:chars]}")
    return 0


def _stats(kb: object, as_json: bool) -> int:
    from knowledge.check import summary

    s = summary(kb)  # type: ignore[arg-type]
    if as_json:
        print(json.dumps(s, ensure_ascii=False, indent=2))
        return 0
    print(f"问答 {s['entries']} 条（新闻报道 {s['secondary']} 条），引文 {s['citations']} 处，主题 {s['topics']} 个")
    print("按地区：" + "，".join(f"{k} {v}" for k, v in s["per_region"].items()))
    print("按文件：" + "，".join(f"{k} {v}" for k, v in sorted(s["per_file"].items())))
    print("按引用文件：" + "，".join(f"{k} {v}" for k, v in sorted(s["per_document"].items())))
    return 0


def _unanswered(args: argparse.Namespace) -> int:
    import asyncio

    from knowledge.unanswered import DEFAULT_THRESHOLD, LoggedQuestion, group_questions

    rows = asyncio.run(_read_unanswered(args.data_dir, args.limit))
    groups = group_questions(
        (LoggedQuestion(r.text, r.region, r.best_candidate) for r in rows),
        threshold=DEFAULT_THRESHOLD if args.threshold is None else args.threshold,
    )
    if args.json:
        print(json.dumps([g.as_dict() for g in groups], ensure_ascii=False, indent=2))
        return 0
    if not groups:
        print("没有记录到未能回答的问题。")
        return 0
    print(f"未能回答的问题 {len(rows)} 条，分为 {len(groups)} 组（最多的在前）：")
    for i, g in enumerate(groups, 1):
        regions = "，".join(f"{k} {v}" for k, v in g.regions.items())
        print(f"{i}. ×{g.count}  {g.sample}")
        print(f"   地区：{regions}；最接近的条目：{g.best_candidate or '无'}")
        others = [t for t in g.as_dict()["texts"] if t != g.sample]
        if others:
            print(f"   相似问法：{'；'.join(others[:5])}{' …' if len(others) > 5 else ''}")
    return 0


async def _read_unanswered(data_dir: Path | None, limit: int) -> list:
    from storage.db import Database
    from storage.questions import list_unanswered

    db = await Database.open(data_dir=data_dir)
    try:
        return await list_unanswered(db, limit=limit)
    finally:
        await db.close()
