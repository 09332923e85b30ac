"""Breaker brk11, B1: a figure a situation gives by its unit alone, approximately (两千八百来平, 2800多平方米,
约2800平), was not read at all with 来/多 before its unit — the verdict listed 业务用房 as unknown and said nothing
of it — or read exact with 约/左右."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.qa.facts import read_situation
from dialogs.router import handle

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("两千八百来平，能申请吗", 2800, 2899),
        ("我们2800多平方米", 2800, 2899),
        ("房子三千来平", 3000, 3999),
        ("约2800平", 2520, 3080),
        ("2800平左右", 2520, 3080),
    ],
)
def test_an_approximate_area_by_its_unit_is_its_range(kb, text: str, low: int, high: int) -> None:
    found = read_situation(text, kb.fields)["floor_area_m2"]
    assert (found.low, found.high) == (low, high)


@pytest.mark.parametrize(("text", "beds"), [("三十来张，能申请吗", (30, 39)), ("二十来张床", (20, 29))])
def test_approximate_beds_by_their_unit_are_their_range(kb, text: str, beds: tuple[int, int]) -> None:
    found = read_situation(text, kb.fields)["open_beds"]
    assert (found.low, found.high) == beds


@pytest.mark.parametrize(("text", "value"), [("我们三千五百平", 3500), ("房子有3千平", 3000)])
def test_an_exact_area_by_its_unit_stays_exact(kb, text: str, value: int) -> None:
    found = read_situation(text, kb.fields)["floor_area_m2"]
    assert found.value == value and found.low is None


def test_the_verdict_weighs_an_area_said_by_its_unit_alone(kb) -> None:
    out = handle(UserState(user_id=1, region="jilin"), Event.say("两千八百来平，床位四十来张，能申请吗"), kb, NOW)
    said = out.replies[0].text
    assert "❌ 业务用房" in said and "按2800到2899平方米算" in said
