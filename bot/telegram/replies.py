"""Delivering one chat's replies, and what a failure means (issue 11 items 4 and 6).

Every message waits for our limiter (bot.ratelimit: the overall pace, and this chat's own 429
pause only, so one chat's retry_after never holds another). Telegram's answers are sorted:
- 429 retry_after: waited out for this chat, again and again, as long as the waits add up to at
  most REPLY_WAIT_BOUND seconds; then the rest is kept for later (Telegram only asked us to wait,
  so the user gets the answer, not an apology);
- a network error, a timeout or a 5xx: retried NETWORK_ATTEMPTS times with a backoff (stamina),
  then the rest is kept and sent later by bot/telegram/redelivery.py;
- 403, a chat that moved, or a 400 saying the chat is gone ("chat not found", "bot was blocked"):
  never retried; the user is marked inactive as the reminder sender does;
- any other 400 (the message itself is refused): not retried, given up and reported.
Delivery is counted per Reply: a reply whose text was split and failed half-way is sent again
whole, so a kept reply can repeat its first part (never lose its last)."""

from __future__ import annotations

import enum
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from telegram import Message
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.ratelimit import RateLimiter
from bot.telegram.outgoing import messages_of, with_network_retries
from bot.telegram.sender import GONE, retry_after_seconds
from core.model import Reply

log = logging.getLogger(__name__)

# How long a reply may wait out 429s (in total) before it is kept for later instead.
REPLY_WAIT_BOUND = 60.0
Result = TypeVar("Result")


class Fate(enum.Enum):
    DELIVERED = "delivered"
    KEPT = "kept"  # a transient failure: the rest goes out later (outbox)
    GONE = "gone"  # the chat is gone or blocked the bot: mark the user inactive
    REFUSED = "refused"  # Telegram refuses this message for good (a 400 about the message)


@dataclass
class Delivery:
    """How a delivery ended: `sent` replies went out in full; `rest` are the ones left (from the
    first that did not); `retry_in` seconds before trying again (KEPT); `kind` the error's kind."""

    fate: Fate
    sent: int
    rest: list[Reply] = field(default_factory=list)
    retry_in: float = 0.0
    kind: str = ""
    messages: list[Message] = field(default_factory=list)


class _Postponed(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds} s")
        self.seconds = seconds


class ReplySender:
    """Sends replies to one chat at a time (the caller holds the chat's lock)."""

    def __init__(self, bot: ExtBot[Any], limiter: RateLimiter, wait_bound: float = REPLY_WAIT_BOUND) -> None:
        self.bot = bot
        self.limiter = limiter
        self.wait_bound = wait_bound

    async def deliver(self, chat_id: int, replies: Sequence[Reply]) -> Delivery:
        """Send `replies` in order; never raises for Telegram's errors (see the module docstring)."""
        sent: list[Message] = []
        for i, reply in enumerate(replies):
            rest = list(replies[i:])
            try:
                for send in messages_of(self.bot, chat_id, reply):
                    sent.append(await self._call(chat_id, send))
            except _Postponed as exc:
                return Delivery(Fate.KEPT, i, rest, exc.seconds, "RetryAfter", sent)
            except (Forbidden, ChatMigrated) as exc:
                return Delivery(Fate.GONE, i, rest, kind=type(exc).__name__, messages=sent)
            except BadRequest as exc:
                fate = Fate.GONE if any(m in exc.message.lower() for m in GONE) else Fate.REFUSED
                return Delivery(fate, i, rest, kind="BadRequest", messages=sent)
            except (NetworkError, TelegramError) as exc:  # network errors, timeouts, 5xx: retried already
                return Delivery(Fate.KEPT, i, rest, 0.0, type(exc).__name__, sent)
        return Delivery(Fate.DELIVERED, len(replies), messages=sent)

    async def _call(self, chat_id: int, send: Callable[[], Awaitable[Result]]) -> Result:
        # Network errors and 5xx retried as for every Bot API call; a 429 waited out inside each try.
        return await with_network_retries(lambda: self._honouring_429(chat_id, send), "reply")

    async def _honouring_429(self, chat_id: int, send: Callable[[], Awaitable[Result]]) -> Result:
        waited = 0.0
        chat = str(chat_id)
        while True:
            await self.limiter.acquire_reply(chat)
            try:
                return await send()
            except RetryAfter as exc:
                seconds = retry_after_seconds(exc)
                self.limiter.pause_chat(chat, seconds)
                waited += seconds
                if waited > self.wait_bound:
                    raise _Postponed(seconds) from exc
                log.info("reply: 429, waiting %.1f s for this chat only", seconds)
