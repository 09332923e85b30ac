"""Multi-part messages a director types, by kind (the brkqa brief): small talk in front of a question
(谢谢，另外床位要多少), a part about a place not covered beside a part about a covered region, a list
asked about without 分别. Each asserts on what the director reads for each part."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import turn_for

LEADING_SMALLTALK = [
    "谢谢，另外床位要多少",
    "谢谢！床位要多少",
    "好的，床位要多少",
    "你好，另外床位要多少",
    "收到，再问下床位要多少",
]


@pytest.mark.parametrize("question", LEADING_SMALLTALK)
def test_small_talk_in_front_of_a_question_does_not_sink_it(kb, now, question: str) -> None:
    # before: "谢谢！床位要多少" was declined (confidence 0.05), "谢谢，另外床位要多少" too
    turn = turn_for(kb, now, question, region="jilin")
    assert turn.answered, (question, turn.kind, turn.decision)
    assert "30张" in turn.replies[0].text


SOME_UNCOVERED = [
    # (question, user's region, index of the part about the place not covered, what the covered part gives)
    ("吉林床位要多少？广东呢？", None, 1, "30张"),
    ("吉林床位要多少？广东呢？", "jilin", 1, "30张"),
    ("广东床位要多少？吉林的呢？", "jilin", 0, "30张"),
    ("我们在广东，床位要多少？吉林的呢？", None, 0, "30张"),
    ("北京床位要多少，深圳呢", "jilin", 1, "北京"),
    ("上海的使用率要多少？吉林的使用率要多少？", "jilin", 0, "75%"),
]


@pytest.mark.parametrize(("question", "region", "uncovered_at", "covered_gives"), SOME_UNCOVERED)
def test_a_part_about_a_place_not_covered_does_not_hide_the_others(
    kb, now, question: str, region: str | None, uncovered_at: int, covered_gives: str
) -> None:
    # before: the whole message got the not-covered reply; the covered region's question was dropped
    turn = turn_for(kb, now, question, region=region)
    assert turn.kind == "multipart", (question, turn.kind)
    sections = list(turn.sections)
    assert "没有收录" in sections[uncovered_at].text
    covered = [s for i, s in enumerate(sections) if i != uncovered_at]
    assert all(s.status == "answered" and "没有收录" not in s.text for s in covered)
    assert covered_gives in covered[0].text


def test_parts_after_the_uncovered_one_stay_there_until_a_covered_region_is_named(kb, now) -> None:
    # "使用率呢" follows 广东: it is not answered with the user's region's 75% as if it applied there
    first, rate, jilin = turn_for(kb, now, "广东床位要多少？使用率呢？吉林的床位要多少？", region="jilin").sections
    assert "没有收录" in first.text and "没有收录" in rate.text
    assert jilin.status == "answered" and "30张" in jilin.text


@pytest.mark.parametrize(
    ("question", "gives"),
    [
        ("床位、使用率、面积要多少", ("30张", "75%", "3000")),
        ("床位,使用率,面积分别要多少?", ("30张", "75%", "3000")),
        ("请问床位和使用率有什么要求", ("30张", "75%")),
        ("床位要多少👍使用率要多少", ("30张", "75%")),
        ("第一，床位要多少；第二，使用率要多少", ("30张", "75%")),
        ("一、床位要多少 二、使用率要多少", ("30张", "75%")),
        ("床位要求多少张面积要求多少平米", ("30张", "3000")),
        ("床位要多少使用率要多少", ("30张", "75%")),
    ],
)
def test_every_thing_of_a_list_gets_its_own_answer(kb, now, question: str, gives: tuple[str, ...]) -> None:
    turn = turn_for(kb, now, question, region="jilin")
    sections = list(turn.sections)
    assert len(sections) == len(gives), (question, turn.kind)
    for section, fact in zip(sections, gives, strict=True):
        assert section.status == "answered" and fact in section.text, (question, section.label)


@pytest.mark.parametrize(
    "question",
    ["床位要多少？满意度要多少？", "使用率多少？满意度多少？", "床位、满意度要多少"],
)
def test_a_figure_asked_of_a_term_is_not_answered_by_another_terms_figure(kb, now, question: str) -> None:
    # Jilin's texts name no satisfaction figure: before, the 床位使用率≥75% entry answered 满意度要多少
    # (a ratio was asked, a ratio given) and a director read 75% as the satisfaction required
    turn = turn_for(kb, now, question, region="jilin")
    assert turn.kind == "multipart", (question, turn.kind)
    satisfaction = list(turn.sections)[-1]
    assert "75%" not in satisfaction.text or "满意度" in satisfaction.text
