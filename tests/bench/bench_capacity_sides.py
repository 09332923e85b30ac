"""Benchmark (issue 11 item 9): real bot processes side by side, one per configuration, offered the
capacity scenario's mix at the same rates, interleaved step by step (tests/chaos/scenarios/capacity.py).

    python tests/bench/bench_capacity_sides.py [--rates 25,50] [--seconds 8] [--rounds 2]
        [--side sqlite:8 --side postgres:32 --side postgres:8]

A side is BACKEND:CONCURRENT_UPDATES, so one run compares PostgreSQL before (32 updates at once,
the old default) and after (8) beside SQLite, on the same machine at the same moment. Printed per
step: the machine's load average, p50/p99 (s), unanswered updates and CPU per answered update (the
bot process; for PostgreSQL also its server backends). PostgreSQL sides need --database-url or
TEST_DATABASE_URL. Prints only (a shared machine's load decides the latencies; compare the CPU)."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from storage.db import database_url  # noqa: E402
from tests.chaos.backends import backend  # noqa: E402
from tests.chaos.chat import new_user, say  # noqa: E402
from tests.chaos.fakeapi import ChaosTelegram  # noqa: E402
from tests.chaos.proc import BotProcess, reap_all  # noqa: E402
from tests.chaos.scenarios.capacity import Side, _measured_step  # noqa: E402


@asynccontextmanager
async def side(workdir: Path, pg_url: str | None, spec: str, slot: int) -> AsyncIterator[Side]:
    """A started, warmed-up bot for `spec` ("postgres:8") with its own fake Bot API and database."""
    kind, concurrency = spec.split(":")
    fake = ChaosTelegram()
    folder = workdir / f"{slot}-{kind}-{concurrency}"
    async with backend(kind, folder, pg_url) as b:
        env = b.env() | {"MAX_MESSAGES_PER_SECOND": "100000", "CONCURRENT_UPDATES": concurrency}
        bot = BotProcess(fake, f"s{slot}", folder, env)
        watch = create_async_engine(database_url(pg_url)) if b.url and pg_url else None
        try:
            await bot.start()
            chats = [new_user(fake, f"d{i}") for i in range(800)]
            await asyncio.gather(*(say(fake, c, "/start", 30) for c in chats[:20]))
            yield Side(spec, fake, bot, chats, watch, make_url(b.url).database if b.url else None)
        finally:
            await bot.close()
            if watch is not None:
                await watch.dispose()


async def main_async(args: argparse.Namespace) -> int:
    specs = args.side or ["sqlite:8", "postgres:32", "postgres:8"]
    if not args.database_url:
        specs = [s for s in specs if s.startswith("sqlite")]
    workdir = Path(tempfile.mkdtemp(prefix="bench-sides-"))
    try:
        async with AsyncExitStack() as stack:
            sides = [
                await stack.enter_async_context(side(workdir, args.database_url, spec, i))
                for i, spec in enumerate(specs)
            ]
            for rate in [float(r) for r in args.rates.split(",")]:
                for r in range(args.rounds):
                    for one in sides if r % 2 == 0 else sides[::-1]:
                        load = os.getloadavg()[0]
                        step = await _measured_step(one, rate, args.seconds)
                        # The server backends' share (PostgreSQL): the total less the bot's.
                        server = float(step["cpu_ms_per_update"]) - float(step["bot_cpu_ms_per_update"])  # type: ignore[arg-type]
                        print(f"{rate:5.0f}/s round {r} {one.kind:12} load {load:5.2f}  p50 {step['p50_s']} "
                              f"p99 {step['p99_s']} unanswered {step['unanswered']}  CPU per update: bot "
                              f"{step['bot_cpu_ms_per_update']} ms, server {server:.2f} ms"
                              + (f"; {step['transactions_per_update']} transactions per update"
                                 if "transactions_per_update" in step else ""), flush=True)  # fmt: skip
            for one in sides:
                await one.bot.terminate()
    finally:
        await reap_all()
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"))
    p.add_argument("--rates", default="25,50")
    p.add_argument("--seconds", type=float, default=8.0)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--side", action="append", help="BACKEND:CONCURRENT_UPDATES (repeatable)")
    return asyncio.run(main_async(p.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
