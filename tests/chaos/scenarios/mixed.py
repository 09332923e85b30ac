"""Replies and reminders of two instances share one pace (issue 11 item 5, with replies).

Two `run --webhook` instances on one PostgreSQL database send due reminders to the fake Bot API
(Telegram's 30 messages/s per bot and 1/s per chat enforced, 429 beyond; a 50 ms round trip per
sendMessage) while directors ask questions, each update posted to one instance or the other in
turn, a new one as soon as a director got the answer to the last. Before replies were charged to
the shared pace, each instance's replies came on top of the reminders' 28/s (bot/pace.py).

Counted while both kinds go out: messages per second together (peak second), 429s, replies and
reminders delivered per second, the share of 30/s used, each reply's latency (update posted to its
first message), reminders sent twice and delivered. Limits: peak <= 30, 0 × 429, reply p99 < 1 s,
0 sent twice, every reminder delivered."""

from __future__ import annotations

import asyncio
import itertools
import os
import time
from collections import Counter

import httpx

from tests.chaos.backends import backend, seed_reminders
from tests.chaos.chat import new_user, percentile, wait_for
from tests.chaos.fakeapi import ChaosTelegram
from tests.chaos.proc import BotProcess
from tests.chaos.results import Ctx, Result
from tests.chaos.scenarios.capacity import MIX
from tests.chaos.scenarios.instances import LIMIT_PER_SECOND, peak_per_second, webhook_env
from tests.chaos.scenarios.tick import delivered
from tests.fakes.telegram_api import StoredMessage

ROUND_TRIP = 0.05
REPLY_P99_LIMIT = 1.0


async def run(ctx: Ctx, kind: str) -> Result:
    res = Result("pace_replies", kind)
    rate = ctx.scale(6.0, 8.0)  # updates offered per second, both instances together
    fake = ChaosTelegram(flood_limit=LIMIT_PER_SECOND, per_chat_interval=1.0)
    fake.round_trip(ROUND_TRIP, "sendmessage")
    async with backend(kind, ctx.workdir / "pace-replies", ctx.pg_admin_url) as b:
        chats = [int(fake.add_user(f"主任{i}")["id"]) for i in range(ctx.scale(200, 600))]
        directors = [new_user(fake, f"院长{i}") for i in range(80)]
        director_set = set(directors)
        async with b.open() as db:
            codes = await seed_reminders(db, ctx.kb, chats, 2, ctx.bot_now())
        bots = [
            BotProcess(fake, slot, ctx.workdir / f"mixed-{slot}",
                       webhook_env(b, slot) | {"DATA_DIR": str(b.data_dir / slot)}, webhook=True,
                       clock_shift=ctx.clock_shift)
            for slot in ("a", "b")
        ]  # fmt: skip
        latencies: list[float] = []
        asked: dict[int, float] = {}
        replies_at: list[float] = []

        def answered(msg: StoredMessage) -> None:
            if msg.chat_id in director_set:
                replies_at.append(time.monotonic())
            began = asked.pop(msg.chat_id, None)
            if began is not None:
                latencies.append(time.monotonic() - began)

        fake.on_bot_message.append(answered)
        try:
            await asyncio.gather(*(bot.start() for bot in bots))
            began = time.monotonic()
            ask = asyncio.create_task(_ask(fake, bots, directors, asked, rate))
            done = await wait_for(lambda: len(delivered(fake)) >= len(codes), ctx.scale(90, 300), step=0.2)
            reminders_end = time.monotonic()
            ask.cancel()
            await asyncio.gather(ask, return_exceptions=True)
            await wait_for(lambda: not asked, 5)
            await asyncio.gather(*(bot.terminate() for bot in bots))
        finally:
            fake.on_bot_message.remove(answered)
            for bot in bots:
                await bot.close()
    window = [a.at for a in fake.arrivals if a.method == "sendmessage" and began <= a.at <= reminders_end]
    reminder_times = sorted(s.at for s in fake.sent if s.chat_id not in director_set and s.text)
    reply_times = [t for t in replies_at if began <= t <= reminders_end]
    span = reminders_end - began
    counts = delivered(fake)
    twice = sum(c - 1 for c in counts.values() if c > 1)
    peak = peak_per_second(window)
    busiest = _busiest_second(fake, began, reminders_end, director_set)
    together = (len(reminder_times) + len(reply_times)) / span if span > 0 else 0.0
    p99 = percentile(latencies, 99)
    res.figures.update(
        reminders=len(codes), all_delivered=done, seconds=round(span, 1), load=round(os.getloadavg()[0], 1),
        updates_offered_per_s=rate, replies_answered=len(latencies),
        replies_per_s=round(len(reply_times) / span, 1), reminders_per_s=round(len(reminder_times) / span, 1),
        together_per_s=round(together, 1), share_of_30_used=f"{together / LIMIT_PER_SECOND:.0%}",
        peak_per_second=peak, too_many_requests=fake.too_many_requests, of_them_for_one_chat=fake.too_many_in_chat,
        reply_latency_p50_s=round(percentile(latencies, 50), 3), reply_latency_p99_s=round(p99, 3),
        sent_twice=twice, busiest_second_replies_reminders=busiest,
        sends_by_instance=dict(Counter(a.instance[0] for a in fake.arrivals if a.method == "sendmessage")),
    )  # fmt: skip
    res.check("peak", "replies and reminders of both instances, peak second", peak, f"<= {LIMIT_PER_SECOND}",
              peak <= LIMIT_PER_SECOND, 5)  # fmt: skip
    res.check("429", "429 answers", fake.too_many_requests, "= 0", fake.too_many_requests == 0, 5)
    res.check("reply_p99", "reply latency p99 (s) while reminders go out", round(p99, 3), f"< {REPLY_P99_LIMIT}",
              bool(latencies) and p99 < REPLY_P99_LIMIT, 5)  # fmt: skip
    res.check("used", "share of 30/s used by replies and reminders together", f"{together / LIMIT_PER_SECOND:.0%}",
              ">= 90%", together >= 0.9 * LIMIT_PER_SECOND, 5, informational=True)  # fmt: skip
    res.check("twice", "reminders sent twice", twice, "= 0", twice == 0, 2)
    res.check("all", "every reminder delivered", len(counts), f"= {len(codes)}", len(counts) == len(codes), 3)
    return res


async def _ask(fake: ChaosTelegram, bots: list[BotProcess], directors: list[int], asked: dict[int, float],
               rate: float) -> None:  # fmt: skip
    """Until cancelled: `rate` updates a second, each from a director not waiting for an answer,
    posted to the instances in turn (as a load balancer in front of two webhooks would)."""
    texts = itertools.cycle(MIX)
    targets = itertools.cycle(bots)
    free = itertools.cycle(directors)
    async with httpx.AsyncClient(trust_env=False, timeout=10) as client:
        next_at = time.monotonic()
        while True:
            now = time.monotonic()
            if next_at > now:
                await asyncio.sleep(next_at - now)
            next_at += 1.0 / rate
            chat = next(free)
            if chat in asked:
                continue
            fake.user_sends(chat, chat, next(texts))
            asked[chat] = time.monotonic()
            bot = next(targets)
            url = f"http://127.0.0.1:{bot.extra_env['WEBHOOK_PORT']}/hook-{bot.slot}"
            headers = {"X-Telegram-Bot-Api-Secret-Token": bot.extra_env["WEBHOOK_SECRET"]}
            for update in fake.take_updates():
                await client.post(url, json=update, headers=headers)


def _busiest_second(fake: ChaosTelegram, began: float, end: float, directors: set[int]) -> list[int]:
    """[replies, reminders] arrived in the busiest second of the window (sendMessage arrivals)."""
    calls = sorted((a.at, a.chat_id is not None and int(a.chat_id) in directors) for a in fake.arrivals
                   if a.method == "sendmessage" and began <= a.at <= end)  # fmt: skip
    best: list[int] = [0, 0]
    start = 0
    for i, (t, _) in enumerate(calls):
        while t - calls[start][0] >= 1.0:
            start += 1
        if i - start + 1 > sum(best):
            replies = sum(1 for _, is_reply in calls[start : i + 1] if is_reply)
            best = [replies, i - start + 1 - replies]
    return best
