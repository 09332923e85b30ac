"""`python -m bot deadlines --region ID [--stage ID] [--today YYYY-MM-DD] [--json]`: the upcoming
deadlines of a region from that day on (today included), in date order."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.settings import Settings

from bot import texts
from bot.commands.options import day_or_today, governing_json

NAME = "deadlines"
HELP = texts.CLI_HELP[NAME]
DEFAULT_DAYS = 400


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--region", required=True, help="region id: national, jilin, chongqing-yuzhong, beijing")
    p.add_argument("--stage", help="only deadlines of this stage (and those for everyone in the region)")
    p.add_argument("--today", help="the day to count from, YYYY-MM-DD (default: today in Asia/Shanghai)")
    p.add_argument("--days", type=int, default=DEFAULT_DAYS, help=f"how far ahead, in days (default {DEFAULT_DAYS})")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def main(args: argparse.Namespace, settings: Settings) -> int:
    from bot import texts as T
    from dialogs import render
    from dialogs.texts import tracking as TT
    from knowledge.base import load

    kb = load()
    today = day_or_today(args.today)
    if today is None:
        return _fail(T.CLI_BAD_DATE.format(value=args.today))
    calendars = kb.calendars
    calendar = calendars.get(args.region)
    if calendar is None:
        return _fail(T.CLI_UNKNOWN_REGION.format(region=args.region, known="、".join(sorted(calendars))))
    if args.stage and calendar.stage(args.stage) is None:
        known = "、".join(f"{s.id}（{s.name}）" for s in calendar.stages) or T.CLI_NO_STAGES
        return _fail(
            T.CLI_UNKNOWN_STAGE.format(region=render.region_name(kb, calendar.region), stage=args.stage, known=known)
        )
    if args.days < 0:
        return _fail(T.CLI_BAD_DAYS.format(value=args.days))
    found = calendar.deadlines(args.stage, today, args.days)
    note = calendar.note_on(today)
    info = kb.governing.regions.get(calendar.region)
    governing = kb.governing.on(calendar.region, "procedure", today) if info and "procedure" in info.points else None
    if args.json:
        out: dict[str, Any] = {
            "region": calendar.region,
            "stage": args.stage,
            "today": today.isoformat(),
            "deadlines": [_as_json(d) for d in found],
        }
        if note:
            out["note"] = note
            out["note_sources"] = [asdict(s) for s in calendar.sources_on(today)]
        if governing is not None:
            out["governing"] = governing_json(governing, kb)
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    stage = calendar.stage(args.stage)
    lines = [
        T.CLI_TITLE.format(region=render.region_name(kb, calendar.region), today=render.date(today)),
        T.CLI_STAGE.format(stage=stage.name) if stage else T.CLI_ALL_STAGES,
        "",
    ]
    lines += [render.deadline_lines(d, today) for d in found] or [T.CLI_NONE.format(days=args.days)]
    if note:
        lines += ["", TT.STATUS_NOTE.format(note=note)]
        lines += [TT.SOURCE_INDENT + render.source_line(s, quote=True) for s in calendar.sources_on(today)]
    if governing is not None:
        lines += ["", render.governing(kb, governing)]
    print("\n".join(lines))
    return 0


def _as_json(d: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": d.id,
        "title": d.title,
        "date": d.date.isoformat(),
        "original_date": d.original_date.isoformat(),
        "stage": d.stage,
        "source": {
            "document": d.source.document,
            "number": d.source.number,
            "section": d.source.section,
            "quote": d.source.quote,
        },
        "postponed": d.postponed,
        "official_holiday_data": d.official_holiday_data,
    }
    if d.note:
        item["note"] = d.note
    return item


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2
