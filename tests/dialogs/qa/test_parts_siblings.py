"""Sibling parts each ask their own thing (dialogs/qa/parts_siblings.py): a part torn between its own
entry and the entry a sibling part answers takes its own; a part whose reading repeats a sibling's entry
though it names words that entry lacks takes its own next entry holding them."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    "q",
    [
        "吉林遴选床位 使用率 面积分别卡多少",
        "床位 使用率 面积各卡多少",
        "吉林床位、使用率、面积分别卡在多少",
    ],
)
def test_a_term_inside_a_siblings_term_takes_its_own_entry(kb, now, q: str) -> None:
    """床位 is inside 床位使用率: the 床位 part hesitated between the two entries and was left unanswered."""
    turn = turn_for(kb, now, q, region="jilin")
    assert turn.kind == "multipart" and all(s.status == "answered" for s in turn.sections), turn.text[:300]
    first = turn.sections[0].text
    assert "30张" in first and "75%" not in first


@pytest.mark.parametrize(
    "q",
    [
        "申请表最晚几号报省卫健委？省里评估又是几号前？",
        "吉林申请几号前报到省里？那省里评估是几号前？",
        "材料啥时候报省卫健委 省卫健委评估又是啥时候",
    ],
)
def test_a_later_part_naming_what_the_first_entry_lacks_gets_its_own(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="jilin")
    assert turn.kind == "multipart", turn.text[:200]
    first, second = turn.sections
    assert "6月30日" in first.text and second.status == "answered" and "10月31日" in second.text


@pytest.mark.parametrize(
    "q",
    [
        "渝中区社区医院是什么文件？谁发的？",
        # the tenth session's merge left part ② 哪个部门发的 on the three-year plan's issuers (parts_text.py)
        "北京的方案叫什么，哪个部门发的",
        "北京方案叫什么？哪个部门发的？",
    ],
)
def test_parts_one_entry_answers_are_still_answered_by_it(kb, now, q: str) -> None:
    """A part that asks of the same entry (谁发的) keeps it: it names nothing that entry lacks."""
    turn = turn_for(kb, now, q, region="jilin")
    assert turn.decision == "answer" and len(turn.shown) == 1, turn.text[:200]


@pytest.mark.parametrize(
    ("q", "region", "wanted"),
    [
        ("北京今年服务能力标准比例目标多少？推荐标准呢？新建社区医院几家？", "beijing", "10家"),
        ("北京推荐标准比例要多少？今年新建社区医院几家？", "beijing", "10家"),
        ("吉林使用率要多少 床位要几张", "jilin", "30张"),
    ],
)
def test_a_part_asking_how_many_of_a_kind_wants_a_figure_in_its_unit(kb, now, q: str, region: str, wanted: str) -> None:
    """几家 / 几张 is answered only by an entry giving a figure in 家 / 张 (parts.gives_asked checked
    only the general attributes: "新建社区医院几家" took an entry about the recommended standard)."""
    turn = turn_for(kb, now, q, region=region)
    assert wanted in turn.text, turn.text[:300]
    if turn.kind == "multipart":
        last = turn.sections[-1]
        own = last.text if last.status == "answered" else turn.sections[last.same_as or 0].text
        assert wanted in own
