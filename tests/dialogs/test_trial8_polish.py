"""Newcomer trial 8, polish: a criterion's short name is never cut inside a book title or a figure (N35);
/stage's confirmation nests no brackets in brackets (N30). Over every region's criteria and stages."""

from __future__ import annotations

import re

import pytest

from core.model import Event, UserState
from dialogs.qa.situation_lines import UNKNOWN_NAME_CHARS, unknown_name
from dialogs.router import handle

REGIONS = ("jilin", "national", "chongqing-yuzhong", "beijing")


@pytest.mark.parametrize("region", REGIONS)
def test_short_names_never_cut_a_book_title_or_a_figure(kb, region) -> None:
    for c in kb.rules[region].criteria:
        name = unknown_name(c.title)
        assert len(name) <= UNKNOWN_NAME_CHARS + 1, name
        assert name.count("《") == name.count("》"), name
        assert not re.search(r"[≥≤]?\d+(?:\.\d+)?…", name), name  # a figure cut from its unit


def _depth(text: str) -> int:
    depth = deepest = 0
    for c in text:
        depth += c == "（"
        deepest = max(deepest, depth)
        depth -= c == "）"
    return deepest


@pytest.mark.parametrize("region", REGIONS)
def test_the_stage_set_nests_no_brackets_in_brackets_of_its_own(kb, now, region) -> None:
    calendar = kb.calendars.get(region)
    if calendar is None or not calendar.stages:
        pytest.skip("no stages")
    for stage in calendar.stages:
        out = handle(UserState(region=region), Event.say(f"/stage {stage.name}"), kb, now)
        said = out.replies[0].text
        actor_depth = _depth(stage.actor)
        assert _depth(said.split("\n")[0] + said.split("\n")[1]) <= max(1, actor_depth), said
