"""Rendering dialog Replies as Telegram messages.

Plain text, no parse mode: the knowledge base quotes official documents full of 《》、（）and
asterisks, and with no parse mode nothing can be misread as markup, so nothing needs escaping.
A long text is split at line breaks (dialogs.qa.split_message) and the buttons go under its last
part. A 429 is waited out by the rate limiter; a network error or a 5xx is retried here a few
times with a short backoff, because a user is waiting for this very reply."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message
from telegram.error import NetworkError, RetryAfter
from telegram.ext import ExtBot

from dialogs.model import Reply
from dialogs.qa import split_message

log = logging.getLogger(__name__)

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
# How often the rate limiter retries after a 429 for a reply (it waits retry_after each time).
RATE_LIMIT_RETRIES = 3
NETWORK_ATTEMPTS = 3
BACKOFF_SECONDS = (0.5, 1.0, 2.0)

T = TypeVar("T")


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in reply.buttons]
    )


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_for_telegram(text: str) -> list[str]:
    """Parts of at most 4096 UTF-16 units (how Telegram counts: an emoji such as 📄 is two),
    split at line breaks; a smaller limit is tried only when characters outside the BMP push a
    part over."""
    limit = TEXT_LIMIT
    while True:
        parts = [p.text for p in split_message(text, limit) if p.text.strip()]
        if all(utf16_len(p) <= TEXT_LIMIT for p in parts) or limit <= TEXT_LIMIT // 2:
            return parts
        limit -= 256


async def with_network_retries(call: Callable[[], Awaitable[T]], what: str) -> T:
    """Run a Bot API call, retrying network errors and 5xx (NetworkError) a few times.

    RetryAfter is a NetworkError subclass in PTB but is handled by the rate limiter, so it is
    re-raised at once here."""
    for attempt in range(NETWORK_ATTEMPTS):
        try:
            return await call()
        except RetryAfter:
            raise
        except NetworkError as err:
            if attempt == NETWORK_ATTEMPTS - 1:
                raise
            log.warning("%s failed (%s), retrying", what, type(err).__name__)
            await asyncio.sleep(BACKOFF_SECONDS[attempt])
    raise AssertionError("unreachable")


async def send_replies(bot: ExtBot[Any], chat_id: int, replies: Sequence[Reply]) -> list[Message]:
    sent: list[Message] = []
    for reply in replies:
        sent.extend(await send_reply(bot, chat_id, reply))
    return sent


async def send_reply(bot: ExtBot[Any], chat_id: int, reply: Reply) -> list[Message]:
    sent: list[Message] = []
    text = reply.text.strip("\n")
    caption = ""
    if reply.document is not None and not reply.buttons and len(text) <= CAPTION_LIMIT:
        caption, text = text, ""  # a short text travels as the file's caption: one message, not two
    if text:
        parts = split_for_telegram(text)
        for i, part in enumerate(parts):
            markup = keyboard(reply) if i == len(parts) - 1 else None
            sent.append(await _send_text(bot, chat_id, part, markup))
    if reply.document is not None:
        doc = reply.document
        extra_caption = caption or doc.caption
        sent.append(
            await with_network_retries(
                lambda: bot.send_document(
                    chat_id,
                    document=InputFile(doc.content, filename=doc.filename),
                    caption=extra_caption[:CAPTION_LIMIT] or None,
                    rate_limit_args=RATE_LIMIT_RETRIES,
                ),
                "sendDocument",
            )
        )
    return sent


async def _send_text(bot: ExtBot[Any], chat_id: int, text: str, markup: InlineKeyboardMarkup | None) -> Message:
    kwargs: dict[str, Any] = {"reply_markup": markup} if markup is not None else {}
    return await with_network_retries(
        lambda: bot.send_message(chat_id, text, rate_limit_args=RATE_LIMIT_RETRIES, **kwargs),
        "sendMessage",
    )
