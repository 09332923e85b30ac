"""One chat's long 429 (issue 11, item 4).

Telegram may tell the bot to wait before writing to ONE chat again (429 with retry_after, e.g.
after a burst into that chat). While that chat waits, other chats' replies must not. Five other
directors ask /help before (baseline) and during the flooded chat's wait; the extra delay of their
replies is the figure. Limit: others' replies delayed < 1 s."""

from __future__ import annotations

import asyncio
import statistics

from tests.chaos.backends import backend
from tests.chaos.chat import new_user, say
from tests.chaos.fakeapi import ChaosTelegram
from tests.chaos.proc import BotProcess
from tests.chaos.results import Ctx, Result

OTHERS = 5
DELAY_LIMIT = 1.0


async def run(ctx: Ctx, kind: str) -> Result:
    """Measure other chats' reply latency while one chat is refused with 429."""
    res = Result("one_chat_429", kind)
    retry_after = ctx.scale(10, 30)
    fake = ChaosTelegram()
    workdir = ctx.workdir / f"flood-{kind}"
    async with backend(kind, workdir, ctx.pg_admin_url) as b:
        bot = BotProcess(fake, "a", workdir, b.env(), clock_shift=ctx.clock_shift)
        try:
            await bot.start()
            flooded = new_user(fake, "被限流的主任")
            others = [new_user(fake, f"主任{i}") for i in range(OTHERS)]
            baseline: list[float] = []
            for _ in range(2):
                for chat in others:
                    latency, _ = await say(fake, chat, "/help", 20)
                    if latency is not None:
                        baseline.append(latency)
            # Every attempt to write to the flooded chat is refused for the whole run.
            fake.fail("sendMessage", 429, retry_after=retry_after, times=100, chat_id=flooded)
            fake.user_sends(flooded, flooded, "/help")
            await asyncio.sleep(0.5)  # the bot has tried, got the 429, and (today) waits
            during: list[float] = []
            unanswered = 0
            results = await asyncio.gather(*(say(fake, chat, "/help", retry_after + 15) for chat in others))
            for latency, _ in results:
                if latency is None:
                    unanswered += 1
                else:
                    during.append(latency)
            # No clean stop: the flooded chat's reply may still be waiting out its retries.
        finally:
            await bot.close()
    base = statistics.median(baseline) if baseline else float("nan")
    worst = max(during) if during else float("inf")
    delay = worst - base
    res.figures.update(
        retry_after_s=retry_after,
        baseline_reply_s=round(base, 3),
        worst_reply_during_429_s=round(worst, 2),
        other_chats_unanswered=unanswered,
    )
    res.check("delay", "extra delay of other chats' replies (s)", round(delay, 2), f"< {DELAY_LIMIT:.0f}",
              delay < DELAY_LIMIT and unanswered == 0, 4)  # fmt: skip
    return res
