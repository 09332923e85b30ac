"""Issue 10, Telegram start-up and real polling.

- Every start-up call can fail once (getMe, deleteWebhook, setMyCommands, getUpdates): `python -m bot
  run` logs it and goes on, and answers the first message (the production path, a real process
  against the fake over loopback HTTP).
- setMyCommands failing in any way (400, 5xx, a timeout) is logged; the bot works without a menu.
- Updates through PTB's own Updater polling (not the test pump): a burst of messages is answered in
  order, a double tap on one button acts once, and a reminder arriving in the middle of the
  questionnaire does not take the director's next answer away from the pending question."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import signal
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.nudges.tick import tick
from bot.ratelimit import RateLimiter, VirtualClock
from bot.telegram.app import ALLOWED_UPDATES, BOOTSTRAP_RETRIES, build_application
from bot.telegram.sender import TelegramSender
from core.clock import SHANGHAI
from core.model import OwnReminder
from dialogs.texts import common as C
from knowledge.base import KnowledgeBase
from storage import users
from storage.db import Database
from tests.bot.commands.test_run import finished, run_bot
from tests.bot.telegram.conftest import settings_for
from tests.fakes.phone import wait_until
from tests.fakes.telegram_api import FakeTelegram


async def test_every_start_up_call_failing_once_does_not_stop_the_bot(tmp_path: Path, fake: FakeTelegram) -> None:
    server = await fake.serve()
    fake.fail("getMe", 502)
    fake.fail("deleteWebhook", timeout=True)
    fake.fail("setMyCommands", 400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
    fake.fail("getUpdates", 500)
    process = await run_bot(tmp_path, TELEGRAM_BOT_TOKEN=fake.token, TELEGRAM_API_BASE_URL=server.base_url)
    try:
        user = fake.user("张主任")
        fake.user_sends(user.id, user.id, "/start")
        await wait_until(lambda: len(user.replies()) >= 2 or process.returncode is not None, timeout=90)
        assert process.returncode is None, "the bot stopped at start-up"
        assert user.last_reply().startswith("请先选择您所在的地区")
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        code, err = await finished(process)
        await server.close()
    assert code == 0
    assert all(f.times == 0 for f in fake.faults), "every injected start-up failure was met"
    assert "setMyCommands failed" in err


@pytest.mark.parametrize(
    "fault", [{"status": 400, "description": "Bad Request: BOT_COMMAND_INVALID"}, {"status": 500}, {"timeout": True}]
)
async def test_a_failing_command_menu_is_logged_and_the_bot_answers(
    fake: FakeTelegram, make_bot: Any, caplog: pytest.LogCaptureFixture, fault: dict[str, Any]
) -> None:
    fake.fail("setMyCommands", **fault)
    with caplog.at_level(logging.WARNING):
        await make_bot()
    assert "setMyCommands failed" in caplog.text
    user = fake.user("张主任")
    assert await user.send("/help")


# --- real polling --------------------------------------------------------------------------------


@pytest.fixture
async def polling_bot(fake: FakeTelegram, sqlite_db: Database, kb: KnowledgeBase) -> AsyncIterator[Any]:
    """The real Application receiving updates through its own Updater (long polling)."""
    app = build_application(settings_for(fake), request=fake.request(), db=sqlite_db, kb=kb)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    assert app.updater is not None
    await app.updater.start_polling(
        poll_interval=0.0, timeout=1, allowed_updates=ALLOWED_UPDATES, bootstrap_retries=BOOTSTRAP_RETRIES
    )
    await app.start()
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        if app.post_stop is not None:
            await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


async def test_a_burst_is_answered_in_order(fake: FakeTelegram, polling_bot: Any) -> None:
    user = fake.user("张主任")
    burst = [("吉林", "吉林省"), ("北京", "北京市"), ("全国", "全国"), ("渝中", "渝中"), ("吉林", "吉林省")]
    for word, _ in burst:  # faster than any reply: they arrive together in one getUpdates batch
        fake.user_sends(user.id, user.id, f"/region {word}")
    await wait_until(lambda: len(user.replies()) >= len(burst), timeout=30)
    replies = user.replies()
    assert len(replies) == len(burst), replies
    for (_, name), reply in zip(burst, replies, strict=True):
        assert name in reply.split("。")[0], (name, reply)


async def test_a_double_tap_acts_once(fake: FakeTelegram, polling_bot: Any, sqlite_db: Database) -> None:
    user = fake.user("张主任")
    fake.user_sends(user.id, user.id, "/start")
    await wait_until(lambda: len(user.replies()) >= 2, timeout=20)
    message = user.last_message()
    data = next(b["callback_data"] for row in message.button_rows() for b in row if "吉林" in b["text"])
    fake.user_presses(user.id, user.id, message.message_id, data)
    fake.user_presses(user.id, user.id, message.message_id, data)
    await wait_until(lambda: sum("吉林省" in r for r in user.replies()) >= 1 and fake.pending_updates() == 0)
    await wait_until(lambda: all(q["answered"] for q in fake.callback_queries.values()))
    await asyncio.sleep(0.3)  # the second tap's turn, had it said anything
    # The second tap on the same message was taken already (bot/seen.py pressed_again): no
    # "this button has expired" under the region's confirmation, and the region set once.
    assert not any(r.startswith(C.STALE_BUTTON) for r in user.replies()), user.replies()
    assert sum(r.startswith("已将地区设为") for r in user.replies()) == 1, user.replies()


async def test_a_reminder_arriving_mid_dialog_keeps_the_pending_question(
    fake: FakeTelegram, polling_bot: Any, sqlite_db: Database, kb: KnowledgeBase
) -> None:
    user = fake.user("张主任")
    fake.user_sends(user.id, user.id, "/region 吉林")
    await wait_until(lambda: len(user.replies()) >= 1, timeout=20)
    fake.user_sends(user.id, user.id, "/check")
    await wait_until(lambda: len(user.replies()) >= 3, timeout=20)
    state = await users.load_state(sqlite_db, "telegram", str(user.id))
    pending_step = state.step
    # an own reminder due now, planned as /remind would, sent by the real tick while the user answers
    today = dt.datetime.now(SHANGHAI).date()
    state.reminders.append(OwnReminder("交材料", today + dt.timedelta(days=1)))
    await users.save_state(sqlite_db, state)
    from bot.nudges.replan import replan_user

    await replan_user(sqlite_db, kb, state, dt.datetime.now(SHANGHAI))
    clock = VirtualClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    # tomorrow 10:00 in Shanghai: the reminder is due and it is not the quiet hours, whatever the
    # machine's real time of day
    moment = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(10), tzinfo=SHANGHAI)
    sending = asyncio.create_task(tick(sqlite_db, kb, TelegramSender(polling_bot.bot), moment, limiter))
    fake.user_sends(user.id, user.id, "是")  # the director answers the pending question meanwhile
    report = await sending
    assert report.sent == 1
    await wait_until(lambda: any("交材料" in r for r in user.replies()), timeout=20)
    after = await _wait_for_step_change(sqlite_db, user.id, pending_step, user.replies)
    assert pending_step in after.profile, "the answer went to the question the director saw"


async def _wait_for_step_change(db: Database, user_id: int, step: str | None, replies: Any) -> Any:
    for _ in range(200):
        state = await users.load_state(db, "telegram", str(user_id))
        if state.step != step:
            return state
        await asyncio.sleep(0.05)
    raise AssertionError(f"the answer was not taken: {state.step} {state.data} {replies()[-3:]}")
