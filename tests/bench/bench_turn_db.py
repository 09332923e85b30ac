"""Benchmark (issue 11 item 9): the database's share of a Telegram turn, SQLite against PostgreSQL.

    python tests/bench/bench_turn_db.py [--database-url URL] [--directors 400] [--seed 3]

The same directors as bench_telegram.py (/start, a region, five questions) go through
Assistant.turn with the outbox on, as the Telegram shell runs it — the turn, then the "delivered"
that deletes its outbox row — as many at a time as the bot handles updates on each backend
(Settings: 8 on both). Printed per backend: turns/s, p50/p99 and the database
work per turn: round trips (statements, BEGIN/COMMIT and pool pre-pings counted) and connections
checked out. PostgreSQL runs in a schema of its own on URL (default TEST_DATABASE_URL); without one
only SQLite runs. PostgreSQL runs twice: "postgres-before" with a statement per table and a
transaction per save (storage.users.ONE_STATEMENT_ON_POSTGRES off: what SQLite does), then
"postgres" with the turn's load and save as one statement each (storage.turn_pg). Target:
PostgreSQL turns/s >= SQLite's. Exit 1 when missed."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import event, text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from bot.settings import CONCURRENCY_POSTGRES, CONCURRENCY_SQLITE  # noqa: E402
from bot.wiring import build_assistant  # noqa: E402
from core.model import Event  # noqa: E402
from knowledge.base import KnowledgeBase  # noqa: E402
from knowledge.base import load as load_kb  # noqa: E402
from storage import outbox, users  # noqa: E402
from storage.db import Database, database_url  # noqa: E402
from tests.bench.bench_telegram import Director, percentile  # noqa: E402


class Counter:
    """Round trips and checkouts seen by an engine's pool and cursor events."""

    def __init__(self, db: Database) -> None:
        self.statements = 0
        self.checkouts = 0
        self.connects = 0
        engines = [db.engine.sync_engine] + ([db._sync_engine] if db._sync_engine is not None else [])
        for engine in engines:
            event.listen(engine, "before_cursor_execute", self._statement)
            event.listen(engine, "checkout", self._checkout)
            event.listen(engine, "connect", self._connect)

    def _statement(self, *args: Any) -> None:
        self.statements += 1

    def _checkout(self, *args: Any) -> None:
        self.checkouts += 1

    def _connect(self, *args: Any) -> None:
        self.connects += 1


async def drive(
    db: Database, kb: KnowledgeBase, directors: int, seed: int, workers: int, prefix: str = "b"
) -> dict[str, float]:
    assistant = build_assistant(db, kb, "telegram", outbox=True)
    counter = Counter(db)
    queue = list(range(directors))
    latencies: list[float] = []

    async def worker() -> None:
        while queue:
            n = queue.pop()
            d = Director(n, seed)
            keyboard: list[str] = []
            for event_ in [Event.command("start"), None, *[Event.say(q) for q in d.questions]]:
                if event_ is None:
                    event_ = Event.press(keyboard[d.region_index])
                started = time.perf_counter()
                result = await assistant.turn(f"{prefix}{n}", event_)
                if result.outbox_token is not None and result.state.user_id is not None:
                    # As the courier settles a delivered row: kept as a mark (one UPDATE).
                    await outbox.delivered(db, result.state.user_id, result.outbox_token, result.shown, 1, 1)
                latencies.append(time.perf_counter() - started)
                keyboard = [b.data for r in result.replies for row in r.buttons for b in row]

    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker() for _ in range(workers)))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    turns = len(latencies)
    return {
        "turns_per_s": turns / wall,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
        "statements_per_turn": counter.statements / turns,
        "checkouts_per_turn": counter.checkouts / turns,
        "connects": counter.connects,
        "cpu_ms_per_turn": cpu / turns * 1000,
    }


async def main_async(args: argparse.Namespace) -> int:
    kb = load_kb()
    kb.index  # noqa: B018  # built before timing
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(data_dir=Path(tmp))
        try:
            results["sqlite"] = await drive(db, kb, args.directors, args.seed, CONCURRENCY_SQLITE)
        finally:
            await db.close()
    if args.database_url:
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        admin = create_async_engine(database_url(args.database_url))
        async with admin.begin() as conn:
            await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            for name, one_statement in (("postgres-before", False), ("postgres", True)):
                users.ONE_STATEMENT_ON_POSTGRES = one_statement
                db = await Database.open(args.database_url, schema=schema)
                try:
                    workers = args.pg_workers or CONCURRENCY_POSTGRES
                    # Each run its own directors (new users), in the same schema.
                    seed = args.seed + (0 if one_statement else 1000)
                    results[name] = await drive(db, kb, args.directors, seed, workers, prefix=name)
                finally:
                    await db.close()
        finally:
            users.ONE_STATEMENT_ON_POSTGRES = True
            async with admin.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            await admin.dispose()
    for name, r in results.items():
        print(
            f"{name:<15} {r['turns_per_s']:7.0f} turns/s  p50 {r['p50_ms']:6.1f} ms  p99 {r['p99_ms']:6.1f} ms  "
            f"{r['statements_per_turn']:.2f} statements and {r['checkouts_per_turn']:.2f} checkouts per turn, "
            f"{r['connects']:.0f} connections opened; this process's CPU {r['cpu_ms_per_turn']:.2f} ms per turn"
        )
    if "postgres" in results:
        ok = results["postgres"]["turns_per_s"] >= results["sqlite"]["turns_per_s"]
        print(f"PostgreSQL >= SQLite: {'yes' if ok else 'NO'}")
        return 0 if ok else 1
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"))
    p.add_argument("--directors", type=int, default=400)
    p.add_argument("--seed", type=int, default=3)
    p.add_argument("--pg-workers", type=int, default=0, help="turns at once on PostgreSQL (default: Settings')")
    return asyncio.run(main_async(p.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
