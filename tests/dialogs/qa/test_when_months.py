"""哪几个月 / 哪个月 / 哪几天 ask when: neither a list (哪几 -> 哪些 is for 哪几个部门, 哪几种材料) nor how
many (几个). "渝中验收在哪几个月" was searched as "哪些个月" and answered with the 11-item criteria list
(共11项 gave the count it seemed to ask)."""

from __future__ import annotations

import pytest

from knowledge.search.intent import attributes_asked
from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize("q", ["渝中验收在哪几个月", "哪个月验收", "验收安排在哪几天", "哪几号交材料", "哪几年建成"])
def test_which_months_asks_a_time(q: str) -> None:
    asked = attributes_asked(q)
    assert "time" in asked and "count" not in asked


@pytest.mark.parametrize(
    ("q", "kind"), [("哪几个部门审核", "who"), ("哪几种材料", "materials"), ("要几张床", "count:beds")]
)
def test_other_which_few_words_keep_their_reading(q: str, kind: str) -> None:
    assert kind in attributes_asked(q)


@pytest.mark.parametrize("q", ["渝中验收在哪几个月", "渝中哪个月验收", "验收安排在哪几个月", "渝中一般哪几个月验收啊"])
def test_the_month_of_a_step_is_answered_with_its_months(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="chongqing-yuzhong")
    assert turn.answered and "9月" in turn.text and "共11项" not in turn.text, turn.text[:200]


def test_as_the_first_of_several_parts(kb, now) -> None:
    turn = turn_for(kb, now, "渝中验收在哪几个月？验收合格后信息表几号前交、交给谁？", region="chongqing-yuzhong")
    assert turn.kind == "multipart" and "9月" in turn.sections[0].text and "11月10日" in turn.sections[1].text
