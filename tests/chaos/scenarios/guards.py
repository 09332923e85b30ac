"""Authorisation, privacy and input guards of the running bot (issue 11, items 7, 8 and 10).

- /broadcast confirmation pressed by a non-admin (a forged callback on the admin's confirmation
  message), and pressed by an admin who was removed from ADMIN_IDS (restart in between): how many
  users receive the broadcast? Limit 0: rights are checked when the effect is carried out.
- /forget after a declined question: rows of the unanswered log with that user's text (limit 0);
  and whether /mydata shows the user's logged questions.
- file modes (SQLite): DATA_DIR and the database, WAL and SHM files private to the bot's user
  (no group/other bits), measured with umask 022.
- the webhook given invalid JSON, or bytes that are not UTF-8, with the right secret: HTTP 400."""

from __future__ import annotations

import asyncio
import stat
from pathlib import Path

import httpx

from dialogs.texts import admin as AT
from dialogs.texts import common as C
from tests.chaos.backends import backend, unanswered_texts
from tests.chaos.chat import new_user, press, say, wait_for
from tests.chaos.fakeapi import ChaosTelegram
from tests.chaos.proc import BotProcess
from tests.chaos.results import Ctx, Result
from tests.chaos.scenarios.instances import webhook_env

DECLINED = "明天天气怎么样"  # declined and logged (tests/telegram/test_journey.py)


async def run(ctx: Ctx, kind: str) -> Result:
    """Run the authorisation, privacy, file-mode and webhook checks on one backend."""
    res = Result("guards", kind)
    fake = ChaosTelegram()
    admin = new_user(fake, "管理员")
    outsider = new_user(fake, "普通用户")
    readers = [new_user(fake, f"读者{i}") for i in range(3)]
    private = new_user(fake, "隐私用户")
    workdir = ctx.workdir / f"guards-{kind}"
    modes: dict[str, str] = {}
    async with backend(kind, workdir, ctx.pg_admin_url) as b:
        bot = BotProcess(fake, "a", workdir, b.env() | {"ADMIN_IDS": str(admin)}, clock_shift=ctx.clock_shift)
        try:
            await bot.start()
            for chat in [*readers, outsider, admin]:
                await say(fake, chat, "/start", 20)

            # a forged press of 确认发送 by a non-admin, on the admin's confirmation message
            _, shown = await say(fake, admin, "/broadcast all 群发测试甲", 20)
            confirm = next(m for m in shown if AT.BROADCAST_YES in m.labels())
            await press(fake, admin, confirm, AT.BROADCAST_YES, 20, presser=outsider)
            await asyncio.sleep(3)
            forged = _received(fake, readers, "群发测试甲")

            # an admin removed from ADMIN_IDS between the command and the confirmation
            _, shown = await say(fake, admin, "/broadcast all 群发测试乙", 20)
            confirm = next(m for m in shown if AT.BROADCAST_YES in m.labels())
            await bot.terminate()
            bot.extra_env = b.env() | {"ADMIN_IDS": ""}
            await bot.start()
            await press(fake, admin, confirm, AT.BROADCAST_YES, 20)
            await asyncio.sleep(3)
            removed = _received(fake, readers, "群发测试乙")

            # /mydata and /forget after a declined question
            await say(fake, private, DECLINED, 20)
            async with b.open() as db:
                logged_before = sum(1 for t in await unanswered_texts(db) if DECLINED in t)
            await say(fake, private, "/mydata", 20)
            await wait_for(lambda: any(m.document for m in fake.bot_messages(private)), 10)
            export = next((m.file_bytes or b"" for m in fake.bot_messages(private) if m.document), b"")
            in_mydata = DECLINED in export.decode("utf-8", "replace")
            _, shown = await say(fake, private, "/forget", 20)
            confirm = next(m for m in shown if C.FORGET_YES in m.labels())
            await press(fake, private, confirm, C.FORGET_YES, 20)
            if kind == "sqlite":
                modes = _modes(b.data_dir)
            await bot.terminate()
            async with b.open() as db:
                logged_after = sum(1 for t in await unanswered_texts(db) if DECLINED in t)

            # the webhook and bad input
            hook = BotProcess(fake, "w", workdir, webhook_env(b, "w"), webhook=True, clock_shift=ctx.clock_shift)
            try:
                await hook.start()
                statuses = await _bad_posts(hook)
            finally:
                await hook.close()
        finally:
            await bot.close()

    res.figures.update(
        broadcast_received_after_forged_press=forged,
        broadcast_received_after_admin_removed=removed,
        unanswered_rows_before_forget=logged_before,
        unanswered_rows_after_forget=logged_after,
        mydata_shows_logged_questions=in_mydata,
        webhook_status_invalid_json=statuses["json"],
        webhook_status_invalid_utf8=statuses["utf8"],
    )
    res.check("forged_press", "users who got a broadcast confirmed by a non-admin's press", forged, "= 0",
              forged == 0, 7)  # fmt: skip
    res.check("removed_admin", "users who got a broadcast confirmed by a removed admin", removed, "= 0",
              removed == 0, 7)  # fmt: skip
    res.check("forget_log", "the user's declined questions left after /forget", logged_after, "= 0",
              logged_after == 0 and logged_before > 0, 8)  # fmt: skip
    res.check("mydata_log", "/mydata shows the user's logged questions", in_mydata, "= True", in_mydata, 8)
    if modes:
        res.figures["file_modes"] = modes
        loose = [name for name, mode in modes.items() if int(mode, 8) & 0o077]
        res.check("file_modes", "DATA_DIR and SQLite files readable by group/others", loose, "= []", not loose, 8)
    for name in ("json", "utf8"):
        res.check(f"webhook_{name}", f"webhook answer to invalid {name.upper()}", statuses[name], "= 400",
                  statuses[name] == 400, 10)  # fmt: skip
    return res


def _received(fake: ChaosTelegram, chats: list[int], marker: str) -> int:
    return sum(1 for chat in chats if any(marker in m.body for m in fake.bot_messages(chat)))


def _modes(data_dir: Path) -> dict[str, str]:
    out = {"DATA_DIR": oct(stat.S_IMODE(data_dir.stat().st_mode))}
    for suffix in ("", "-wal", "-shm"):
        path = data_dir / f"assistant.sqlite3{suffix}"
        if path.exists():
            out[path.name] = oct(stat.S_IMODE(path.stat().st_mode))
    return out


async def _bad_posts(hook: BotProcess) -> dict[str, int]:
    port = hook.extra_env["WEBHOOK_PORT"]
    secret = hook.extra_env["WEBHOOK_SECRET"]
    url = f"http://127.0.0.1:{port}/hook-{hook.slot}"
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret, "Content-Type": "application/json"}
    out: dict[str, int] = {}
    async with httpx.AsyncClient(trust_env=False, timeout=10) as client:
        bodies = {"json": b'{"update_id": 1, "message": ', "utf8": b'{"update_id": 2, "x": "\xff\xfe"}'}
        for name, body in bodies.items():
            out[name] = (await client.post(url, content=body, headers=headers)).status_code
    return out
