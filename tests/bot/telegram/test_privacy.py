"""Privacy: /mydata as a JSON file, /forget deleting every row, and logs without secrets."""

from __future__ import annotations

import json
import logging

import pytest

from bot.telegram.app import build_application
from dialogs.texts import common
from dialogs.texts import mydata as M
from storage import users
from storage.db import Database
from tests.bot.telegram.conftest import MakeBot, settings_for
from tests.fakes.phone import BotDriver
from tests.fakes.telegram_api import FakeTelegram
from tests.support.databases import count_rows_for


async def test_mydata_sends_a_json_document(fake: FakeTelegram, bot: BotDriver) -> None:
    user = fake.user("张主任")
    await user.send("/start")
    await user.press("2. 吉林省")
    await user.send("/mydata")
    message = user.last_message()
    assert message.document is not None and message.document["mime_type"] == "application/json"
    assert message.caption.endswith(common.MYDATA_INTRO) and "吉林省" in message.caption  # a summary first (N37)
    name, content = user.documents()[-1]
    assert name == "mydata.json"
    data = json.loads(content.decode("utf-8"))
    account = data[M.SECTIONS["user"]]  # Chinese keys and values (dialogs/mydata.py)
    assert account[M.COLUMNS["region"]] == "吉林省" and account[M.COLUMNS["external_id"]] == str(user.id)
    assert account[M.COLUMNS["channel"]] == "Telegram"


async def test_forget_after_confirmation_deletes_every_row(fake: FakeTelegram, make_bot: MakeBot, db: Database) -> None:
    await make_bot(db=db)
    user = fake.user("李主任")
    await user.send("/start")
    await user.press("2. 吉林省")
    await user.send("/stage")
    await user.press(user.buttons()[0])
    await user.send("/check")
    await user.press("是")
    uid = await users.user_id_of(db, "telegram", str(user.id))
    assert uid is not None
    before = await count_rows_for(db, uid)
    assert before >= 3  # the user, the dialog state, a profile answer (and planned nudges)

    await user.send("/forget")
    await user.press(common.FORGET_NO)
    assert await count_rows_for(db, uid) == before
    await user.send("/forget")
    await user.press(common.FORGET_YES)
    assert user.last_reply() == common.FORGET_DONE
    assert await count_rows_for(db, uid) == 0
    assert await users.user_id_of(db, "telegram", str(user.id)) is None


async def test_logs_carry_neither_the_token_nor_what_users_wrote(
    fake: FakeTelegram, make_bot: MakeBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("telegram", "telegram.ext", "bot", "storage"):
        caplog.set_level(logging.DEBUG, logger=name)
    admin = fake.user("管理员")
    driver = await make_bot(admin_ids=[admin.id])
    user = fake.user("王主任")
    secrets = ["我院床位有四十二张吗", "业务用房面积要多大呢", "私人备注内容XYZ", "社区一院要不要验收"]
    await user.send("/start")
    await user.press("2. 吉林省")
    await user.send(secrets[0])
    fake.fail("sendMessage", 502, chat_id=user.id)
    await user.send(secrets[1])
    fake.fail("sendMessage", 429, retry_after=1, chat_id=user.id)
    await user.send(secrets[2])
    fake.fail("sendMessage", 500, times=3, chat_id=user.id)  # kept for later, logged as an error
    await user.send(secrets[3])
    sent = fake.user_sends(user.id, user.id, "原来的文字")
    await driver.pump()
    await user.edit(sent, "改过的文字")
    await driver.stop()

    records = caplog.records
    assert any(r.name.startswith("telegram") for r in records), "library logs were captured"
    assert any(r.levelno >= logging.ERROR for r in records), "the failure was logged"
    everything = "\n".join([r.getMessage() for r in records] + [caplog.text] + [r.exc_text or "" for r in records])
    assert fake.token not in everything
    assert fake.token.split(":")[1] not in everything
    for text in [*secrets, "原来的文字", "改过的文字"]:
        assert text not in everything, text
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING


async def test_even_the_library_debug_records_hide_the_token(
    fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    """httpx at DEBUG would print request URLs with the token; the factory holds it at WARNING,
    and the privacy filter masks the token in any record of the library loggers."""
    caplog.set_level(logging.DEBUG)
    app = build_application(settings_for(fake), request=fake.request(), db=None)
    logging.getLogger("telegram.Bot").debug("Set Bot API URL: %s", f"https://api.telegram.org/bot{fake.token}")
    assert fake.token not in caplog.text and "[TOKEN]" in caplog.text
    assert logging.getLogger("httpx").level == logging.WARNING
    await app.bot.initialize()
    await app.bot.shutdown()
    assert fake.token not in caplog.text
