"""Benchmark (issue 11 item 9): the bot's CPU for a turn's load, the one statement a question's turn
makes, on each path, in one process at the same moment.

    python tests/bench/bench_turn_load.py [--users 200] [--rounds 6] [--at-once 8]

Paths, interleaved round by round so a shared machine's load hits each alike: "sqlite" (SQLAlchemy
on a thread of its own, storage.db), "postgres-sqlalchemy" (the load through SQLAlchemy's asyncio
layer, as before storage.turn_pg.load_turn_row) and "postgres-driver" (asyncpg directly, what
users.load_turn does now). Printed: CPU µs per load of this process (all its threads: SQLite's
work on its thread counts too) and wall µs per load, median over rounds. PostgreSQL needs
TEST_DATABASE_URL. Prints only."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.model import OwnReminder  # noqa: E402
from storage import users  # noqa: E402
from storage.db import Database  # noqa: E402
from tests.support.databases import drop_test_schema, open_test_db  # noqa: E402

Load = Callable[[str], Awaitable[object]]


async def seeded(db: Database, count: int) -> list[str]:
    """`count` users with a region, a dialog step, five answers and a reminder."""
    ids = [str(1000 + i) for i in range(count)]
    for ext in ids:
        before, _ = await users.load_turn(db, "telegram", ext)
        state, _ = await users.load_turn(db, "telegram", ext)
        state.region = "jilin"
        state.start("questionnaire", "open_beds", {"answered": ["a", "b"]})
        state.profile = {"open_beds": 30, "has_gp": True, "note": "甲级", "shares": [1, 2], "x": None}
        state.reminders = [OwnReminder("材料", dt.date(2027, 3, 1))]
        await users.save_state(db, state, before)
    return ids


async def measure(load: Load, ids: list[str], at_once: int) -> tuple[float, float]:
    """(CPU µs, wall µs) per load, `at_once` loads in flight."""
    queue = list(ids)

    async def worker() -> None:
        while queue:
            await load(queue.pop())

    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(at_once)))
    n = len(ids)
    return (time.process_time() - cpu) / n * 1e6, (time.perf_counter() - wall) / n * 1e6


async def main_async(args: argparse.Namespace) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    lite, _ = await open_test_db("sqlite", folder)
    paths: dict[str, tuple[Load, list[str]]] = {}
    paths["sqlite"] = (lambda ext: users.load_turn(lite, "telegram", ext), await seeded(lite, args.users))
    pg = schema = None
    if os.environ.get("TEST_DATABASE_URL"):
        pg, schema = await open_test_db("postgres", folder)
        ids = await seeded(pg, args.users)
        db = pg

        def through_sqlalchemy(ext: str) -> Awaitable[object]:
            return db.run(lambda conn: users._load(conn, "telegram", ext, with_outbox=True), atomic=False)

        paths["postgres-sqlalchemy"] = (through_sqlalchemy, ids)
        paths["postgres-driver"] = (lambda ext: users.load_turn(db, "telegram", ext), ids)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in paths}
    for _ in range(args.rounds):
        for name, (load, ids) in paths.items():
            results[name].append(await measure(load, ids, args.at_once))
    print(f"load {os.getloadavg()[0]:.1f}; {args.users} loads per round, {args.at_once} at once, {args.rounds} rounds")
    for name, rows in results.items():
        cpu = statistics.median(r[0] for r in rows)
        wall = statistics.median(r[1] for r in rows)
        print(f"{name:22} CPU {cpu:7.0f} µs/load   wall {wall:7.0f} µs/load")
    await lite.close()
    if pg is not None:
        await pg.close()
        await drop_test_schema(schema)


def main() -> None:
    """Command line entry point (see the module docstring)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--users", type=int, default=200)
    p.add_argument("--rounds", type=int, default=6)
    p.add_argument("--at-once", type=int, default=8)
    asyncio.run(main_async(p.parse_args()))


if __name__ == "__main__":
    main()
