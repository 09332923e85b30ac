"""Rendering replies as Telegram messages: long texts split at line breaks, buttons under the last
part, documents as files, the nudge sender's error mapping — all against the fake Bot API."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram.ext import AIORateLimiter, ExtBot

from bot.delivery import Blocked, RetryLater, TransientError
from bot.telegram.outgoing import send_reply, split_text, utf16_len
from bot.telegram.sender import TelegramSender
from core.limits import MESSAGE_MAX_CHARS
from core.model import Button, Document, Reply
from dialogs import qa
from knowledge.base import KnowledgeBase
from knowledge.search.model import Answer, SearchResult, Source
from tests.fakes.telegram_api import FakeTelegram


@pytest.fixture
async def ext_bot(fake: FakeTelegram) -> AsyncIterator[ExtBot[Any]]:
    bot: ExtBot[Any] = ExtBot(fake.token, request=fake.request(), rate_limiter=AIORateLimiter(max_retries=0))
    await bot.initialize()
    yield bot
    await bot.shutdown()


async def test_a_long_answer_is_split_at_line_breaks(fake: FakeTelegram, ext_bot: ExtBot[Any]) -> None:
    user = fake.user("张主任")
    lines = [f"第{i}条：📄 吉卫基层发〔2020〕5号，四（二）规定实际开放床位数≥30张。" for i in range(300)]
    reply = Reply("\n".join(lines), buttons=((Button("是", "d1:yes"), Button("否", "d1:no")),))
    sent = await send_reply(ext_bot, user.id, reply)
    assert len(sent) > 1
    received = user.messages()
    assert all(len(m.body.encode("utf-16-le")) // 2 <= 4096 for m in received)
    assert "\n".join(m.body for m in received).split("\n") == lines, "no line was cut or lost"
    assert [m.labels() for m in received] == [[]] * (len(received) - 1) + [["是", "否"]]


def test_emoji_count_twice_toward_the_limit() -> None:
    text = "\n".join(["📄" * 100] * 60)  # 6,059 characters, 12,059 UTF-16 units
    parts = split_text(text)
    assert all(len(p.encode("utf-16-le")) // 2 <= 4096 for p in parts)
    assert "\n".join(parts) == text


async def test_documents_with_short_and_long_text(fake: FakeTelegram, ext_bot: ExtBot[Any]) -> None:
    user = fake.user("李主任")
    doc = Document("报告.docx", b"PK\x03\x04data")
    await send_reply(ext_bot, user.id, Reply("这是您的报告。", document=doc))
    assert [(m.caption, m.document is not None) for m in user.messages()] == [("这是您的报告。", True)]
    await send_reply(ext_bot, user.id, Reply("长" * 2000, document=doc))
    last_two = user.messages()[-2:]
    assert last_two[0].text == "长" * 2000 and last_two[1].document is not None
    assert user.documents()[-1] == ("报告.docx", b"PK\x03\x04data")


async def test_sender_maps_telegram_errors(fake: FakeTelegram, ext_bot: ExtBot[Any]) -> None:
    sender = TelegramSender(ext_bot)
    user = fake.user("王主任")
    await sender.send_text(str(user.id), "截止日期提醒")
    assert user.last_reply() == "截止日期提醒"
    fake.fail("sendMessage", 429, retry_after=3)
    with pytest.raises(RetryLater) as wait:
        await sender.send_text(str(user.id), "截止日期提醒")
    assert wait.value.seconds == 3
    for status in (500, 502):
        fake.fail("sendMessage", status)
        with pytest.raises(TransientError):
            await sender.send_text(str(user.id), "截止日期提醒")
    fake.fail("sendMessage", timeout=True)
    with pytest.raises(TransientError):
        await sender.send_text(str(user.id), "截止日期提醒")
    with pytest.raises(Blocked):
        await sender.send_text("999999", "截止日期提醒")  # chat not found: gone for good
    fake.user_blocks(user.id)
    with pytest.raises(Blocked):
        await sender.send_text(str(user.id), "截止日期提醒")


def test_every_entry_renders_under_telegrams_limit(kb: KnowledgeBase) -> None:
    for a in kb.index.answers:
        for part in split_text(qa.format_answer(a)):
            assert utf16_len(part) <= MESSAGE_MAX_CHARS


def test_long_per_region_answer_is_split_at_line_breaks(kb: KnowledgeBase) -> None:
    long = Answer("x", "问", "很长的答案。\n" * 600, (Source("文件", "号", "一"),), ("jilin",))
    other = Answer("y", "问", "另一个答案。", (Source("文件", "", "二"),), ("beijing",))
    result = SearchResult("answer", 0.9, answers=(long,), per_region=(long, other))
    (reply,) = qa.render_result(result, kb, None, dt.date(2026, 3, 10))
    parts = split_text(reply.text)
    assert len(parts) > 1
    assert all(utf16_len(p) <= MESSAGE_MAX_CHARS for p in parts)
    assert "【北京市】" in "\n".join(parts)
