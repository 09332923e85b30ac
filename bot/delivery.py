"""How a nudge reaches a user, independent of the transport.

The tick (bot/nudges.py) calls a Sender; Telegram's sender maps its errors onto these three, so
the tick decides what to do without knowing Telegram: a blocked user is marked inactive, a rate
limit is waited out, anything else is retried with backoff."""

from __future__ import annotations

from typing import Protocol


class Blocked(Exception):
    """The user blocked the bot or the chat is gone (Telegram 403): stop sending to them."""


class RetryLater(Exception):
    """The transport asked us to wait (Telegram 429 with retry_after)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds} s")
        self.seconds = seconds


class TransientError(Exception):
    """A network error, a timeout or a 5xx: try again later."""


class Sender(Protocol):
    async def send_text(self, external_id: str, text: str) -> None:
        """Deliver one message or raise Blocked, RetryLater or TransientError."""
