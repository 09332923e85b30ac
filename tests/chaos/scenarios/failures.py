"""A reply that Telegram refuses, again and again (issue 11, item 6).

- 5xx four times in a row on the reply to one user, twice (two users, a few seconds apart): does
  the user get the answer later or at least an apology, and is an admin alerted for each incident?
- a permanent 400 ("chat not found") on a reply: how often is it tried, and is the user marked
  inactive as the reminder sender does?
- 429 four times on a reply (retry_after 1 s): does the answer arrive, or an apology instead?
Limits: no user left in silence; an admin alert per incident; a permanent 400 tried once and the
user marked inactive; after 429s the answer, not an apology."""

from __future__ import annotations

import time

from bot import texts as bot_texts
from dialogs.commands import help_text
from dialogs.texts import common as C
from tests.chaos.backends import backend, is_active
from tests.chaos.chat import new_user, wait_for
from tests.chaos.fakeapi import ChaosTelegram
from tests.chaos.proc import BotProcess
from tests.chaos.results import Ctx, Result

ALERT_MARK = bot_texts.ADMIN_ERROR_ALERT.split("：")[0]


async def run(ctx: Ctx, kind: str) -> Result:
    """Inject the failures one after another into one running bot and count outcomes."""
    res = Result("reply_failures", kind)
    fake = ChaosTelegram()
    admin = new_user(fake, "管理员")
    five = [new_user(fake, f"五百{i}") for i in range(2)]
    gone = new_user(fake, "已注销")
    limited = new_user(fake, "限流")
    workdir = ctx.workdir / f"failures-{kind}"
    outcomes: dict[int, str] = {}
    alerts_per_incident: list[int] = []
    async with backend(kind, workdir, ctx.pg_admin_url) as b:
        env = b.env() | {"ADMIN_IDS": str(admin)}
        bot = BotProcess(fake, "a", workdir, env, clock_shift=ctx.clock_shift)
        try:
            await bot.start()
            for chat in five:
                alerts_before = _alerts(fake, admin)
                fake.fail("sendMessage", 502, times=4, chat_id=chat)
                fake.user_sends(chat, chat, "/help")
                await wait_for(lambda c=chat: _outcome(fake, c) != "silence", ctx.scale(10, 30))
                await wait_for(lambda n=alerts_before: _alerts(fake, admin) > n, 3)
                outcomes[chat] = _outcome(fake, chat)
                alerts_per_incident.append(_alerts(fake, admin) - alerts_before)
            fake.fail("sendMessage", 400, "Bad Request: chat not found", times=50, chat_id=gone)
            began = time.monotonic()
            fake.user_sends(gone, gone, "/help")
            await wait_for(lambda: False, 6)  # the retries, if any, happen within a few seconds
            attempts_400 = sum(1 for a in fake.arrivals if a.method == "sendmessage" and a.chat_id == str(gone)
                               and a.at >= began)  # fmt: skip
            fake.fail("sendMessage", 429, retry_after=1, times=4, chat_id=limited)
            fake.user_sends(limited, limited, "/help")
            await wait_for(lambda: _outcome(fake, limited) != "silence", 20)
            outcomes[limited] = _outcome(fake, limited)
            await bot.terminate()
        finally:
            await bot.close()
        async with b.open() as db:
            gone_active = await is_active(db, gone)
    silent = [c for c in five if outcomes[c] == "silence"]
    res.figures.update(
        after_5xx_x4=[outcomes[c] for c in five],
        admin_alerts_per_5xx_incident=alerts_per_incident,
        attempts_on_permanent_400=attempts_400,
        user_active_after_400=gone_active,
        after_429_x4=outcomes[limited],
    )
    res.check("5xx_silence", "users left in silence after 4 × 5xx", len(silent), "= 0", not silent, 6)
    missed = sum(1 for n in alerts_per_incident if n == 0)
    res.check("5xx_alert", "5xx incidents without an admin alert", missed, "= 0", missed == 0, 6)
    res.check("400_attempts", "attempts on a permanent 400", attempts_400, "= 1", attempts_400 == 1, 6)
    res.check("400_inactive", "user marked inactive after a permanent 400", not gone_active, "= True",
              gone_active is False, 6)  # fmt: skip
    res.check("429_answer", "after 4 × 429 the user gets", outcomes[limited], "= answer",
              outcomes[limited] == "answer", 6)  # fmt: skip
    return res


def _outcome(fake: ChaosTelegram, chat: int) -> str:
    bodies = [m.body for m in fake.bot_messages(chat)]
    if any(b == help_text() for b in bodies):
        return "answer"
    if any(b == C.INTERNAL_ERROR for b in bodies):
        return "apology"
    return "silence"


def _alerts(fake: ChaosTelegram, admin: int) -> int:
    return sum(1 for m in fake.bot_messages(admin) if m.body.startswith(ALERT_MARK))
