"""The outbox sweep's claims never outlive the process that made them (issue 11 item 3, replies):
a sweep killed in the middle of a send left its row claimed for CLAIM_SECONDS (120 s), so a kept
reply waited two minutes after a restart. The claim names the instance (bot.nudges.instance): a
restart of the same instance takes it back at once, and a stop gives back the row it cut short."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot import texts
from bot.telegram.app import shell_of
from bot.telegram.courier import Courier
from core import clock
from dialogs.commands import help_text
from storage import outbox, users
from storage.db import Database
from tests.bot.telegram.conftest import MakeBot
from tests.fakes.phone import BotDriver, Person
from tests.fakes.telegram_api import FakeTelegram


async def kept_reply(fake: FakeTelegram, driver: BotDriver, name: str, db: Database) -> tuple[Person, int]:
    """A user whose answer to /help failed (5xx on every in-place retry) and was kept for the sweep."""
    shell_of(driver.app).courier.retry_first = 0  # due at once, for the sweeps below
    user = fake.user(name)
    fake.fail("sendMessage", 502, times=3, chat_id=user.id)
    assert await user.send("/help") == []
    uid = await users.user_id_of(db, "telegram", str(user.id))
    assert uid is not None
    return user, uid


class Died(Exception):
    """The process ended here (kill -9)."""


def die_during_next_send(courier: Courier) -> None:
    """The sweep's next send never completes: the process 'dies' with the row claimed."""
    real = courier.send

    async def died(*args: Any, **kwargs: Any) -> None:
        courier.send = real  # type: ignore[method-assign]
        raise Died

    courier.send = died  # type: ignore[method-assign]


async def test_the_shell_claims_with_its_instance_id(make_bot: MakeBot) -> None:
    shell = shell_of((await make_bot(nudge_interval=3600)).app)
    assert shell.instance is not None and shell.courier.owner == shell.instance.id


async def test_a_restart_sends_at_once_what_a_killed_sweep_of_the_same_instance_held(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database
) -> None:
    driver = await make_bot(nudge_interval=3600)
    courier = shell_of(driver.app).courier
    user, _uid = await kept_reply(fake, driver, "庚主任", sqlite_db)
    die_during_next_send(courier)
    with pytest.raises(Died):
        await courier.sweep(driver.app.bot)  # claimed, then the process died mid-send
    assert await courier.sweep(driver.app.bot) == 0  # held for CLAIM_SECONDS: nobody sends it
    assert await courier.release() == 1  # what the restarted instance does before its first sweep
    assert await courier.sweep(driver.app.bot) == 1
    assert user.replies() == [texts.REPLY_LATE, help_text()]


async def test_another_instance_leaves_a_live_sweeps_claim_alone(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database
) -> None:
    driver = await make_bot(nudge_interval=3600)
    courier = shell_of(driver.app).courier
    _user, _uid = await kept_reply(fake, driver, "辛主任", sqlite_db)
    die_during_next_send(courier)
    with pytest.raises(Died):
        await courier.sweep(driver.app.bot)
    owner = courier.owner
    courier.owner = "elsewhere:0:1"  # another instance starting: not its claim
    assert await courier.release() == 0
    courier.owner = owner
    assert await outbox.due(sqlite_db, "telegram", clock.now()) == []


async def test_a_stop_gives_back_the_row_it_cut_short(
    fake: FakeTelegram, make_bot: MakeBot, sqlite_db: Database
) -> None:
    driver = await make_bot(nudge_interval=3600)
    courier = shell_of(driver.app).courier
    _user, uid = await kept_reply(fake, driver, "壬主任", sqlite_db)
    die_during_next_send(courier)
    with pytest.raises(Died):
        await courier.sweep(driver.app.bot)
    await driver.stop()
    due = await outbox.due(sqlite_db, "telegram", clock.now() + dt.timedelta(seconds=1))
    assert [d.user_id for d in due] == [uid]  # for any instance's next sweep, not in 120 s
