"""Newcomer trial 3, N21: /deadlines (the CLI's name, from the README) and its kin point to /status;
any other unknown command keeps the plain reply."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import common as C

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize("name", ["deadlines", "Deadline", "ddl", "schedule"])
def test_deadline_commands_point_to_status(kb, name) -> None:
    out = handle(UserState(user_id=1, region="jilin"), Event.command(name), kb, NOW)
    assert "/status" in out.replies[0].text


@pytest.mark.parametrize("name", ["foo", "stats2"])
def test_other_unknown_commands_keep_the_plain_reply(kb, name) -> None:
    out = handle(UserState(user_id=1, region="jilin"), Event.command(name), kb, NOW)
    assert out.replies[0].text == C.UNKNOWN_COMMAND.format(name=name)
