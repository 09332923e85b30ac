"""A later part that is only a place ("渝中区验收啥时候搞，北京的呢") asks the first part's question of that
place: each side is searched as asked, or by the side's own name when that is surer. Asked bare in
北京's texts, "验收啥时候搞" put a region-less entry first and 北京's own 评估 date stayed below the
answer line; the side showed the 申报截止 entry as the likeliest."""

from __future__ import annotations

import re

import pytest

from dialogs.qa.compare_general import search_in
from tests.dialogs.qa.conftest import turn_for

DATE = re.compile(r"\d{4}年|\d{1,2}月")


@pytest.mark.parametrize(
    "q",
    [
        "渝中区验收啥时候搞，北京的呢",
        "渝中验收什么时候，北京呢",
        "渝中区啥时候验收 北京的呢",
        "渝中区验收几月份，北京那边呢",
    ],
)
def test_each_place_gets_the_asked_attribute_surely(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="jilin")
    assert turn.kind == "comparison", turn.text[:120]
    sides = {s.label: s for s in turn.sections if s.label}
    assert set(sides) == {"chongqing-yuzhong", "beijing"}
    assert all(s.status == "answered" and DATE.search(s.text) for s in sides.values())
    assert turn.decision == "answer", turn.text


@pytest.mark.parametrize(("asked", "region"), [("验收啥时候搞", "beijing"), ("验收什么时候", "beijing")])
def test_a_side_not_reached_by_the_bare_question_is_searched_by_its_name(kb, asked: str, region: str) -> None:
    bare = kb.index.search(asked, region, fixed=True)
    found = search_in(kb, asked, region)
    assert bare.decision != "answer" and found.decision == "answer"
    assert region in found.answers[0].regions


def test_a_sure_bare_reading_is_kept(kb) -> None:
    bare = kb.index.search("验收啥时候搞", "chongqing-yuzhong", fixed=True)
    assert bare.decision == "answer"
    assert search_in(kb, "验收啥时候搞", "chongqing-yuzhong").answers[0].entry_id == bare.answers[0].entry_id
