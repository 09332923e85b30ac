"""Benchmark of one pace per bot (issue 11 item 5): two instances ticking over one PostgreSQL
database, measured together.

    python tests/bench/bench_pace.py [--users 400] [--database-url URL]   (default: TEST_DATABASE_URL)

Two "instances" (two engines, two limiters, two concurrent real ticks on one database, in one
process, each with SEND_CONCURRENCY messages on their way as the bot's loop has) send
`2 × users` due reminders through a recorder that stands for Telegram: it records when each request
leaves the bot (then takes a 20 ms network delay) and counts what Telegram would refuse with 429
(more than 30 in any one second for the bot). Run twice:
- baseline: one in-process RateLimiter per instance (what every process had before issue 11);
- shared: bot.pace.SharedPace, the send slots reserved in the database.
Printed for each: reminders, seconds, messages/s together, peak sends in any second, 429s, share
of 30/s used, sent twice. Targets for the shared run: peak <= 30, 0 × 429, >= 90 % of 30/s used,
0 sent twice. Exit status 1 when a target is missed (the baseline is expected to miss them).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from bot.nudges.slices import SEND_CONCURRENCY  # noqa: E402
from bot.nudges.tick import tick  # noqa: E402
from bot.pace import Limiter, SharedPace  # noqa: E402
from bot.ratelimit import RateLimiter  # noqa: E402
from knowledge.base import load as load_kb  # noqa: E402
from storage.db import Database, database_url  # noqa: E402
from tests.chaos.backends import seed_reminders  # noqa: E402
from tests.chaos.scenarios.instances import peak_per_second  # noqa: E402

SHANGHAI = ZoneInfo("Asia/Shanghai")
LIMIT = 30
LATENCY = 0.02  # seconds from our send to Telegram's arrival


class Telegram:
    """Records arrivals; a 429 is what Telegram would answer, counted (the message still counts as
    delivered here, so the two runs send the same reminders)."""

    def __init__(self) -> None:
        self.arrivals: list[float] = []
        self.texts: list[str] = []

    async def send_text(self, external_id: str, text: str) -> None:
        # The moment the request leaves the bot. Both instances share this process's event loop,
        # so timing the end of a simulated network delay would add this loop's own scheduling
        # jitter (not the bot's); the chaos two_instances scenario measures real arrivals at a
        # fake Bot API in a process of its own.
        self.arrivals.append(time.monotonic())
        await asyncio.sleep(LATENCY)
        self.texts.append(text)

    def refused(self) -> int:
        """Arrivals beyond LIMIT in the one second before them."""
        times, out, start = sorted(self.arrivals), 0, 0
        for end, t in enumerate(times):
            while t - times[start] >= 1.0:
                start += 1
            out += end - start + 1 > LIMIT
        return out


async def one_run(url: str, name: str, users: int, shared: bool) -> dict[str, object]:
    schema = f"bench_pace_{uuid.uuid4().hex[:8]}"
    admin = create_async_engine(database_url(url))
    async with admin.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    kb = load_kb()
    now = dt.datetime.now(SHANGHAI).replace(hour=10, minute=0)
    a = await Database.open(url, schema=schema)
    b = await Database.open(url, schema=schema)
    try:
        codes = await seed_reminders(a, kb, list(range(1000, 1000 + users)), 2, now)
        telegram = Telegram()
        limiters: list[Limiter] = [SharedPace(a), SharedPace(b)] if shared else [RateLimiter(), RateLimiter()]
        began = time.monotonic()
        await asyncio.gather(
            *(tick(db, kb, telegram, now, lim, owner=name, concurrency=SEND_CONCURRENCY)
              for db, lim, name in ((a, limiters[0], "a"), (b, limiters[1], "b")))
        )
        seconds = time.monotonic() - began
    finally:
        await a.close()
        await b.close()
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()
    arrivals = sorted(telegram.arrivals)
    span = arrivals[-1] - arrivals[0] if len(arrivals) > 1 else float("nan")
    per_code = Counter(c for t in telegram.texts for c in codes if c in t)
    return {
        "run": name,
        "reminders": len(codes),
        "delivered": len(per_code),
        "seconds": round(seconds, 1),
        "per_second": round(len(arrivals) / span, 1),
        "peak_second": peak_per_second(arrivals),
        "429": telegram.refused(),
        "used": len(arrivals) / span / LIMIT,
        "twice": sum(n - 1 for n in per_code.values() if n > 1),
    }


def line(r: dict[str, object]) -> str:
    return (
        f"{r['run']:<42} {r['reminders']:>5} reminders in {r['seconds']:>5} s: {r['per_second']:>5}/s together, "
        f"peak {r['peak_second']:>3} in a second, {r['429']:>4} × 429, {float(r['used']):.0%} of 30/s, "  # type: ignore[arg-type]
        f"{r['twice']} twice"
    )


async def main_async(url: str, users: int) -> int:
    base = await one_run(url, "baseline: one limiter per process (2 inst.)", users, shared=False)
    print(line(base), flush=True)
    shared = await one_run(url, "shared: bot.pace.SharedPace (2 inst.)", users, shared=True)
    print(line(shared), flush=True)
    misses = [
        what
        for what, ok in (
            ("peak <= 30", int(shared["peak_second"]) <= LIMIT),  # type: ignore[call-overload]
            ("0 × 429", shared["429"] == 0),
            (">= 90 % used", float(shared["used"]) >= 0.9),  # type: ignore[arg-type]
            ("0 twice", shared["twice"] == 0),
            ("all delivered", shared["delivered"] == shared["reminders"]),
        )
        if not ok
    ]
    print("targets (shared): " + ("all met" if not misses else "MISSED: " + ", ".join(misses)))
    return 1 if misses else 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--users", type=int, default=400)
    p.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"))
    args = p.parse_args()
    if not args.database_url:
        print("needs PostgreSQL: --database-url or TEST_DATABASE_URL", file=sys.stderr)
        return 2
    return asyncio.run(main_async(args.database_url, args.users))


if __name__ == "__main__":
    sys.exit(main())
