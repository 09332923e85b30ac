"""Reminders reach Telegram through the TelegramSender, and a blocked user is marked inactive."""

from __future__ import annotations

import asyncio
import datetime as dt

from bot.nudges.tick import tick
from bot.ratelimit import RateLimiter, VirtualClock
from bot.telegram.app import shell_of
from bot.telegram.sender import TelegramSender
from core.clock import SHANGHAI
from knowledge.base import KnowledgeBase
from storage import nudges as nudge_store
from storage import users
from storage.db import Database
from tests.bot.telegram.conftest import MakeBot
from tests.fakes.phone import Person
from tests.fakes.telegram_api import FakeTelegram


async def planned_director(user: Person, db: Database) -> nudge_store.Nudge:
    await user.send("/start")
    await user.press("2. 吉林省")
    # The test runs on the real clock, and no loaded text gives Jilin a date from 2026 on (audit K1):
    # the director's own dated reminder is what plans the nudges.
    await user.send("/remind")
    await user.send("交材料 12月31日")
    uid = await users.user_id_of(db, "telegram", str(user.id))
    assert uid is not None
    today = dt.datetime.now(SHANGHAI).date()
    pending = [n for n in await nudge_store.user_nudges(db, uid) if n.status == "pending" and n.deadline_date >= today]
    assert pending, "adding a reminder plans nudges"
    return pending[0]


async def test_due_nudges_are_sent_through_telegram(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database, kb: KnowledgeBase
) -> None:
    driver = await make_bot()
    zhang, li = fake.user("张主任"), fake.user("李主任")
    first = await planned_director(zhang, sqlite_db)
    await planned_director(li, sqlite_db)
    fake.blocked.add(li.id)  # Li blocked the bot; the bot learns it from the 403

    due = first.due_at.astimezone(SHANGHAI) + dt.timedelta(minutes=1)
    clock = VirtualClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    report = await tick(sqlite_db, kb, TelegramSender(driver.app.bot), due, limiter)

    assert report.sent >= 1 and report.blocked == 1
    assert first.title in zhang.last_reply()
    assert (await users.load_state(sqlite_db, "telegram", str(li.id))).active is False
    again = await tick(sqlite_db, kb, TelegramSender(driver.app.bot), due, limiter)
    assert again.sent == 0, "a sent nudge is never sent twice"


async def test_the_run_loop_ticks_and_stops(fake: FakeTelegram, make_bot: MakeBot) -> None:
    driver = await make_bot(nudge_interval=0.05)
    shell = shell_of(driver.app)
    assert shell.nudges is not None and shell.nudges.task is not None
    await asyncio.sleep(0.2)
    assert not shell.nudges.task.done(), "a tick with nothing due keeps the loop alive"
    await driver.stop()
    assert shell.nudges is None
