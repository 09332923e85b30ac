"""Rendering dialog Replies as Telegram messages, and the one place where long text is split.

Plain text, no parse mode: the knowledge base quotes official documents full of 《》、（）and
asterisks, and with no parse mode nothing can be misread as markup, so nothing needs escaping.
A long text is split at line breaks into parts of at most 4096 UTF-16 units (how Telegram counts)
and the buttons go under its last part. How failures are handled is bot/telegram/replies.py's
job; `with_network_retries` retries network errors and 5xx a few times with a short backoff
(stamina) for the calls outside the reply path."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

import stamina
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message
from telegram.error import BadRequest, NetworkError
from telegram.ext import ExtBot

from core.limits import CAPTION_MAX_CHARS, MESSAGE_MAX_CHARS
from core.model import Reply

log = logging.getLogger(__name__)

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
    # BadRequest is a NetworkError subclass in PTB, but a 400 does not change on a retry.
    return isinstance(exc, NetworkError) and not isinstance(exc, BadRequest)


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
    """Send `replies` with network retries, raising Telegram's errors (tools and tests; the bot's
    replies go through bot.telegram.replies.ReplySender, which sorts the errors)."""
    sent: list[Message] = []
    for reply in replies:
        for send in messages_of(bot, chat_id, reply):
            sent.append(await with_network_retries(send, "send"))
    return sent


async def send_reply(bot: ExtBot[Any], chat_id: int, reply: Reply) -> list[Message]:
    """send_replies for one reply."""
    return await send_replies(bot, chat_id, [reply])


def messages_of(bot: ExtBot[Any], chat_id: int, reply: Reply) -> list[Callable[[], Awaitable[Message]]]:
    """The Bot API calls that send `reply`, in order: its text in parts of at most 4096 UTF-16
    units (the buttons under the last), then its file; a short text travels as the file's caption."""
    calls: list[Callable[[], Awaitable[Message]]] = []
    text = reply.text.strip("\n")
    caption = ""
    if reply.document is not None and not reply.buttons and utf16_len(text) <= CAPTION_MAX_CHARS:
        caption, text = text, ""  # one message, not two
    if text:
        parts = split_text(text)
        for i, part in enumerate(parts):
            markup = keyboard(reply) if i == len(parts) - 1 else None
            kwargs: dict[str, Any] = {"reply_markup": markup} if markup is not None else {}
            calls.append(lambda part=part, kwargs=kwargs: bot.send_message(chat_id, part, **kwargs))
    doc = reply.document
    if doc is not None:
        extra = caption or doc.caption
        cap = split_text(extra, CAPTION_MAX_CHARS)[0] if extra.strip() else None
        calls.append(
            lambda: bot.send_document(chat_id, document=InputFile(doc.content, filename=doc.filename), caption=cap)
        )
    return calls
