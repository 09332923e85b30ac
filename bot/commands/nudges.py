"""`python -m bot nudges`: what the nudge tick would send now (a dry run that claims nothing), or
replanning every user's nudges after the calendar data changed."""

from __future__ import annotations

import argparse
import asyncio
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.settings import Settings

from bot import texts

NAME = "nudges"
HELP = texts.CLI_HELP[NAME]


def add_arguments(p: argparse.ArgumentParser) -> None:
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--due", action="store_true", help="list what the tick would send now (dry run)")
    what.add_argument("--replan-all", action="store_true", help="recompute every user's future nudges")
    p.add_argument("--now", help="ISO-8601 time to use instead of the clock (naive = Asia/Shanghai)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--channel",
        default="telegram",
        help="users of this channel (default telegram: what the tick sends; terminal users see theirs when "
        "the chat opens; 'all' for every channel)",
    )
    p.add_argument("--limit", type=int, default=1000, help="at most this many rows per list")


def main(args: argparse.Namespace, settings: Settings) -> int:
    return asyncio.run(_run(args, settings))


async def _run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.wiring import open_database
    from core.clock import parse_now
    from knowledge.base import load as load_kb

    now = parse_now(args.now)
    db = await open_database(settings)
    try:
        kb = load_kb()
        if args.replan_all:
            from bot.nudges.replan import replan_all

            counts = await replan_all(db, kb, now)
            out: dict[str, Any] = {"now": now.isoformat(), **counts.__dict__}
            print(json.dumps(out, ensure_ascii=False) if args.json else _replan_text(out))
            return 0
        channel = None if args.channel == "all" else args.channel
        report = await due_report(db, kb, now, args.limit, channel)
        print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else _due_text(report))
        return 0
    finally:
        await db.close()


async def due_report(db: Any, kb: Any, now: Any, limit: int, channel: str | None) -> dict[str, Any]:
    """The dry run as data: what would be sent (with the exact text), held for quiet hours, dropped."""
    from bot.nudges.tick import REASON_GONE
    from core.clock import SHANGHAI
    from dialogs.nudges.message import NudgeWording
    from dialogs.nudges.plan import LATE_AFTER, is_quiet, next_allowed
    from storage import nudges as store

    preview = await store.preview_due(db, now, limit, channel=channel, late_after=LATE_AFTER)
    quiet = is_quiet(now)
    wording = NudgeWording(kb)

    def row(item: store.ClaimedNudge, with_text: bool) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": item.id,
            "user_id": item.user_id,  # the internal id, not the chat id: this output may be shared
            "channel": item.channel,
            "deadline_id": item.deadline_id,
            "title": item.title,
            "deadline_date": item.deadline_date.isoformat(),
            "days_before": item.days_before,
            "due_at": item.due_at.astimezone(SHANGHAI).isoformat(),
            "late": item.late,
        }
        if with_text:
            text = wording.text(item, now)
            data["text"] = text
            if text is None:
                data["drop_reason"] = REASON_GONE
        return data

    due = [row(item, True) for item in preview.due]
    return {
        "now": now.astimezone(SHANGHAI).isoformat(),
        "quiet_hours": quiet,
        "next_window": next_allowed(now).astimezone(SHANGHAI).isoformat() if quiet else None,
        "would_send": [] if quiet else [d for d in due if d["text"] is not None],
        "held_for_quiet_hours": due if quiet else [],
        "would_drop": [{**row(i, False), "reason": "deadline passed"} for i in preview.passed]
        + [{**row(i, False), "reason": "superseded"} for i in preview.superseded]
        + ([] if quiet else [d for d in due if d["text"] is None]),
    }


def _replan_text(out: dict[str, Any]) -> str:
    return (
        f"replanned {out['users']} users at {out['now']}: "
        f"{out['inserted']} new, {out['deleted']} removed, {out['moved']} moved"
    )


def _due_text(report: dict[str, Any]) -> str:
    lines = [f"now {report['now']}"]
    if report["quiet_hours"]:
        lines.append(f"quiet hours: nothing is sent until {report['next_window']}")
    lines.append(
        f"would send {len(report['would_send'])}, held for quiet hours {len(report['held_for_quiet_hours'])}, "
        f"would drop {len(report['would_drop'])}"
    )
    for item in report["would_send"] + report["held_for_quiet_hours"]:
        flag = " late" if item["late"] else ""
        lines.append(f"\n#{item['id']} user {item['user_id']} ({item['channel']}) due {item['due_at']}{flag}")
        lines.append(item["text"] or "")
    for item in report["would_drop"]:
        lines.append(f"drop #{item['id']} user {item['user_id']} {item['deadline_id']}: {item['reason']}")
    return "\n".join(lines)
