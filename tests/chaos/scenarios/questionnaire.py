"""kill -9 in the middle of questionnaires (issue 11, item 1).

Directors (tests/chaos/director.py) fill in the 渝中 questionnaire, a fresh one starting whenever one
finishes, while the bot is killed with SIGKILL at random moments and restarted. sendMessage is made
a little slow (as Telegram is from far away), which widens the moment between "state saved" and
"reply delivered" in which a kill loses the reply but keeps the step. Afterwards every director's
stored profile is compared with their true answers.

Limit: 0 answers filed under the wrong question (over >= 50 kills in the long run)."""

from __future__ import annotations

import asyncio
import time

from bot.texts import REPLY_LATE
from dialogs.texts.common import STALE_BUTTON
from tests.chaos.backends import backend, profiles
from tests.chaos.director import Director, QuestionSheet
from tests.chaos.fakeapi import ChaosTelegram
from tests.chaos.proc import BotProcess
from tests.chaos.results import Ctx, Result

SEND_LATENCY = 0.1  # seconds per sendMessage
PATIENCE = 8.0  # seconds a director waits for a reply before answering the question on screen again
KILLS = (4, 50)  # (--quick, long); (0, 0) is the control run: then nothing may be misfiled


async def run(ctx: Ctx, kind: str) -> Result:
    """Directors fill in questionnaires while the bot is killed; count misfiled answers."""
    res = Result("questionnaire_kill9", kind)
    kills = ctx.scale(*KILLS) if ctx.kills is None else ctx.kills
    concurrent = ctx.scale(40, 40)
    fake = ChaosTelegram()
    fake.slow(SEND_LATENCY, "sendmessage")
    sheet = QuestionSheet.of(ctx.kb)
    workdir = ctx.workdir / f"questionnaire-{kind}"
    directors: list[Director] = []
    async with backend(kind, workdir, ctx.pg_admin_url) as b:
        bot = BotProcess(fake, "a", workdir, b.env(), clock_shift=ctx.clock_shift)
        boots: list[float] = []
        events: list[tuple[float, str]] = []  # (monotonic, "kill"/"up a#N"), for the transcripts
        stop = asyncio.Event()
        spawning = True
        tasks: set[asyncio.Task[None]] = set()

        def top_up() -> None:
            while len(tasks) < concurrent:
                d = Director(fake, sheet, sheet.truth(ctx.rng), PATIENCE)
                directors.append(d)
                task = asyncio.create_task(d.run(stop))
                tasks.add(task)
                task.add_done_callback(tasks.discard)

        async def supervise() -> None:
            while spawning:
                top_up()
                await asyncio.sleep(0.1)

        try:
            boots.append(await bot.start())
            top_up()  # the first directors start at once, so a control run without kills has some
            supervisor = asyncio.create_task(supervise())
            for _ in range(kills):
                await asyncio.sleep(ctx.rng.uniform(1.5, 4.0))
                await bot.kill9()
                events.append((time.monotonic(), f"KILL {bot.tag}"))
                await asyncio.sleep(ctx.rng.uniform(0.2, 1.0))
                boots.append(await bot.start())
                events.append((time.monotonic(), f"UP {bot.tag}"))
            spawning = False
            await supervisor
            # Let the directors in the middle finish; whoever is stuck after this is counted.
            if tasks:
                await asyncio.wait(set(tasks), timeout=ctx.scale(25, 90))
            stop.set()
            if tasks:
                await asyncio.gather(*set(tasks), return_exceptions=True)
            await bot.terminate()
        finally:
            stop.set()
            await bot.close()
        async with b.open() as db:
            stored = await profiles(db, [d.chat_id for d in directors if d.chat_id])

    misfiled = [(d.chat_id, *m) for d in directors if d.chat_id for m in d.misfiled(stored[d.chat_id])]
    missing = sum(len(d.missing(stored[d.chat_id])) for d in directors if d.chat_id)
    typed = sum(len(d.typed) for d in directors)
    res.figures.update(
        kills=kills,
        directors=len(directors),
        finished=sum(d.finished for d in directors),
        updates=fake._next_update_id - 1,
        typed_answers=typed,
        repeated_by_director=sum(d.repeats for d in directors),
        misfiled=len(misfiled),
        # A stale button after an answer ends the director's run; it is a lost verdict only when
        # the database shows every question answered (the questionnaire really ended).
        verdicts_lost=sum(d.result_lost and all(f in stored[d.chat_id] for f in d.truth) for d in directors),
        stopped_on_stale=sum(d.result_lost and not all(f in stored[d.chat_id] for f in d.truth) for d in directors),
        answers_missing=missing,
        boot_seconds_median=round(sorted(boots)[len(boots) // 2], 2),
    )
    res.notes += [f"chat {c}: {f} should be {want}, stored {got}" for c, f, want, got in misfiled[:5]]
    by_chat = {d.chat_id: d for d in directors}
    for chat_id in list(dict.fromkeys(c for c, *_ in misfiled))[:6]:  # what the director saw, in order
        res.notes.append(f"chat {chat_id} misfiled; timeline:\n" + timeline(fake, by_chat[chat_id], events))
    res.check("misfiled", "typed answers filed under the wrong question", len(misfiled), "= 0", not misfiled, 1)
    res.check("missing", "confirmed answers missing", missing, "= 0", missing == 0, 1)
    lost = res.figures["verdicts_lost"]
    res.check("verdict_lost", "questionnaires ended without the director seeing the verdict", lost, "= 0",
              lost == 0, 1)  # fmt: skip
    unfinished = len(directors) - res.figures["finished"] - lost - res.figures["stopped_on_stale"]
    res.figures["unfinished"] = unfinished
    res.notes.append(f"{unfinished} other directors did not reach the result (still in progress at the end)")
    for d in [d for d in directors if d.chat_id and not d.finished][:3]:
        last = [m.body[:50].replace("\n", " ") for m in fake.bot_messages(d.chat_id)[-2:]]
        res.notes.append(f"unfinished chat {d.chat_id}: {d.actions} actions, {d.repeats} repeats, screen {last}")
    if res.figures["stopped_on_stale"]:
        res.notes.append(
            f"{res.figures['stopped_on_stale']} directors met an expired button mid-questionnaire and stopped"
        )

    # "This button has expired" in a director's chat. Mostly the director's own doing (a press on a
    # question while a command they typed meanwhile was still to be answered); right after the note
    # that replies come late, it answered a press on what the sweep had delivered: a misread.
    def told(d: Director, late_first: bool) -> bool:
        bodies = [m.body for m in fake.bot_messages(d.chat_id)]
        pairs = zip([None, *bodies], bodies, strict=False)
        return any(b == STALE_BUTTON and (not late_first or a == REPLY_LATE) for a, b in pairs)

    expired = [d for d in directors if d.chat_id and told(d, False)]
    late = [d for d in expired if told(d, True)]
    res.figures.update(chats_told_expired=len(expired), chats_told_expired_late=len(late))
    for d in (late + [d for d in expired if d not in late])[:2]:
        chat = sorted(fake.messages[d.chat_id].values(), key=lambda m: m.message_id)
        seen = [f"{m.message_id}{'<' if m.from_bot else '>'}{m.body[:14]}" for m in chat]
        res.notes.append(f"chat {d.chat_id} told expired; messages {seen}; presses {d.pressed}")
    for d in [d for d in directors if d.result_lost][:3]:
        res.notes.append(f"chat {d.chat_id} stopped at an expired button; timeline:\n" + timeline(fake, d, events))
    return res


def timeline(fake: ChaosTelegram, d: Director, events: list[tuple[float, str]]) -> str:
    """The chat as it happened: the director's messages and presses, the bot's messages (with the
    process that sent them) and the kills and restarts in between, oldest first."""
    rows = [(at, f"  > {mid or ''} {what}") for at, mid, what in d.said]
    rows += [(s.at, f"  < {s.message_id} [{s.instance}] {s.text[:24]!r}") for s in fake.sent if s.chat_id == d.chat_id]
    if rows:
        first, last = min(r[0] for r in rows), max(r[0] for r in rows)
        rows += [(at, f"  -- {what}") for at, what in events if first - 1 <= at <= last]
        base = first
        return "\n".join(f"{at - base:7.2f}{line}" for at, line in sorted(rows))
    return ""
