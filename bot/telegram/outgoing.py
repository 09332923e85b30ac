"""Rendering dialog Replies as Telegram messages, and the one place where long text is split.

Plain text, no parse mode: the knowledge base quotes official documents full of 《》、（）and
asterisks, and with no parse mode nothing can be misread as markup, so nothing needs escaping.
A long text is split at line breaks into parts of at most 4096 UTF-16 units (how Telegram counts)
and the buttons go under its last part. A 429 is waited out by the rate limiter; a network error or
a 5xx is retried here a few times with a short backoff (stamina), because a user is waiting for
this very reply."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

import stamina
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message
from telegram.error import NetworkError, RetryAfter
from telegram.ext import ExtBot

from core.limits import CAPTION_MAX_CHARS, MESSAGE_MAX_CHARS
from core.model import Reply

log = logging.getLogger(__name__)

# How often the rate limiter retries after a 429 for a reply (it waits retry_after each time).
RATE_LIMIT_RETRIES = 3
NETWORK_ATTEMPTS = 3
BACKOFF_FIRST_SECONDS = 0.5
BACKOFF_MAX_SECONDS = 2.0

Result = TypeVar("Result")


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in reply.buttons]
    )


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: an emoji such as 📄 is two units."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MESSAGE_MAX_CHARS) -> list[str]:
    """Parts of at most `limit` UTF-16 units, split at line breaks so that no line is cut unless
    a single line is itself longer than the limit; blank parts are dropped."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while utf16_len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            head = _longest_prefix(line, limit)
            parts.append(head)
            line = line[len(head) :]
        candidate = f"{current}\n{line}" if current else line
        if utf16_len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current:
        parts.append(current)
    return [p for p in parts if p.strip()]


def _longest_prefix(line: str, limit: int) -> str:
    """The longest prefix of `line` within `limit` UTF-16 units (never half a surrogate pair)."""
    units = 0
    for i, char in enumerate(line):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return line[:i]
    return line


def _retryable(exc: Exception) -> bool:
    # RetryAfter is a NetworkError subclass in PTB but belongs to the rate limiter.
    return isinstance(exc, NetworkError) and not isinstance(exc, RetryAfter)


async def with_network_retries(call: Callable[[], Awaitable[Result]], what: str) -> Result:
    """Run a Bot API call, retrying network errors and 5xx (NetworkError) a few times.

    A retry context, not a decorator: the decorator would log the call's arguments, which hold
    the user's text."""
    async for attempt in stamina.retry_context(
        on=_retryable,
        attempts=NETWORK_ATTEMPTS,
        wait_initial=BACKOFF_FIRST_SECONDS,
        wait_max=BACKOFF_MAX_SECONDS,
        wait_jitter=0,
        timeout=None,
    ):
        with attempt:
            if attempt.num > 1:
                log.warning("%s: retry %d after a network error", what, attempt.num - 1)
            return await call()
    raise AssertionError("unreachable: stamina re-raises the last error")


async def send_replies(bot: ExtBot[Any], chat_id: int, replies: Sequence[Reply]) -> list[Message]:
    sent: list[Message] = []
    for reply in replies:
        sent.extend(await send_reply(bot, chat_id, reply))
    return sent


async def send_reply(bot: ExtBot[Any], chat_id: int, reply: Reply) -> list[Message]:
    sent: list[Message] = []
    text = reply.text.strip("\n")
    caption = ""
    if reply.document is not None and not reply.buttons and utf16_len(text) <= CAPTION_MAX_CHARS:
        caption, text = text, ""  # a short text travels as the file's caption: one message, not two
    if text:
        parts = split_text(text)
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
                    caption=split_text(extra_caption, CAPTION_MAX_CHARS)[0] if extra_caption.strip() else None,
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
