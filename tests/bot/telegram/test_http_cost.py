"""Issue 11 item 9: what a reply costs the bot process in its HTTP client, outside any turn.

httpcore asks which async library runs it (`current_async_library`) several times per request,
and does so with `import sniffio` inside the function: when sniffio is not installed the import
fails, and a failed import is not cached, so every request walked sys.path again (about 34 stat
calls and 7 % of the bot's CPU under the capacity harness, on SQLite and PostgreSQL alike).
sniffio is a dependency of the project for that reason. The kind: sending through the bot's real
HTTP stack (PTB's HTTPXRequest over loopback, as `python -m bot run` builds it) attempts no import
once warm."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

from telegram.ext import ExtBot

from tests.fakes.telegram_api import FakeTelegram


class _CountingFinder(MetaPathFinder):
    """First on sys.meta_path: counts the imports that reach the finders (a module not in
    sys.modules), finds nothing itself."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        self.names.append(fullname)
        return None


async def test_sending_replies_attempts_no_import_once_warm() -> None:
    fake = FakeTelegram()
    server = await fake.serve()
    user = fake.user("张主任")
    bot = ExtBot(fake.token, base_url=server.base_url)
    finder = _CountingFinder()
    try:
        await bot.initialize()
        await bot.send_message(user.id, "预热")  # the first request may import lazily, once
        sys.meta_path.insert(0, finder)
        for i in range(20):
            await bot.send_message(user.id, f"第{i}条")
    finally:
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)
        await bot.shutdown()
        await server.close()
    assert len(user.replies()) == 21
    assert finder.names == [], f"imports attempted per request: {sorted(set(finder.names))}"
