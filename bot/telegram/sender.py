"""The delivery Sender for Telegram: nudges and broadcasts go out through the application's bot
(and so through its rate limiter); Telegram's errors become the three transport-neutral kinds."""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.delivery import Blocked, RetryLater, TransientError
from bot.telegram.outgoing import split_text

# BadRequest descriptions that mean the chat is gone for good, like a 403.
GONE = ("chat not found", "user is deactivated", "bot was kicked", "have no rights to send", "peer_id_invalid")


def retry_after_seconds(err: RetryAfter) -> float:
    # PTB 22 returns an int (deprecated, with a warning) or a timedelta (PTB_TIMEDELTA=1, PTB 23).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value: Any = err.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


class TelegramSender:
    def __init__(self, bot: ExtBot[Any]) -> None:
        self.bot = bot

    async def send_text(self, external_id: str, text: str) -> None:
        try:
            for part in split_text(text):
                # No rate_limit_args: a 429 comes back to the caller at once as RetryLater, so the
                # nudge tick or broadcast can wait it out without holding a slot of the limiter.
                await self.bot.send_message(int(external_id), part)
        except Forbidden as err:
            raise Blocked(str(err)) from err
        except RetryAfter as err:
            raise RetryLater(retry_after_seconds(err)) from err
        except ChatMigrated as err:
            raise Blocked("chat migrated") from err
        except BadRequest as err:
            if any(marker in err.message.lower() for marker in GONE):
                raise Blocked(err.message) from err
            raise TransientError(err.message) from err
        except (NetworkError, TelegramError) as err:  # timeouts, connection errors, 5xx
            raise TransientError(type(err).__name__) from err
