"""kill -9 and SIGTERM while the outbox sweep sends a kept reply (issue 11 item 3, replies).

A reply that failed (5xx on every in-place retry) is kept for the sweep. Telegram then hangs on the
sweep's send; while it hangs the bot is killed (SIGKILL), or stopped (SIGTERM), and started again
at once with Telegram answering normally. The sweep's claim keeps other instances off the row for
120 s (bot/telegram/courier.py CLAIM_SECONDS): before the claim named its instance, the restarted
bot waited that out too.

Counted: seconds from the restart until the kept answer reached the user; how many times it
arrived; the stop's exit time. Limits: delivered <= 30 s after the restart, once (a kill -9 cuts
the send before Telegram carried it out, so nothing was delivered twice), the SIGTERM's exit
within the harness's 30 s."""

from __future__ import annotations

import asyncio
import time

from dialogs.commands import help_text
from tests.chaos.backends import backend
from tests.chaos.chat import new_user, wait_for
from tests.chaos.fakeapi import ChaosTelegram
from tests.chaos.proc import BotProcess
from tests.chaos.results import Ctx, Result

DELIVER_WITHIN = 30.0  # the limit after a restart
HANG = 600.0  # Telegram's answer to the sweep's send never comes while the bot lives


async def run(ctx: Ctx, kind: str) -> Result:
    """One kill -9 and one SIGTERM in the middle of a sweep's send, each with its own user."""
    res = Result("sweep_kill9", kind)
    fake = ChaosTelegram()
    workdir = ctx.workdir / f"sweep-{kind}"
    wait = ctx.scale(DELIVER_WITHIN + 5, 150.0)  # the long run waits long enough to see the old claim end
    async with backend(kind, workdir, ctx.pg_admin_url) as b:
        bot = BotProcess(fake, "a", workdir, b.env(), clock_shift=ctx.clock_shift)
        try:
            await bot.start()
            for how in ("kill9", "sigterm"):
                chat = new_user(fake, f"补发{how}")
                fake.fail("sendMessage", 502, times=3, chat_id=chat)  # every in-place retry of the reply
                fake.user_sends(chat, chat, "/help")
                if not await wait_for(lambda c=chat: _calls(fake, c) >= 3, 30):
                    raise RuntimeError(f"the reply to {how}'s user was tried {_calls(fake, chat)} times, not 3")
                fake.slow(HANG, "sendmessage")  # before the sweep takes the kept row (3 s later)
                if not await wait_for(lambda c=chat: _calls(fake, c) >= 4, 30):
                    raise RuntimeError("the sweep never sent the kept reply")
                await asyncio.sleep(0.3)  # inside the request, Telegram silent
                if how == "kill9":
                    await bot.kill9()
                else:
                    took = await bot.terminate()
                    res.figures["sigterm_exit_s"] = None if took is None else round(took, 2)
                    res.check("sigterm_exit", "seconds a SIGTERM took to stop the bot during a sweep's send",
                              res.figures["sigterm_exit_s"], "< 30", took is not None, 3)  # fmt: skip
                fake.latency.pop("sendmessage", None)
                restarted = time.monotonic()
                await bot.start()  # closes the old process's server: the hung send is never carried out
                got = await wait_for(lambda c=chat: _answers(fake, c) > 0, wait, step=0.1)
                after = round(time.monotonic() - restarted, 1) if got else None
                res.figures[f"{how}_answer_s_after_restart"] = after if after is not None else f"> {wait:.0f}"
                res.figures[f"{how}_answers"] = _answers(fake, chat)
                res.check(f"{how}_delivery", f"a kept reply the sweep was sending at a {how}, delivered after "
                          "the restart within (s)", res.figures[f"{how}_answer_s_after_restart"],
                          f"<= {DELIVER_WITHIN:.0f}", after is not None and after <= DELIVER_WITHIN, 3)  # fmt: skip
                await wait_for(lambda: False, 1.0)  # a second copy, if any, comes with the same sweep
                n = _answers(fake, chat)
                res.check(f"{how}_once", f"times that reply arrived ({how})", n, "= 1", n == 1, 3)
            await bot.terminate()
        finally:
            await bot.close()
    return res


def _calls(fake: ChaosTelegram, chat: int) -> int:
    return sum(1 for a in fake.arrivals if a.method == "sendmessage" and a.chat_id == str(chat))


def _answers(fake: ChaosTelegram, chat: int) -> int:
    return sum(1 for m in fake.bot_messages(chat) if m.body == help_text())
