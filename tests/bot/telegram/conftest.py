"""Fixtures for the end-to-end tests: the fake Bot API and the real bot built against it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import Any

import pytest

from bot.settings import Settings
from bot.telegram.app import build_application
from core import clock
from dialogs import qa
from knowledge.base import KnowledgeBase
from storage.db import Database
from tests.fakes.phone import BotDriver
from tests.fakes.telegram_api import FakeTelegram

MakeBot = Callable[..., Awaitable[BotDriver]]

# Questions the knowledge base answers outright (not with suggestions). The tests ask whichever of
# them the current data and calibration answer, and compare the bot's message with what the Q&A
# dialog renders for it, so they follow changes to the knowledge base without losing strictness.
ANSWERABLE = (
    "业务用房面积要多大",
    "床位使用率要多少",
    "床位要多少",
    "什么时候申报",
    "申报需要哪些材料",
    "全科医生要几个",
)


def expected_reply(kb: KnowledgeBase, question: str, region: str | None = "jilin") -> str:
    """What the Q&A dialog answers today (the bot runs on the real clock)."""
    return qa.render_result(kb.search(question, region), kb, region, clock.local_today(clock.now()))[0].text


def answered_questions(kb: KnowledgeBase, region: str | None = "jilin", n: int = 2) -> list[str]:
    found = [q for q in ANSWERABLE if kb.search(q, region).decision == "answer"]
    assert len(found) >= n, f"fewer than {n} of {ANSWERABLE} are answered outright for {region}; add some"
    return found[:n]


def settings_for(fake: FakeTelegram, admin_ids: Iterable[int] = (), **kw: Any) -> Settings:
    """Settings for the fake, ignoring any .env of the developer's."""
    return Settings(_env_file=None, telegram_bot_token=fake.token, admin_ids=frozenset(admin_ids), **kw)


@pytest.fixture
async def make_bot(fake: FakeTelegram, sqlite_db: Database, kb: KnowledgeBase) -> AsyncIterator[MakeBot]:
    """Build and start the real Application against the fake (MockTransport); stopped at the end."""
    drivers: list[BotDriver] = []

    async def make(admin_ids: Iterable[int] = (), db: Database | None = None, **kw: Any) -> BotDriver:
        settings = settings_for(fake, admin_ids)
        app = build_application(settings, request=fake.request(), db=db or sqlite_db, kb=kw.pop("kb", kb), **kw)
        driver = await BotDriver.start(fake, app)
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        if driver.app.running or driver.fake.driver is driver.pump:
            await driver.stop()


@pytest.fixture
async def bot(make_bot: MakeBot) -> BotDriver:
    return await make_bot()
