"""PostgreSQL against SQLite at the same load (issue 11, item 9).

Directors' updates (questions, /help, /status) are offered at fixed rates to the real bot over the
loopback fake; each director has at most one update outstanding, and the reply latency is the time
from the update entering the fake to the bot's first message in that chat. The send pace limit is
lifted (MAX_MESSAGES_PER_SECOND) so that only the turn itself is measured.

On a shared machine the load of others comes and goes, so two runs one after the other compare
the machine's moods, not the backends. Here both bots run side by side (one on SQLite, one on a
PostgreSQL database of its own) and are measured INTERLEAVED: at each rate one backend, then the
other (the order alternating from step to step), so whatever load the machine has hits both alike.
Beside wall time each step reports CPU time per answered update: the bot process's, and for
PostgreSQL also that of the server backends serving it (from /proc; Linux, server on this host),
which a busy machine does not inflate the way it inflates latency.

Capacity: the highest offered rate at which every update was answered and p99 stayed under 1 s.
Limit: PostgreSQL's capacity >= SQLite's, judged in the long run (in --quick, CI on a shared
machine, printed only). Without PostgreSQL only SQLite is measured."""

from __future__ import annotations

import asyncio
import itertools
import os
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from storage.db import database_url
from tests.chaos.backends import backend
from tests.chaos.chat import new_user, percentile, say
from tests.chaos.fakeapi import ChaosTelegram
from tests.chaos.proc import BotProcess
from tests.chaos.results import Ctx, Result
from tests.fakes.telegram_api import StoredMessage

MIX = ("床位要多少", "/help", "业务用房面积要多大", "/status", "什么时候申报", "全科医生要几个")
P99_LIMIT = 1.0
TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_COMMITS = """SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = :db"""
_BACKENDS = """SELECT pid FROM pg_stat_activity WHERE datname = :db AND pid <> pg_backend_pid()"""


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds a process has used (Linux /proc); None when it is gone or unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (fields 14 and 15 of stat)


@dataclass
class Side:
    """One backend's bot, its fake Bot API and (PostgreSQL) a view of its server backends."""

    kind: str
    fake: ChaosTelegram
    bot: BotProcess
    chats: list[int]
    watch: AsyncEngine | None = None  # PostgreSQL: lists the server backends of the bot's database
    database: str | None = None
    steps: list[dict[str, object]] = field(default_factory=list)
    saturated: bool = False

    async def server_pids(self) -> list[int]:
        """The PostgreSQL backends connected to the bot's database (none for SQLite)."""
        if self.watch is None:
            return []
        async with self.watch.connect() as conn:
            return [int(p) for p in (await conn.execute(text(_BACKENDS), {"db": self.database})).scalars()]

    async def transactions(self) -> int | None:
        """Transactions committed in the bot's database so far (pg_stat_database; an autocommit
        statement is one): a round trip at least each. None for SQLite."""
        if self.watch is None:
            return None
        async with self.watch.connect() as conn:
            await conn.execute(text("SELECT pg_stat_clear_snapshot()"))
            found = await conn.execute(text(_COMMITS), {"db": self.database})
            return int(found.scalar_one())

    async def cpu(self) -> dict[int, float]:
        """{pid: CPU seconds} of the bot process and its server backends."""
        pids = [self.bot.process.pid] if self.bot.process is not None else []
        out: dict[int, float] = {}
        for pid in pids + await self.server_pids():
            used = cpu_seconds(pid)
            if used is not None:
                out[pid] = used
        return out


def cpu_used(before: dict[int, float], after: dict[int, float], bot_pid: int) -> tuple[float, float]:
    """(bot CPU s, server CPU s) between two readings; a backend that appeared meanwhile counts from
    zero (it was started during the step), one that went away is not counted (pools keep theirs)."""
    bot = after.get(bot_pid, 0.0) - before.get(bot_pid, 0.0)
    server = sum(used - before.get(pid, 0.0) for pid, used in after.items() if pid != bot_pid)
    return bot, server


async def run(ctx: Ctx, kind: str) -> Result:
    """Offer rising rates to both backends, interleaved; report p50/p99, CPU per update, capacity."""
    both = kind == "postgres"
    res = Result("capacity", kind)
    # From low rates up: on a busy shared machine capacity can be far below the 200/s of a quiet one.
    rates = ctx.scale((25, 50, 100), (25, 50, 75, 100, 125, 150, 200, 250, 300, 350, 400))
    step_s = ctx.scale(5.0, 10.0)
    async with AsyncExitStack() as stack:
        sides = [await stack.enter_async_context(_side(ctx, "sqlite"))]
        if both:
            sides.append(await stack.enter_async_context(_side(ctx, "postgres")))
        for i, rate in enumerate(rates):
            order = sides if i % 2 == 0 else sides[::-1]
            for side in order:
                if not side.saturated:
                    step = await _measured_step(side, rate, step_s)
                    side.steps.append(step)
                    side.saturated = step["p99_s"] is None or step["p99_s"] >= P99_LIMIT * 2  # type: ignore[operator]
            if all(s.saturated for s in sides):
                break
        for side in sides:
            await side.bot.terminate()
    capacity = {s.kind: _capacity(s.steps) for s in sides}
    for s in sides:
        cap = capacity[s.kind]
        res.figures[f"{s.kind}_capacity_per_s"] = f">= {cap}" if cap == max(rates) else cap
    res.figures["side_by_side"] = _table(sides)
    for s in sides:
        res.figures[f"{s.kind}_steps"] = s.steps
    if both:
        pg, lite = capacity["postgres"], capacity["sqlite"]
        res.check("vs_sqlite", "PostgreSQL capacity vs SQLite's (updates/s, measured interleaved)", f"{pg} vs {lite}",
                  ">= SQLite's", pg >= lite, 9, informational=ctx.quick)  # fmt: skip
    else:
        res.notes.append("no PostgreSQL: SQLite only, nothing to compare")
    return res


@asynccontextmanager
async def _side(ctx: Ctx, kind: str) -> AsyncIterator[Side]:
    """A started bot on a fresh database of `kind`, warmed up, with its own fake Bot API."""
    fake = ChaosTelegram()
    workdir = ctx.workdir / f"capacity-{kind}"
    async with backend(kind, workdir, ctx.pg_admin_url) as b:
        bot = BotProcess(fake, kind[:2], workdir, b.env() | {"MAX_MESSAGES_PER_SECOND": "100000"},
                         clock_shift=ctx.clock_shift)  # fmt: skip
        watch = create_async_engine(database_url(ctx.pg_admin_url)) if b.url and ctx.pg_admin_url else None
        try:
            await bot.start()
            chats = [new_user(fake, f"主任{i}") for i in range(800)]
            await asyncio.gather(*(say(fake, c, "/start", 30) for c in chats[:20]))  # warm the process up
            database = make_url(b.url).database if b.url else None
            yield Side(kind, fake, bot, chats, watch, database)
        finally:
            await bot.close()
            if watch is not None:
                await watch.dispose()


async def _measured_step(side: Side, rate: float, seconds: float) -> dict[str, object]:
    assert side.bot.process is not None
    before = await side.cpu()
    commits = await side.transactions()
    step = await _step(side.fake, side.chats, rate, seconds)
    after = await side.cpu()
    await _drained(side.fake)  # a backlog left by this step must not load the next measurement
    if commits is not None:
        await asyncio.sleep(1.0)  # a backend reports its counts at most once a second
        done = await side.transactions()
        step["transactions_per_update"] = round(((done or 0) - commits) / max(1, int(step["answered"])), 2)  # type: ignore[call-overload]
    bot_cpu, server_cpu = cpu_used(before, after, side.bot.process.pid)
    answered = max(1, int(step["answered"]))  # type: ignore[call-overload]
    step["bot_cpu_ms_per_update"] = round(bot_cpu / answered * 1000, 2)
    if side.kind == "postgres":
        step["server_cpu_ms_per_update"] = round(server_cpu / answered * 1000, 2)
    step["cpu_ms_per_update"] = round((bot_cpu + server_cpu) / answered * 1000, 2)
    return step


async def _drained(fake: ChaosTelegram, quiet: float = 1.0, most: float = 20.0) -> None:
    """Until the bot sent nothing for `quiet` seconds, at most `most` seconds."""
    end = time.monotonic() + most
    while time.monotonic() < end:
        count = len(fake.sent)
        await asyncio.sleep(quiet)
        if len(fake.sent) == count:
            return


def _capacity(steps: list[dict[str, object]]) -> int:
    passing = [s["offered_per_s"] for s in steps if s["unanswered"] == 0 and s["p99_s"] is not None
               and s["p99_s"] < P99_LIMIT]  # type: ignore[operator]  # fmt: skip
    return int(max(passing)) if passing else 0  # type: ignore[call-overload]


def _table(sides: list[Side]) -> list[str]:
    """One line per rate: each backend's p50 / p99 (s), unanswered, CPU ms per update."""
    rows = []
    rates = sorted({s["offered_per_s"] for side in sides for s in side.steps})  # type: ignore[type-var]
    for rate in rates:
        cells = []
        for side in sides:
            step = next((s for s in side.steps if s["offered_per_s"] == rate), None)
            if step is None:
                cells.append(f"{side.kind}: -")
            else:
                cells.append(f"{side.kind}: p50 {step['p50_s']} p99 {step['p99_s']} unanswered {step['unanswered']} "
                             f"cpu {step['cpu_ms_per_update']} ms")  # fmt: skip
        rows.append(f"{rate}/s | " + " | ".join(cells))
    return rows


async def _step(fake: ChaosTelegram, chats: list[int], rate: float, seconds: float) -> dict[str, object]:
    outstanding: dict[int, float] = {}
    latencies: list[float] = []

    def answered(msg: StoredMessage) -> None:
        began = outstanding.pop(msg.chat_id, None)
        if began is not None:
            latencies.append(time.monotonic() - began)

    fake.on_bot_message.append(answered)
    texts = itertools.cycle(MIX)
    offered = skipped = 0
    try:
        interval = 1.0 / rate
        start = time.monotonic()
        free = itertools.cycle(chats)
        next_at = start
        while next_at - start < seconds:
            now = time.monotonic()
            if next_at > now:
                await asyncio.sleep(next_at - now)
            chat = next(free)
            if chat in outstanding:
                skipped += 1  # every director is waiting: the bot is far behind
            else:
                outstanding[chat] = time.monotonic()
                fake.user_sends(chat, chat, next(texts))
                offered += 1
            next_at += interval
        grace = time.monotonic() + 3.0
        while outstanding and time.monotonic() < grace:
            await asyncio.sleep(0.05)
    finally:
        fake.on_bot_message.remove(answered)
    return {
        "offered_per_s": rate,
        "updates": offered,
        "unanswered": len(outstanding) + skipped,
        "answered": len(latencies),
        "p50_s": round(percentile(latencies, 50), 3) if latencies else None,
        "p99_s": round(percentile(latencies, 99), 3) if latencies else None,
    }
