"""有事找谁 / 有事问谁 is how directors ask whom to contact (synonyms.yaml: 有事 -> 有问题): the contact
entry ranked first but declined (0.09: 有事 matched nothing), so "这个方案哪天发的？有事找谁" left its
second part unanswered."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import turn_for

NATIONAL_GAP = pytest.mark.xfail(
    strict=True, reason="known: national 有(问题|事)问谁 ranks the 编制 entry (its answer says 请咨询…部门) first"
)
CASES = [
    (q, r)
    for q in ("有事找谁", "有事问谁", "有事情找谁联系", "遇到问题找谁")
    for r in ("jilin", "chongqing-yuzhong", "beijing", "national")
    if (q, r) != ("有事问谁", "national")
]


@pytest.mark.parametrize(("q", "region"), [*CASES, pytest.param("有事问谁", "national", marks=NATIONAL_GAP)])
def test_whom_to_contact_said_colloquially_gets_the_contact_entry(kb, now, q: str, region: str) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.decision == "answer" and turn.shown[0].entry_id.endswith("-contact"), turn.text[:120]


@pytest.mark.parametrize(
    ("q", "region"),
    [("这个方案哪天发的？有事找谁", "chongqing-yuzhong"), ("吉林方案是哪年发的 有事问谁", "jilin")],
)
def test_as_a_part_it_is_answered_too(kb, now, q: str, region: str) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.kind == "multipart" and all(s.status != "unanswered" for s in turn.sections), turn.text[:300]
    assert any(a.entry_id.endswith("-contact") for a in turn.shown)
