"""The fake Telegram Bot API for every test of the shell (commands and the Telegram layer)."""

from __future__ import annotations

import pytest

from tests.fakes.telegram_api import FakeTelegram


@pytest.fixture
def fake() -> FakeTelegram:
    return FakeTelegram()
