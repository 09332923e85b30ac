"""PostgreSQL against SQLite at the same load (issue 11, item 9).

Directors' updates (questions, /help, /status) are offered at fixed rates to the real bot over the
loopback fake; each director has at most one update outstanding, and the reply latency is the time
from the update entering the fake to the bot's first message in that chat. The send pace limit is
lifted (MAX_MESSAGES_PER_SECOND) so that only the turn itself is measured.
Capacity: the highest offered rate at which every update was answered and p99 stayed under 1 s.
Limit: PostgreSQL's capacity >= SQLite's. The comparison needs the runner to hold the whole
machine, so in --quick (CI, a shared machine) the figures are printed but not judged."""

from __future__ import annotations

import asyncio
import itertools
import time

from tests.chaos.backends import backend
from tests.chaos.chat import new_user, percentile, say
from tests.chaos.fakeapi import ChaosTelegram
from tests.chaos.proc import BotProcess
from tests.chaos.results import Ctx, Result
from tests.fakes.telegram_api import StoredMessage

MIX = ("床位要多少", "/help", "业务用房面积要多大", "/status", "什么时候申报", "全科医生要几个")
P99_LIMIT = 1.0
_CAPACITY: dict[str, int] = {}  # backend -> capacity, for the comparison in the last run


async def run(ctx: Ctx, kind: str) -> Result:
    """Offer the load in steps of rising rate; report p50/p99 and capacity."""
    res = Result("capacity", kind)
    rates = ctx.scale((150,), tuple(range(100, 425, 25)))
    step_s = ctx.scale(5.0, 15.0)
    fake = ChaosTelegram()
    workdir = ctx.workdir / f"capacity-{kind}"
    steps: list[dict[str, object]] = []
    async with backend(kind, workdir, ctx.pg_admin_url) as b:
        bot = BotProcess(fake, "a", workdir, b.env() | {"MAX_MESSAGES_PER_SECOND": "100000"},
                         clock_shift=ctx.clock_shift)  # fmt: skip
        try:
            await bot.start()
            chats = [new_user(fake, f"主任{i}") for i in range(800)]
            await asyncio.gather(*(say(fake, c, "/start", 30) for c in chats[:20]))  # warm the process up
            for rate in rates:
                step = await _step(fake, chats, rate, step_s)
                steps.append(step)
                if step["p99_s"] is None or step["p99_s"] >= P99_LIMIT * 2:  # type: ignore[operator]
                    break
            await bot.terminate()
        finally:
            await bot.close()
    passing = [s["offered_per_s"] for s in steps if s["unanswered"] == 0 and s["p99_s"] is not None
               and s["p99_s"] < P99_LIMIT]  # type: ignore[operator]  # fmt: skip
    capacity = int(max(passing)) if passing else 0  # type: ignore[call-overload]
    _CAPACITY[kind] = capacity
    res.figures.update(steps=steps, capacity_per_s=f">= {capacity}" if capacity == max(rates) else capacity)
    if kind == "postgres" and "sqlite" in _CAPACITY:
        sqlite = _CAPACITY["sqlite"]
        res.check("vs_sqlite", "PostgreSQL capacity vs SQLite's (updates/s)", f"{capacity} vs {sqlite}",
                  ">= SQLite's", capacity >= sqlite, 9, informational=ctx.quick)  # fmt: skip
    return res


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
        "p50_s": round(percentile(latencies, 50), 3) if latencies else None,
        "p99_s": round(percentile(latencies, 99), 3) if latencies else None,
    }
