"""Benchmark of one pace per bot (issue 11 item 5): two instances ticking over one PostgreSQL
database, measured together, over a network with a real round trip.

    python tests/bench/bench_pace.py [--users 150] [--latency 0.05,0.15,0.3] [--database-url URL]
    (default: TEST_DATABASE_URL)

Two "instances" (two engines, two limiters, two concurrent real ticks on one database, in one
process) send `2 × users` due reminders through a recorder that stands for Telegram: it records
when each request leaves the bot, then takes the round trip (`--latency`, seconds per send;
Telegram from a server answers in 50-300 ms), and counts what Telegram would refuse with 429 (more
than 30 in any one second for the bot). For every round trip, three runs:
- per-process: one in-process RateLimiter per instance (what every process had before issue 11),
  with the in-flight window;
- one in flight: bot.pace.SharedPace, one message on its way per instance (the tick before the
  window: at most one duplicate per kill -9);
- window: bot.pace.SharedPace and bot.nudges.inflight.InFlight (the bot's loop today).
Printed for each: reminders, seconds, messages/s together, peak sends in any second, 429s, share
of 30/s used, sent twice, the most messages on their way at once. Targets for the window run:
peak <= 30, 0 × 429, >= 90 % of 30/s used, 0 sent twice. Exit status 1 when a target is missed
(the baselines are expected to miss some).
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

from bot.nudges.inflight import DEFAULT_MOST, InFlight  # noqa: E402
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


class Telegram:
    """Records arrivals; a 429 is what Telegram would answer, counted (the message still counts as
    delivered here, so the two runs send the same reminders)."""

    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.arrivals: list[float] = []
        self.texts: list[str] = []
        self.busy = self.most_busy = 0

    async def send_text(self, external_id: str, text: str) -> None:
        # The moment the request leaves the bot. Both instances share this process's event loop,
        # so timing the end of a simulated network delay would add this loop's own scheduling
        # jitter (not the bot's); the chaos two_instances scenario measures real arrivals at a
        # fake Bot API in a process of its own.
        self.arrivals.append(time.monotonic())
        self.busy += 1
        self.most_busy = max(self.most_busy, self.busy)
        try:
            await asyncio.sleep(self.latency)
        finally:
            self.busy -= 1
        self.texts.append(text)

    def refused(self) -> int:
        """Arrivals beyond LIMIT in the one second before them."""
        times, out, start = sorted(self.arrivals), 0, 0
        for end, t in enumerate(times):
            while t - times[start] >= 1.0:
                start += 1
            out += end - start + 1 > LIMIT
        return out


async def one_run(url: str, name: str, users: int, shared: bool, window: bool, latency: float) -> dict[str, object]:
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
        telegram = Telegram(latency)
        limiters: list[Limiter] = [SharedPace(a), SharedPace(b)] if shared else [RateLimiter(), RateLimiter()]
        gates = [InFlight(30.0, DEFAULT_MOST) if window else None for _ in limiters]
        workers = DEFAULT_MOST + 1 if window else SEND_CONCURRENCY
        began = time.monotonic()
        await asyncio.gather(
            *(tick(db, kb, telegram, now, lim, owner=owner, concurrency=workers, in_flight=gate)
              for db, lim, owner, gate in ((a, limiters[0], "a", gates[0]), (b, limiters[1], "b", gates[1])))
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
        "on_their_way": telegram.most_busy,
    }


def line(r: dict[str, object]) -> str:
    return (
        f"{r['run']:<42} {r['reminders']:>5} reminders in {r['seconds']:>5} s: {r['per_second']:>5}/s together, "
        f"peak {r['peak_second']:>3} in a second, {r['429']:>4} × 429, {float(r['used']):.0%} of 30/s, "  # type: ignore[arg-type]
        f"{r['twice']} twice, at most {r['on_their_way']} on their way"
    )


async def main_async(url: str, users: int, latencies: list[float]) -> int:
    misses: list[str] = []
    for latency in latencies:
        ms = f"{latency * 1000:.0f} ms"
        print(f"-- round trip {ms} per send (load {os.getloadavg()[0]:.1f})", flush=True)
        print(line(await one_run(url, f"per-process limiters, window, {ms}", users, False, True, latency)), flush=True)
        print(line(await one_run(url, f"shared pace, one in flight, {ms}", users, True, False, latency)), flush=True)
        shared = await one_run(url, f"shared pace, window, {ms}", users, True, True, latency)
        print(line(shared), flush=True)
        misses += [f"{ms}: {m}" for m in targets_missed(shared)]
    print("targets (shared pace, window): " + ("all met" if not misses else "MISSED: " + ", ".join(misses)))
    return 1 if misses else 0


def targets_missed(shared: dict[str, object]) -> list[str]:
    """The window run's targets it misses."""
    return [
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


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--users", type=int, default=150)
    p.add_argument("--latency", default="0.05,0.15,0.3", help="round trips per send, seconds, comma-separated")
    p.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"))
    args = p.parse_args()
    if not args.database_url:
        print("needs PostgreSQL: --database-url or TEST_DATABASE_URL", file=sys.stderr)
        return 2
    return asyncio.run(main_async(args.database_url, args.users, [float(x) for x in args.latency.split(",")]))


if __name__ == "__main__":
    sys.exit(main())
