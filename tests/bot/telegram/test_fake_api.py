"""The fake Bot API answers python-telegram-bot the way Telegram does (status codes, descriptions,
long polling), over the in-process transport and over a real loopback HTTP server."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, Conflict, EndPointNotFound, Forbidden, InvalidToken, RetryAfter, TimedOut
from telegram.request import HTTPXRequest

from tests.fakes.telegram_api import FakeServer, FakeTelegram


@pytest.fixture
async def api(fake: FakeTelegram) -> AsyncIterator[Bot]:
    bot = Bot(fake.token, request=fake.request(), get_updates_request=fake.request())
    await bot.initialize()
    yield bot
    await bot.shutdown()


async def test_get_me_and_token_checks(fake: FakeTelegram, api: Bot) -> None:
    assert api.username == fake.username and api.id == fake.bot_id
    wrong = Bot("7012345678:AAHsomeOtherTokenThatIsWellFormed-xyz00", request=fake.request())
    with pytest.raises(InvalidToken):
        await wrong.get_me()  # 401 Unauthorized
    assert fake.calls[-1].status == 401
    with pytest.raises(EndPointNotFound):
        await api.do_api_request("sendTelepathy")
    assert fake.calls[-1].status == 404


async def test_send_message_limits(fake: FakeTelegram, api: Bot) -> None:
    user = fake.user("张主任")
    with pytest.raises(BadRequest, match="too long"):
        await api.send_message(user.id, "字" * 4097)
    with pytest.raises(BadRequest, match="empty"):
        await api.send_message(user.id, "   ")
    with pytest.raises(BadRequest, match="not found"):
        await api.send_message(424242, "你好")
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("按钮", callback_data="x" * 65)]])
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await api.send_message(user.id, "你好", reply_markup=too_long)
    with pytest.raises(BadRequest, match="parse entities"):
        await api.send_message(user.id, "床位<30张", parse_mode="HTML")
    ok = await api.send_message(user.id, "字" * 4096)
    assert ok.message_id == 1 and user.last_reply() == "字" * 4096
    with pytest.raises(BadRequest, match="too long"):
        await api.send_message(user.id, "😀" * 2049)  # 2049 characters, but 4098 UTF-16 units


async def test_edits_follow_telegram_rules(fake: FakeTelegram, api: Bot) -> None:
    user = fake.user("李主任")
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("是", callback_data="d1:yes")]])
    sent = await api.send_message(user.id, "床位够吗？", reply_markup=keyboard)
    with pytest.raises(BadRequest, match="not modified"):
        await api.edit_message_text("床位够吗？", chat_id=user.id, message_id=sent.message_id, reply_markup=keyboard)
    edited = await api.edit_message_text("床位够吗？（已回答）", chat_id=user.id, message_id=sent.message_id)
    assert edited.text == "床位够吗？（已回答）" and user.last_message().reply_markup is None
    with pytest.raises(BadRequest, match="not modified"):
        await api.edit_message_reply_markup(chat_id=user.id, message_id=sent.message_id, reply_markup=None)
    with pytest.raises(BadRequest, match="not found"):
        await api.edit_message_text("x", chat_id=user.id, message_id=999)
    mine = fake.user_sends(user.id, user.id, "用户自己的消息")
    with pytest.raises(BadRequest, match="can't be edited"):
        await api.edit_message_text("x", chat_id=user.id, message_id=mine.message_id)


async def test_callback_queries_are_answered_once(fake: FakeTelegram, api: Bot) -> None:
    user = fake.user("王主任")
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("是", callback_data="d1:yes")]])
    sent = await api.send_message(user.id, "确定吗？", reply_markup=keyboard)
    qid = fake.user_presses(user.id, user.id, sent.message_id, "d1:yes")
    assert await api.answer_callback_query(qid)
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await api.answer_callback_query(qid)
    with pytest.raises(ValueError):
        fake.user_presses(user.id, user.id, sent.message_id, "d1:no")  # no such button


async def test_documents_arrive_as_multipart_with_name_and_bytes(fake: FakeTelegram, api: Bot) -> None:
    user = fake.user("赵主任")
    content = "自评报告".encode() * 1000
    sent = await api.send_document(user.id, InputFile(content, filename="自评报告.docx"), caption="您的报告")
    assert sent.document is not None and sent.document.file_name == "自评报告.docx"
    assert user.documents() == [("自评报告.docx", content)]
    assert user.last_message().caption == "您的报告"


async def test_get_updates_offsets_and_long_polling(fake: FakeTelegram, api: Bot) -> None:
    user = fake.user("孙主任")
    fake.user_sends(user.id, user.id, "第一条")
    fake.user_sends(user.id, user.id, "第二条")
    first = await api.get_updates(timeout=0)
    assert [u.message.text for u in first if u.message] == ["第一条", "第二条"]
    again = await api.get_updates(timeout=0)  # not confirmed yet: delivered again
    assert [u.update_id for u in again] == [u.update_id for u in first]
    confirmed = await api.get_updates(offset=first[-1].update_id + 1, timeout=0)
    assert confirmed == ()
    assert fake.pending_updates() == 0

    started = time.monotonic()
    assert await api.get_updates(offset=first[-1].update_id + 1, timeout=1) == ()
    assert time.monotonic() - started >= 0.9, "an empty long poll waits for its timeout"

    async def later() -> None:
        await asyncio.sleep(0.2)
        fake.user_sends(user.id, user.id, "第三条")

    task = asyncio.create_task(later())
    started = time.monotonic()
    got = await api.get_updates(offset=first[-1].update_id + 1, timeout=5)
    await task
    assert [u.message.text for u in got if u.message] == ["第三条"]
    assert time.monotonic() - started < 2, "a long poll returns as soon as an update arrives"


async def test_a_second_poller_or_a_webhook_conflicts(fake: FakeTelegram, api: Bot) -> None:
    first = asyncio.create_task(api.get_updates(timeout=3))
    await asyncio.sleep(0.1)
    second = asyncio.create_task(api.get_updates(timeout=0))
    with pytest.raises(Conflict, match="terminated by other getUpdates"):
        await first
    assert await second == ()
    with pytest.raises(BadRequest, match=r"(?i)https url must be provided"):
        await api.set_webhook("http://example.org/hook")
    assert await api.set_webhook("https://bot.example/hook", secret_token="s3cret")
    with pytest.raises(Conflict, match="webhook is active"):
        await api.get_updates(timeout=0)
    assert await api.delete_webhook()
    assert await api.get_updates(timeout=0) == ()


async def test_injected_faults_map_to_telegram_errors(fake: FakeTelegram, api: Bot) -> None:
    user = fake.user("周主任")
    fake.fail("sendMessage", 429, retry_after=7)
    with pytest.raises(RetryAfter) as wait:
        await api.send_message(user.id, "你好")
    assert "7" in str(wait.value)
    fake.fail("sendMessage", 403)
    with pytest.raises(Forbidden, match="blocked"):
        await api.send_message(user.id, "你好")
    fake.fail("sendMessage", timeout=True)
    with pytest.raises(TimedOut):
        await api.send_message(user.id, "你好")
    assert user.replies() == [], "nothing was delivered by the failed calls"
    fake.fail("sendMessage", timeout=True, processed=True)  # delivered, but the answer was lost
    with pytest.raises(TimedOut):
        await api.send_message(user.id, "你好")
    assert user.replies() == ["你好"]
    fake.user_blocks(user.id)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await api.send_message(user.id, "你好")


async def test_flood_control_answers_429_like_telegram(api: Bot) -> None:
    fake = FakeTelegram(flood_limit=5)
    bot = Bot(fake.token, request=fake.request())
    users = [fake.user(f"用户{i}") for i in range(6)]
    for u in users[:5]:
        await bot.send_message(u.id, "通知")
    with pytest.raises(RetryAfter):
        await bot.send_message(users[5].id, "通知")
    assert fake.too_many_requests == 1


async def test_the_same_fake_over_a_real_loopback_http_server(fake: FakeTelegram) -> None:
    server: FakeServer = await fake.serve()
    # trust_env=False: a proxy configured in the environment must not capture loopback traffic.
    request = HTTPXRequest(httpx_kwargs={"trust_env": False})
    bot = Bot(
        fake.token,
        base_url=server.base_url,
        request=request,
        get_updates_request=HTTPXRequest(httpx_kwargs={"trust_env": False}),
    )
    try:
        await bot.initialize()
        user = fake.user("吴主任")
        await bot.send_message(user.id, "你好，吴主任")
        await bot.send_document(user.id, InputFile(b'{"a": 1}', filename="mydata.json"))
        assert user.replies()[0] == "你好，吴主任"
        assert user.documents() == [("mydata.json", b'{"a": 1}')]
        fake.user_sends(user.id, user.id, "床位要多少")
        updates = await bot.get_updates(timeout=1)
        assert updates[0].message is not None and updates[0].message.text == "床位要多少"
        with pytest.raises(BadRequest, match="too long"):
            await bot.send_message(user.id, "长" * 5000)
    finally:
        await bot.shutdown()
        await server.close()
