"""Newcomer trial 5, N6: the hint after a range (２９００到３１００平米) or a bound (不到30张) suggested
“约3000”, which the same question then refused (约3000 straddles ≥3000 m²). Every 约… example a
/check question suggests is taken by that question, in every region; and a range across a limit is
answered like an approximate figure across it: it depends, give the exact figure."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import questionnaire as T
from knowledge.base import KnowledgeBase

NOW = dt.datetime(2026, 3, 10, 10, tzinfo=SHANGHAI)
SUGGESTED = re.compile(r"例如“(约[0-9.]+%?)”")
DEPENDS = T.APPROX_DEPENDS.split("：")[0].split("）")[-1]  # "正好跨在要求（…）的上下"


def _numeric(kb: KnowledgeBase) -> list[tuple[str, str]]:
    return [
        (region, name)
        for region, rules in sorted(kb.rules.items())
        for name in rules.fields_needed()
        if kb.fields[name].kind in ("int", "number", "percent")
    ]


def _at(region: str, name: str) -> UserState:
    data = {"region": region, "answered": [], "mode": "ask"}
    return UserState(user_id=1, region=region, dialog="questionnaire", step=name, data=data)


@pytest.mark.parametrize("typed", ["{a}到{b}{unit}", "不到{a}{unit}"])
def test_every_suggested_approximate_value_is_taken(kb, typed: str) -> None:
    for region, name in _numeric(kb):
        spec = kb.fields[name]
        unit = "%" if spec.kind == "percent" else spec.unit
        low, high = spec.plausible or (10, 1000)
        a, b = int(low + (high - low) * 0.3), int(low + (high - low) * 0.4)
        out = handle(_at(region, name), Event.say(typed.format(a=a, b=b, unit=unit)), kb, NOW)
        said = "\n".join(r.text for r in out.replies)
        for example in SUGGESTED.findall(said):
            taken = handle(out.state, Event.say(example + ("" if example.endswith("%") else unit)), kb, NOW)
            shown = "\n".join(r.text for r in taken.replies)
            assert DEPENDS not in shown, (region, name, example)
            assert taken.state.profile.get(name) is not None or taken.state.data.get("confirm"), (region, name, example)


@pytest.mark.parametrize(
    ("region", "name", "typed"),
    [
        ("jilin", "floor_area_m2", "２９００到３１００平米"),
        ("jilin", "floor_area_m2", "2900-3100平方米"),
        ("jilin", "open_beds", "28到32张"),
        ("jilin", "bed_occupancy_rate", "70%到80%"),
    ],
)
def test_a_range_across_a_limit_depends_on_the_exact_figure(kb, region: str, name: str, typed: str) -> None:
    out = handle(_at(region, name), Event.say(typed), kb, NOW)
    said = "\n".join(r.text for r in out.replies)
    assert name not in out.state.profile and DEPENDS in said, said[:200]
    assert not SUGGESTED.search(said)


def test_the_floor_area_hint_is_not_the_limit_itself(kb) -> None:
    out = handle(_at("jilin", "floor_area_m2"), Event.say("不到3500平米"), kb, NOW)
    assert "约3000" not in "\n".join(r.text for r in out.replies)
