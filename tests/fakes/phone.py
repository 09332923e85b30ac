"""Test helpers that read like a person using the phone, and a driver that feeds the bot.

    bot = await BotDriver.start(fake, app)     # the real PTB Application, initialised
    user = fake_person(fake, "张主任")
    await user.send("/start")
    await user.press("2. 吉林省")
    assert "吉林" in user.last_reply()

`BotDriver.pump()` fetches updates through the bot's own getUpdates call (the real HTTP path into
the fake) and hands each to `Application.process_update`, so every test goes through PTB's
request, parsing, handlers and rate limiter, and the fake sees exactly what Telegram would."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from tests.fakes.telegram_api import TEXT_LIMIT, FakeTelegram, StoredMessage


class BotDriver:
    def __init__(self, fake: FakeTelegram, app: Any) -> None:
        self.fake = fake
        self.app = app
        self.offset = 0
        fake.driver = self.pump

    @classmethod
    async def start(cls, fake: FakeTelegram, app: Any, post_init: bool = True) -> BotDriver:
        await app.initialize()
        if post_init and app.post_init is not None:
            await app.post_init(app)
        return cls(fake, app)

    async def pump(self) -> int:
        """Process every pending update; returns how many there were."""
        handled = 0
        while True:
            updates = await self.app.bot.get_updates(offset=self.offset, timeout=0)
            if not updates:
                return handled
            for update in updates:
                self.offset = update.update_id + 1
                await self.app.process_update(update)
                handled += 1

    async def stop(self) -> None:
        # Confirm what was processed, as the Updater does on shutdown.
        await self.app.bot.get_updates(offset=self.offset, timeout=0)
        if self.app.post_stop is not None:
            await self.app.post_stop(self.app)
        await self.app.shutdown()
        if self.app.post_shutdown is not None:
            await self.app.post_shutdown(self.app)
        self.fake.driver = None


@dataclass
class Person:
    """One Telegram user, in their private chat with the bot or (via `in_chat`) in a group."""

    fake: FakeTelegram
    user: dict[str, Any]
    chat_id: int

    @property
    def id(self) -> int:
        return int(self.user["id"])

    def in_chat(self, chat: dict[str, Any]) -> Person:
        return Person(self.fake, self.user, int(chat["id"]))

    # --- doing things ---------------------------------------------------------------------------
    async def send(self, text: str, reply_to: StoredMessage | None = None) -> list[StoredMessage]:
        """Type and send a message. Like a Telegram client, a text over 4096 characters goes out as
        several messages. Returns the bot's messages that arrived in this chat in response."""
        parts = [text[i : i + TEXT_LIMIT] for i in range(0, len(text), TEXT_LIMIT)] or [text]
        return await self._after(
            lambda: [
                self.fake.user_sends(self.id, self.chat_id, p, reply_to=reply_to.message_id if reply_to else None)
                for p in parts
            ]
        )

    async def send_sticker(self, emoji: str = "👍") -> list[StoredMessage]:
        sticker = {
            "file_id": "CAACAgIAAxkBAAE",
            "file_unique_id": "AgADsticker",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return await self._after(lambda: self.fake.user_sends(self.id, self.chat_id, None, extra={"sticker": sticker}))

    async def send_photo(self, caption: str | None = None) -> list[StoredMessage]:
        photo = [{"file_id": "AgACAgUAAxkBAAIphoto", "file_unique_id": "AQADphoto", "width": 90, "height": 67}]
        return await self._after(
            lambda: self.fake.user_sends(self.id, self.chat_id, None, caption=caption, extra={"photo": photo})
        )

    async def press(self, label: str, message: StoredMessage | None = None) -> list[StoredMessage]:
        """Press the button with this label on `message`, by default the newest bot message that has it."""
        target = message or self._newest_with(label)
        data = next(b["callback_data"] for row in target.button_rows() for b in row if b["text"] == label)
        return await self._after(lambda: self.fake.user_presses(self.id, self.chat_id, target.message_id, data))

    async def edit(self, message: StoredMessage, text: str) -> list[StoredMessage]:
        return await self._after(lambda: self.fake.user_edits(self.id, self.chat_id, message.message_id, text))

    async def block(self) -> None:
        await self._after(lambda: self.fake.user_blocks(self.id))

    async def _after(self, act: Any) -> list[StoredMessage]:
        before = {m.message_id for m in self.fake.bot_messages(self.chat_id)}
        act()
        if self.fake.driver is not None:
            await self.fake.driver()
        return [m for m in self.fake.bot_messages(self.chat_id) if m.message_id not in before]

    # --- reading the screen ---------------------------------------------------------------------
    def messages(self) -> list[StoredMessage]:
        return self.fake.bot_messages(self.chat_id)

    def replies(self) -> list[str]:
        return [m.body for m in self.messages()]

    def last_message(self) -> StoredMessage:
        messages = self.messages()
        assert messages, "the bot has not written in this chat"
        return messages[-1]

    def last_reply(self) -> str:
        return self.last_message().body

    def buttons(self) -> list[str]:
        """Labels of the newest bot message that has buttons."""
        for m in reversed(self.messages()):
            if m.labels():
                return m.labels()
        return []

    def documents(self) -> list[tuple[str, bytes]]:
        return [(m.document["file_name"], m.file_bytes or b"") for m in self.messages() if m.document]

    def _newest_with(self, label: str) -> StoredMessage:
        for m in reversed(self.messages()):
            if label in m.labels():
                return m
        raise AssertionError(f"no button {label!r} on screen; buttons: {self.buttons()}")


def person(fake: FakeTelegram, first_name: str, username: str | None = None) -> Person:
    user = fake.add_user(first_name, username)
    return Person(fake, user, int(user["id"]))


async def wait_until(condition: Any, timeout: float = 5.0) -> None:
    """For tests that run the real Updater: wait for the bot to catch up."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting for the bot")
        await asyncio.sleep(0.01)
