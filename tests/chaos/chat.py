"""Small helpers shared by the scenarios: a user's message and the bot's reply to it, timed."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from tests.chaos.fakeapi import ChaosTelegram
from tests.fakes.telegram_api import StoredMessage


async def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    """True once `condition()` holds, False when `timeout` seconds passed first."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(step)
    return True


def new_user(fake: ChaosTelegram, name: str) -> int:
    """A new Telegram user with a private chat; returns the chat id (= user id)."""
    return int(fake.add_user(name)["id"])


async def say(fake: ChaosTelegram, chat: int, text: str, timeout: float) -> tuple[float | None, list[StoredMessage]]:
    """Send `text` in a private chat; (seconds until the first reply or None, replies after a short
    settle)."""
    before = len(fake.bot_messages(chat))
    began = time.monotonic()
    fake.user_sends(chat, chat, text)
    got = await wait_for(lambda: len(fake.bot_messages(chat)) > before, timeout)
    latency = time.monotonic() - began if got else None
    if got:
        await asyncio.sleep(0.3)
    return latency, fake.bot_messages(chat)[before:]


async def press(
    fake: ChaosTelegram, chat: int, message: StoredMessage, label: str, timeout: float, presser: int | None = None
) -> list[StoredMessage]:
    """Press `label` on `message` (as `presser`, default the chat's user); the replies."""
    before = len(fake.bot_messages(chat))
    data = next(b["callback_data"] for row in message.button_rows() for b in row if b["text"] == label)
    fake.user_presses(presser if presser is not None else chat, chat, message.message_id, data)
    await wait_for(lambda: len(fake.bot_messages(chat)) > before, timeout)
    await asyncio.sleep(0.3)
    return fake.bot_messages(chat)[before:]


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`; nan when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]
