"""An overview (a document's, or a whole section's: main tasks, measures, requirements, steps,
annexes) against the entry on the one item asked (issue 12, brief rank): on sealed set 5 such
overviews took the place of the entry holding the asked item. The kind, with wordings of our own:

- a question asking one item or term that an item's entry holds at least as much of is answered by
  that entry, not by the overview that lists it among others;
- a question asking for the whole (主要任务有哪些, 有哪几项举措, 有几个附件, 讲的是什么) keeps
  the overview, and so does an item only the overview names (供给足 环境美, 确保建设质量).
"""

from __future__ import annotations

import pytest

from knowledge.search.intent import asks_document
from knowledge.search.model import Answer
from knowledge.search.signals import BROAD_PENALTY, OVERVIEW_PENALTY, broad_penalties, broad_penalty

SECTION_OVERVIEWS = {
    "jilin-2020-main-tasks",
    "jilin-2020-work-requirements",
    "jilin-2024-measures",
    "jilin-2024-requirements",
    "beijing-2022-main-tasks",
    "beijing-2022-work-steps",
    "beijing-2022-annexes",
    "yuzhong-2021-construction-content",
    "yuzhong-2021-annexes",
    "national-2021-management",
}


def _answer(entry_id: str, *, overview: bool = False, section: bool = False) -> Answer:
    return Answer(entry_id, "问", "答", (), ("jilin",), overview=overview, section_overview=section)


@pytest.mark.parametrize(
    ("question", "region", "overview", "item"),
    [
        ("北京方案里家庭病床有什么要求", "beijing", "beijing-2022-overview", "beijing-2022-open-beds"),
        ("吉林24年行动方案对村医队伍建设有啥安排", "jilin", "jilin-2024-measures", "jilin-2024-village-doctor-quota"),
        ("吉林2024年行动方案里安全生产月活动怎么开展", "jilin", "jilin-2024-measures", "jilin-2024-safety-month"),
        ("北京22年方案对中医阁有啥要求", "beijing", "beijing-2022-main-tasks", "beijing-2022-tcm-pavilion"),
        ("吉林2020年方案里住院病房怎么建", "jilin", "jilin-2020-main-tasks", "jilin-2020-bed-types"),
        ("渝中方案对家庭医生团队有什么要求", "chongqing-yuzhong", "yuzhong-2021-construction-content", None),
    ],
)
def test_an_item_asked_is_answered_by_its_entry_not_the_overview_listing_it(
    kb, question: str, region: str, overview: str, item: str | None
) -> None:
    result = kb.index.search(question, region)
    assert result.answers[0].entry_id != overview
    if item is not None:
        assert result.answers[0].entry_id == item


@pytest.mark.parametrize(
    ("question", "region", "entry"),
    [
        ("吉林那个2020年方案主要建设任务是哪几条", "jilin", "jilin-2020-main-tasks"),
        ("吉林24年行动方案有哪几项举措", None, "jilin-2024-measures"),
        ("北京方案后面有几个附件", "beijing", "beijing-2022-annexes"),
        ("北京建社区医院要走哪几个步骤", "beijing", "beijing-2022-work-steps"),
        # an item only the section overview names: no item's entry holds as much of the question
        ("渝中说的供给足环境美服务优都是啥意思", "chongqing-yuzhong", "yuzhong-2021-construction-content"),
        ("吉林怎么确保社区医院建设质量", "jilin", "jilin-2020-work-requirements"),
        # the document itself: what it is, what it says, what it was based on
        ("国卫办基层函〔2021〕317号是什么文件", None, "national-2021-overview"),
        ("吉卫基层发2020年5号文讲的是什么", None, "jilin-2020-overview"),
    ],
)
def test_a_question_asking_for_the_whole_keeps_the_overview(kb, question: str, region: str | None, entry: str) -> None:
    assert kb.index.search(question, region).answers[0].entry_id == entry


@pytest.mark.parametrize(
    ("question", "document", "section"),
    [
        ("吉卫联发〔2024〕17号是根据哪些文件定的", True, False),
        ("吉卫基层发2020年5号文讲的是什么", True, True),
        ("吉林方案的工作要求有哪些", False, True),
        ("渝中方案后面附了哪些表", False, True),
        ("吉林2024年方案在全科人才培养上安排了哪些培训", False, False),
        ("北京那个方案药房那块有啥新说法", False, False),
    ],
)
def test_asking_for_a_whole_document_or_section(question: str, document: bool, section: bool) -> None:
    assert asks_document(question) is document
    assert asks_document(question, section=True) is section


def test_the_section_overviews_are_marked(kb) -> None:
    marked = {a.entry_id for a in kb.index.answers if a.section_overview}
    assert marked >= SECTION_OVERVIEWS
    assert not any(a.overview and a.section_overview for a in kb.index.answers)


def test_an_overview_loses_only_to_an_entry_holding_as_much_of_the_question() -> None:
    doc, section, item = _answer("d", overview=True), _answer("s", section=True), _answer("i")
    neither = (False, False)
    assert broad_penalty(item, True, neither, True) == 0.0
    assert broad_penalty(section, False, neither, True) == BROAD_PENALTY
    assert broad_penalty(section, False, neither, False) == 0.0  # nothing else holds its words
    assert broad_penalty(section, False, (False, True), True) == 0.0  # the whole section asked
    assert broad_penalty(doc, False, neither, True) == BROAD_PENALTY
    assert broad_penalty(doc, False, (True, False), True) == 0.0  # the document itself asked
    # a fact asked of a document it names: below the fact's entry whatever the coverage
    assert broad_penalty(doc, True, neither, False) == OVERVIEW_PENALTY


def test_the_penalties_compare_coverage_with_the_best_item_entry() -> None:
    answers = [_answer("s", section=True), _answer("a"), _answer("b")]
    # the section overview holds more of the question than any item's entry: it keeps its place
    assert broad_penalties(answers, {0: 0.9, 1: 0.5, 2: 0.4}, "全科人才培养安排了哪些培训", fact=False)[0] == 0.0
    # an item's entry holds as much: the overview goes below it
    got = broad_penalties(answers, {0: 0.4, 1: 0.6, 2: 0.1}, "全科人才培养安排了哪些培训", fact=False)
    assert got == {0: BROAD_PENALTY, 1: 0.0, 2: 0.0}
    # unless the question asks for the section as a whole
    assert broad_penalties(answers, {0: 0.4, 1: 0.6, 2: 0.1}, "吉林方案的主要任务有哪些", fact=False)[0] == 0.0
