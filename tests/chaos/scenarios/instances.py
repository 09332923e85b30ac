"""Two bot instances on one PostgreSQL database (issue 11, items 2 and 5).

Both run `python -m bot run --webhook` (two instances cannot both long-poll one bot) and share the
fake Bot API, which enforces Telegram's 30 messages a second per bot and 1 a second per chat and
answers 429 beyond that. Reminders are seeded as in the tick scenarios.

Pace: how many sendMessage calls arrive in any one second from both together, how many 429s they
cause, and what share of the allowed 30/s the delivered reminders used; and the CPU the two bot
processes used per message from the first delivery to the last (what limits the pace on a loaded
machine).
Slow API (long run only: it has to outlast the 5-minute claim lease): every sendMessage takes 2 s,
so one instance's batch of 200 outlasts its lease and the other instance takes the rows over.
Limits: 0 sent twice at any API speed; together <= 30 messages/s, 0 × 429, >= 90 % of 30/s used."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import time
from collections import Counter

from tests.chaos.backends import Backend, backend, nudge_rows, seed_reminders
from tests.chaos.chat import wait_for
from tests.chaos.fakeapi import ChaosTelegram
from tests.chaos.proc import BotProcess
from tests.chaos.results import Ctx, Result
from tests.chaos.scenarios.capacity import cpu_seconds
from tests.chaos.scenarios.tick import delivered

LIMIT_PER_SECOND = 30
SLOW_SECONDS = 2.0


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def webhook_env(b: Backend, slot: str) -> dict[str, str]:
    """Settings for `run --webhook` on its own loopback port."""
    return b.env() | {
        "WEBHOOK_URL": f"https://bot.example:8443/hook-{slot}",
        "WEBHOOK_PORT": str(free_port()),
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_SECRET": f"chaos-secret-{slot}",
    }


def peak_per_second(times: list[float]) -> int:
    """The most calls in any window of one second."""
    times = sorted(times)
    best = start = 0
    for end, t in enumerate(times):
        while t - times[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


async def run(ctx: Ctx, kind: str) -> Result:
    """The pace part, and (long run only) the slow-API part."""
    res = Result("two_instances", kind)
    await _pace(ctx, kind, res)
    if not ctx.quick:
        await _slow(ctx, kind, res)
    else:
        res.notes.append("the slow-API part (2 s per send, batches outlasting the 5-minute lease) runs without --quick")
    return res


async def _two(ctx: Ctx, fake: ChaosTelegram, b: Backend) -> list[BotProcess]:
    bots = [
        BotProcess(fake, slot, ctx.workdir / f"two-{slot}", webhook_env(b, slot), webhook=True,
                   clock_shift=ctx.clock_shift)
        for slot in ("a", "b")
    ]  # fmt: skip
    await asyncio.gather(*(bot.start() for bot in bots))
    return bots


async def _pace(ctx: Ctx, kind: str, res: Result) -> None:
    users = ctx.scale(200, 1500)
    fake = ChaosTelegram(flood_limit=LIMIT_PER_SECOND, per_chat_interval=1.0)
    async with backend(kind, ctx.workdir / "two-pace", ctx.pg_admin_url) as b:
        chats = [int(fake.add_user(f"主任{i}")["id"]) for i in range(users)]
        async with b.open() as db:
            codes = await seed_reminders(db, ctx.kb, chats, 2, ctx.bot_now())
        bots: list[BotProcess] = []
        try:
            bots = await _two(ctx, fake, b)
            # CPU from the first delivery to the last: the sending alone (start-up and the day's
            # replanning come before it).
            await wait_for(lambda: len(fake.sent) > 0, ctx.scale(90, 300), step=0.02)
            first_cpu, first_count = _cpu(bots), len(fake.sent)
            if os.environ.get("CHAOS_PROFILE"):  # tests/chaos/launch.py: profile from here on
                for bot in bots:
                    if bot.process is not None:
                        bot.process.send_signal(signal.SIGUSR1)
            done = await wait_for(lambda: len(delivered(fake)) >= len(codes), ctx.scale(90, 300), step=0.2)
            last_cpu, last_count = _cpu(bots), len(fake.sent)
            await asyncio.gather(*(bot.terminate() for bot in bots))
        finally:
            for bot in bots:
                await bot.close()
    attempts = [a.at for a in fake.arrivals if a.method == "sendmessage"]
    per_instance = Counter(a.instance.split("#")[0] for a in fake.arrivals if a.method == "sendmessage")
    firsts = sorted(s.at for s in fake.sent if s.text)
    counts = delivered(fake)
    twice = sum(c - 1 for c in counts.values() if c > 1)
    span = (firsts[-1] - firsts[0]) if len(firsts) > 1 else float("nan")
    used = len(firsts) / span / LIMIT_PER_SECOND if span and span == span else 0.0
    peak = peak_per_second(attempts)
    res.figures.update(
        reminders=len(codes),
        all_delivered=done,
        sends_attempted_by_instance=dict(per_instance),
        peak_sends_per_second_together=peak,
        too_many_requests=fake.too_many_requests,
        delivered_per_second=round(len(firsts) / span, 1) if span == span and span else None,
        share_of_30_per_second_used=f"{used:.0%}",
        sent_twice_fast_api=twice,
        bot_cpu_ms_per_send=round((last_cpu - first_cpu) / max(1, last_count - first_count) * 1000, 2),
    )
    res.check("peak", "messages/s from both instances together (peak second)", peak, f"<= {LIMIT_PER_SECOND}",
              peak <= LIMIT_PER_SECOND, 5)  # fmt: skip
    res.check("429", "429 answers received", fake.too_many_requests, "= 0", fake.too_many_requests == 0, 5)
    res.check("used", "share of 30 messages/s used", f"{used:.0%}", ">= 90%", used >= 0.9, 5)
    res.check("twice_fast", "reminders sent twice (fast API)", twice, "= 0", twice == 0, 2)


def _cpu(bots: list[BotProcess]) -> float:
    """User + system CPU seconds the bot processes have used so far, together."""
    pids = [bot.process.pid for bot in bots if bot.process is not None]
    return sum(cpu_seconds(pid) or 0.0 for pid in pids)


async def _slow(ctx: Ctx, kind: str, res: Result) -> None:
    fake = ChaosTelegram(flood_limit=LIMIT_PER_SECOND, per_chat_interval=1.0)
    fake.slow(SLOW_SECONDS, "sendmessage")
    async with backend(kind, ctx.workdir / "two-slow", ctx.pg_admin_url) as b:
        chats = [int(fake.add_user(f"主任{i}")["id"]) for i in range(130)]
        async with b.open() as db:
            codes = await seed_reminders(db, ctx.kb, chats, 2, ctx.bot_now())
        bots: list[BotProcess] = []
        began = time.monotonic()
        try:
            bots = await _two(ctx, fake, b)
            await wait_for(lambda: len(delivered(fake)) >= len(codes), 900, step=1.0)
            # Rows whose lease ran out mid-batch may still be in flight on the other instance.
            while time.monotonic() - began < 900:
                async with b.open() as db:
                    if not any(r["status"] == "pending" for r in await nudge_rows(db)):
                        break
                await asyncio.sleep(5)
            await asyncio.gather(*(bot.terminate() for bot in bots))
        finally:
            for bot in bots:
                await bot.close()
    counts = delivered(fake)
    twice = sum(c - 1 for c in counts.values() if c > 1)
    res.figures.update(slow_api_reminders=len(codes), slow_api_delivered=len(counts), slow_api_sent_twice=twice,
                       slow_api_seconds=round(time.monotonic() - began))  # fmt: skip
    res.check("twice_slow", f"reminders sent twice ({SLOW_SECONDS:.0f} s per send)", twice, "= 0", twice == 0, 2)
