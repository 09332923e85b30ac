"""The blind sets' grader grades a reply composed of parts part by part (tests/eval/parts_grade.py):
a fact only counts in a section that answers, a part said unanswered or a region said to have no
rule is missed. Built from the engine's own sections, never from the reply's wording."""

from __future__ import annotations

from dialogs.qa.turn import Section
from tests.eval.blind import Item, Seen, grade, norm
from tests.eval.parts_grade import part_faults


def _item(kind: str, facts: tuple[tuple[str, ...], ...], regions: tuple[str, ...] = ("jilin",)) -> Item:
    return Item("t1", "问", None, kind, "answer", regions, (), facts)


ANSWERED = Section("哪个表", "answered", "填报《社区医院建设机构申请表》")
UNANSWERED = Section("几号前报", "unanswered", "这一问资料库里没有找到答案（6月30日前的那些问题见按钮）")


def test_a_part_said_unanswered_is_missed_even_when_the_fact_is_elsewhere() -> None:
    item = _item("multipart", (("申请表",),))
    assert part_faults(item, "multipart", (ANSWERED, UNANSWERED), norm) == ["part 几号前报 said unanswered"]
    assert part_faults(item, "multipart", (ANSWERED,), norm) == []


def test_a_fact_counts_only_in_an_answering_section() -> None:
    for date in (("6月30日",), ("6月30日", "六月三十日")):
        item = _item("multipart", (("申请表",), date))
        faults = part_faults(item, "multipart", (ANSWERED, UNANSWERED), norm)
        assert any("no answering part has 6月30日" in f for f in faults)


def test_a_part_repeating_an_earlier_answer_stands_for_it() -> None:
    item = _item("multipart", (("申请表",),))
    same = Section("报给谁", "same", "（答案同第①问）", 0)
    assert part_faults(item, "multipart", (ANSWERED, same), norm) == []


def test_a_region_compared_without_a_rule_is_missed_and_a_region_left_out_too() -> None:
    item = _item("comparison", (("25%",),), ("jilin", "beijing"))
    jilin = Section("jilin", "answered", "吉林：不低于25%")
    missing = Section("beijing", "missing", "没有找到北京市对这个问题的规定")
    summary = Section("", "summary", "【比较】")
    assert part_faults(item, "comparison", (jilin, missing, summary), norm) == ["region beijing not answered"]
    assert part_faults(item, "comparison", (jilin, summary), norm) == ["region beijing left out"]
    both = (jilin, Section("beijing", "answered", "北京：25%以上"), summary)
    assert part_faults(item, "comparison", both, norm) == []


def test_a_reply_without_sections_is_graded_as_a_whole(kb) -> None:
    item = _item("multipart", (("申请表",), ("6月30日",)))
    whole = Seen("填报申请表，6月30日前报省卫生健康委。吉卫基层发〔2020〕5号", "answer")
    assert part_faults(item, "", (), norm) == []
    parted = Seen(whole.text, "answer", kind="multipart", sections=(ANSWERED, UNANSWERED))
    assert grade(kb, item, parted).reasons != grade(kb, item, parted, per_part=False).reasons


# ---------------------------------------------------------------- the items' own part annotation

DATE = Section("几号前报", "answered", "每年6月30日前报省卫生健康委")


def _annotated(parts: tuple[tuple[int, ...], ...]) -> Item:
    return Item("t2", "问", None, "multipart", "answer", ("jilin",), (), (("申请表",), ("6月30日",)), parts=parts)


def test_an_annotated_part_must_give_its_own_facts_in_its_own_section() -> None:
    right = _annotated(((0,), (1,)))
    assert part_faults(right, "multipart", (ANSWERED, DATE), norm) == []
    swapped = _annotated(((1,), (0,)))  # each fact is in the reply, but under the other part
    faults = part_faults(swapped, "multipart", (ANSWERED, DATE), norm)
    assert faults == ["part 哪个表 lacks 6月30日", "part 几号前报 lacks 申请表"]


def test_a_same_section_gives_the_facts_of_the_section_it_repeats() -> None:
    same = Section("叫啥", "same", "（同上一条答案）", 0)
    one_fact = Item("t3", "问", None, "multipart", "answer", ("jilin",), (), (("申请表",),), parts=((0,), (0,)))
    assert part_faults(one_fact, "multipart", (ANSWERED, same), norm) == []
    assert part_faults(_annotated(((0,), (1,))), "multipart", (ANSWERED, same), norm) == ["part 叫啥 lacks 6月30日"]


def test_without_one_section_per_annotated_part_the_grader_falls_back() -> None:
    # the reply has three sections for two annotated parts: any answering section may hold a fact
    third = Section("报给谁", "answered", "省卫生健康委")
    item = _annotated(((1,), (0,)))
    assert part_faults(item, "multipart", (ANSWERED, DATE, third), norm) == []
    assert part_faults(_item("multipart", item.facts), "multipart", (ANSWERED, DATE), norm) == []


def test_groups_no_part_lists_may_be_anywhere_and_a_bad_index_is_refused(tmp_path) -> None:
    import pytest

    from tests.eval.blind import load_items

    item = _annotated(((0,), ()))
    assert part_faults(item, "multipart", (DATE, ANSWERED), norm) == ["part 几号前报 lacks 申请表"]
    assert part_faults(item, "multipart", (ANSWERED, DATE), norm) == []
    path = tmp_path / "set.yaml"
    path.write_text("- {q: 问, facts: [[a], [b]], parts: [[0], 1]}\n", encoding="utf-8")
    assert load_items(path)[0].parts == ((0,), (1,))
    path.write_text("- {q: 问, facts: [[a]], parts: [[0], [1]]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="index 1"):
        load_items(path)
