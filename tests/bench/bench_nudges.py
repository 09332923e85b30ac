"""Benchmark of the nudges: planning for 100,000 users, and one tick delivering 10,000 due nudges.

    python tests/bench/bench_nudges.py [--users 100000] [--store-users N] [--due 10000] [--database-url URL]

Part 1 plans every user's nudges from the real calendars (pure; target < 5 s for 100,000 users),
with a baseline that asks the calendar once per user instead of once per region and stage; then
stores the plans (SQLite in a temporary directory unless --database-url) and reports that time
separately (no target: it depends on the disk).

Part 2 runs the real tick over a real database with 10,000 due nudges (3,000 chats get two) through
a Sender that enforces Telegram's limits the way the Bot API does (a send that would make more than
30 in any second, or two in one second to one chat, is refused with a 429). The clock is virtual:
waits are skipped, but real time spent in the database and the tick still counts, so the rate is
honest. Targets: >= 90 % of the allowed 30 messages/s, zero 429s, zero limit violations, zero
duplicates, every row marked sent. Baseline: a naive loop without the limiter, counting how many
of its messages Telegram would refuse. The sender is pluggable (make_sender), so the same run can go
through the fake Bot API once it exists.

Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import sys
import tempfile
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from bot.delivery import RetryLater  # noqa: E402
from bot.nudges.tick import tick  # noqa: E402
from bot.ratelimit import RateLimiter, VirtualClock  # noqa: E402
from core.model import OwnReminder, UserState  # noqa: E402
from dialogs.nudges.message import NudgeWording  # noqa: E402
from dialogs.nudges.plan import (  # noqa: E402
    LATE_AFTER,
    PlannedNudge,
    due_moment,
    plan_many,
    plan_nudges,
)
from knowledge.base import load as load_kb  # noqa: E402
from storage import nudges as store  # noqa: E402
from storage.db import Database, database_url  # noqa: E402
from storage.tables import User  # noqa: E402

SH = ZoneInfo("Asia/Shanghai")
PLAN_TARGET_S = 5.0
RATE_LIMIT = 30.0
RATE_TARGET = 0.9 * RATE_LIMIT
# 2023: the last year the Jilin 2020 plan's yearly dates run (from 2024 the 2024–2025 plan governs and
# restates none of them; from 2026 no loaded text gives Jilin a date), so Jilin users have deadlines.
PLAN_NOW = dt.datetime(2023, 3, 10, 10, 0, tzinfo=SH)
TICK_AT = dt.datetime(2023, 6, 23, 9, 30, tzinfo=SH)  # 7 days before Jilin's 6/30 application deadline


# ------------------------------------------------------------------------------------------------
# part 1: planning


def synthetic_states(n: int, calendars: dict[str, Any], seed: int = 1) -> list[UserState]:
    rng = random.Random(seed)
    regions = ["jilin"] * 6 + ["beijing", "chongqing-yuzhong", "national", None]
    out: list[UserState] = []
    for uid in range(1, n + 1):
        region = rng.choice(regions)
        stages = [s.id for s in calendars[region].stages] if region in calendars else []
        stage = rng.choice([*stages, None]) if stages else None
        reminders = [
            OwnReminder("自评完成", PLAN_NOW.date() + dt.timedelta(days=rng.randrange(1, 200)), uid * 10 + k)
            for k in range(rng.choice([0, 0, 0, 1, 2]))
        ]
        out.append(
            UserState(
                user_id=uid,
                region=region,
                stage=stage,
                reminder_days=rng.choice([[30, 7, 1], [30, 7, 1], [7, 1], [14, 3, 0]]),
                muted=rng.random() < 0.05,
                snoozed_until=PLAN_NOW.date() + dt.timedelta(days=rng.randrange(1, 10))
                if rng.random() < 0.05
                else None,
                reminders=reminders,
            )
        )
    return out


def bench_planning(states: list[UserState], calendars: dict[str, Any]) -> tuple[dict[int, list[PlannedNudge]], dict]:
    started = time.perf_counter()
    plans = plan_many(states, calendars, PLAN_NOW)
    planned_s = time.perf_counter() - started
    rows = sum(len(p) for p in plans.values())

    # baseline: the obvious loop, asking the calendar for every user (on a sample, extrapolated)
    sample = states[: min(len(states), 10_000)]
    started = time.perf_counter()
    for s in sample:
        plan_nudges(s, calendars.get(s.region) if s.region else None, PLAN_NOW)
    naive_s = (time.perf_counter() - started) * len(states) / len(sample)
    return plans, {"users": len(states), "nudges": rows, "seconds": planned_s, "baseline_seconds": naive_s}


async def open_db(url: str | None, data_dir: Path) -> tuple[Database, str | None]:
    """SQLite in `data_dir`, or a fresh schema of its own on PostgreSQL (dropped by close_db)."""
    if url is None:
        return await Database.open(None, data_dir), None
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(database_url(url))
    async with admin.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    await admin.dispose()
    return await Database.open(url, schema=schema), schema


async def close_db(db: Database, url: str | None, schema: str | None) -> None:
    await db.close()
    if url and schema:
        admin = create_async_engine(database_url(url))
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        await admin.dispose()


async def bench_storing(plans: dict[int, list[PlannedNudge]], url: str | None, data_dir: Path) -> dict:
    db, schema = await open_db(url, data_dir)
    try:
        async with db.session() as s:
            await s.execute(
                insert(User),
                [{"id": uid, "channel": "bench", "external_id": f"b{uid}"} for uid in plans],
            )
        started = time.perf_counter()
        counts = await store.replace_many(db, plans, PLAN_NOW)
        first_s = time.perf_counter() - started
        started = time.perf_counter()
        again = await store.replace_many(db, plans, PLAN_NOW)
        again_s = time.perf_counter() - started
        return {
            "users": len(plans),
            "rows_inserted": counts.inserted,
            "seconds": first_s,
            "replan_unchanged_seconds": again_s,
            "replan_unchanged_inserted": again.inserted + again.deleted + again.moved,
        }
    finally:
        await close_db(db, url, schema)


# ------------------------------------------------------------------------------------------------
# part 2: one tick


class TelegramLimitsSender:
    """Refuses, like the Bot API, a message that would exceed 30 in any second overall or one a
    second in a chat (429 with retry_after); records what went through."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.recent: deque[float] = deque()
        self.last_in_chat: dict[str, float] = {}
        self.sent: list[tuple[float, str, str]] = []
        self.refused = 0

    async def send_text(self, external_id: str, text: str) -> None:
        now = self.clock()
        while self.recent and self.recent[0] <= now - 1.0:
            self.recent.popleft()
        last = self.last_in_chat.get(external_id)
        if len(self.recent) >= RATE_LIMIT or (last is not None and now - last < 1.0):
            self.refused += 1
            raise RetryLater(1.0)
        self.recent.append(now)
        self.last_in_chat[external_id] = now
        self.sent.append((now, external_id, text))


def violations(sent: list[tuple[float, str, str]]) -> int:
    """Independent check of the recorded times: windows of one second with more than 30 messages,
    and chats messaged twice within a second."""
    times = sorted(t for t, _, _ in sent)
    bad, j = 0, 0
    for i, t in enumerate(times):
        while times[j] <= t - 1.0:
            j += 1
        if i - j + 1 > RATE_LIMIT:
            bad += 1
    last: dict[str, float] = {}
    for t, chat, _ in sorted(sent):
        if chat in last and t - last[chat] < 1.0:
            bad += 1
        last[chat] = t
    return bad


async def seed_due(db: Database, due: int) -> int:
    """Users in Jilin at the application stage (their 7-day reminder is due at TICK_AT) and, for
    some of them, an own reminder also due then: `due` nudges in all."""
    kb = load_kb()
    doubles = due * 3 // 10
    users_n = due - doubles
    states = [
        UserState(user_id=uid, region="jilin", stage="apply", reminder_days=[7, 1]) for uid in range(1, users_n + 1)
    ]
    async with db.session() as s:
        await s.execute(
            insert(User),
            [
                {
                    "id": st.user_id,
                    "channel": "telegram",
                    "external_id": str(900_000 + st.user_id),
                    "region": "jilin",
                    "stage": "apply",
                }
                for st in states
            ],
        )
    plan_at = TICK_AT - dt.timedelta(days=20)
    plans = plan_many(states, kb.calendars, plan_at)
    own_day = TICK_AT.date() + dt.timedelta(days=1)
    for uid in range(1, doubles + 1):
        deadline_id = f"own-{uid}"
        plans[uid].append(
            PlannedNudge(
                f"{uid}:{deadline_id}:{own_day}:1", deadline_id, "自评完成", own_day, 1, due_moment(TICK_AT.date())
            )
        )
    await store.replace_many(db, plans, plan_at)
    preview = await store.preview_due(db, TICK_AT, due * 2, late_after=LATE_AFTER)
    return len(preview.due)


async def bench_tick(
    due: int, url: str | None, data_dir: Path, make_sender: Callable[[Callable[[], float]], Any]
) -> dict:
    db, schema = await open_db(url, data_dir)
    try:
        found = await seed_due(db, due)
        kb = load_kb()
        kb.calendars  # noqa: B018 - load before timing

        # baseline: every due message sent at once, no limiter
        preview = await store.preview_due(db, TICK_AT, due * 2, late_after=LATE_AFTER)
        wording = NudgeWording(kb)
        naive_clock = VirtualClock(follow_real_time=True)
        naive = make_sender(naive_clock)
        naive_refused = 0
        for item in preview.due:
            try:
                await naive.send_text(item.external_id, wording.text(item, TICK_AT) or "")
            except RetryLater:
                naive_refused += 1

        clock = VirtualClock(follow_real_time=True)
        sender = make_sender(clock)
        limiter = RateLimiter(clock=clock, sleep=clock.sleep)
        real_start = time.perf_counter()
        report = await tick(db, kb, sender, TICK_AT, limiter)
        real_s = time.perf_counter() - real_start
        elapsed = clock()
        counts = await store.status_counts(db)
        per_message = Counter((chat, text) for _, chat, text in sender.sent)
        return {
            "due": found,
            "sent": report.sent,
            "virtual_seconds": elapsed,
            "rate_per_s": report.sent / elapsed if elapsed else 0.0,
            "rate_share": report.sent / elapsed / RATE_LIMIT if elapsed else 0.0,
            "real_seconds": real_s,
            "http_429": report.rate_limited,
            "violations": violations(sender.sent),
            "duplicates": sum(n - 1 for n in per_message.values() if n > 1),
            "rows_sent": counts.get(store.SENT, 0),
            "naive_refused": naive_refused,
            "naive_sent": len(naive.sent),
        }
    finally:
        await close_db(db, url, schema)


# ------------------------------------------------------------------------------------------------


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--users", type=int, default=100_000)
    p.add_argument("--store-users", type=int, default=None, help="store the plans of this many users (default all)")
    p.add_argument("--due", type=int, default=10_000)
    p.add_argument("--database-url", default=None, help="default: SQLite in a temporary directory")
    args = p.parse_args()
    ok = True

    calendars = load_kb().calendars
    states = synthetic_states(args.users, calendars)
    plans, planning = bench_planning(states, calendars)
    print(
        f"planning: {planning['users']:,} users -> {planning['nudges']:,} nudges in {planning['seconds']:.2f} s "
        f"({planning['users'] / planning['seconds']:,.0f} users/s); target < {PLAN_TARGET_S:.0f} s"
    )
    print(f"  baseline (calendar asked once per user): {planning['baseline_seconds']:.2f} s (extrapolated)")
    if planning["seconds"] >= PLAN_TARGET_S:
        print("  MISSED: planning target")
        ok = False

    tmp = tempfile.TemporaryDirectory()
    data_dir = Path(tmp.name)
    store_n = args.store_users or len(plans)
    subset = dict(list(plans.items())[:store_n])
    stored = asyncio.run(bench_storing(subset, args.database_url, data_dir / "plan"))
    print(
        f"storing: {stored['users']:,} users' plans, {stored['rows_inserted']:,} rows in {stored['seconds']:.2f} s "
        f"({stored['rows_inserted'] / stored['seconds']:,.0f} rows/s); replanning unchanged: "
        f"{stored['replan_unchanged_seconds']:.2f} s, {stored['replan_unchanged_inserted']} changes"
    )
    if stored["replan_unchanged_inserted"] != 0:
        print("  MISSED: replanning unchanged plans changed rows")
        ok = False

    tick = asyncio.run(bench_tick(args.due, args.database_url, data_dir / "tick", TelegramLimitsSender))
    print(
        f"tick: {tick['sent']:,} of {tick['due']:,} due sent in {tick['virtual_seconds']:.1f} s of clock time "
        f"({tick['rate_per_s']:.2f}/s = {tick['rate_share']:.1%} of {RATE_LIMIT:.0f}/s; real time "
        f"{tick['real_seconds']:.1f} s, waits skipped)"
    )
    print(
        f"  429s: {tick['http_429']}, limit violations: {tick['violations']}, duplicates: {tick['duplicates']}, "
        f"rows marked sent: {tick['rows_sent']:,}"
    )
    print(
        f"  baseline (naive loop, no limiter): {tick['naive_refused']:,} of {tick['due']:,} messages refused "
        f"by Telegram's limits, {tick['naive_sent']:,} accepted"
    )
    checks = [
        (tick["due"] == args.due and tick["sent"] == args.due, "every due nudge sent"),
        (tick["rate_share"] >= 0.9, f">= 90 % of {RATE_LIMIT:.0f}/s"),
        (tick["http_429"] == 0, "zero 429s"),
        (tick["violations"] == 0, "zero limit violations"),
        (tick["duplicates"] == 0, "zero duplicates"),
        (tick["rows_sent"] == args.due, "every row marked sent"),
    ]
    for passed, what in checks:
        if not passed:
            print(f"  MISSED: {what}")
            ok = False
    print("all targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
