"""A Q&A answer whose citations touch a point of a region's procedure, where the text governing that
point on the asker's day is not what the answer cites (a later text changed it, or no loaded text
covers the day), ends with which text governs (issue 9); otherwise it ends with its sources."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs import qa, render, router
from knowledge.base import KnowledgeBase

MATERIALS = "吉林申请社区医院建设要交哪些材料？"  # answered from the 2020 plan's 四（一）


def at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=SHANGHAI)


def reply(kb: KnowledgeBase, question: str, day: dt.date, region: str | None = "jilin") -> str:
    out = router.handle(UserState(user_id=1, region=region), Event.say(question), kb, at(day))
    return "\n".join(r.text for r in out.replies)


def governing_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("📜 适用文件：")]


def test_an_answer_from_the_text_governing_that_day_has_no_note(kb: KnowledgeBase) -> None:
    assert kb.search(MATERIALS, "jilin").answers[0].entry_id == "jilin-2020-materials"
    text = reply(kb, MATERIALS, dt.date(2023, 6, 1))
    assert "吉卫基层发〔2020〕5号" in text and governing_lines(text) == []


def test_in_2024_the_answer_names_the_plan_that_changed_the_procedure(kb: KnowledgeBase) -> None:
    day = dt.date(2024, 6, 1)
    lines = governing_lines(reply(kb, MATERIALS, day))
    assert render.procedure(kb, "jilin", day) in lines
    assert all("2024年6月1日适用吉卫联发〔2024〕17号" in line for line in lines)


def test_in_2026_the_answer_says_no_loaded_text_covers_the_day(kb: KnowledgeBase) -> None:
    text = reply(kb, MATERIALS, dt.date(2026, 3, 10))
    lines = governing_lines(text)
    assert lines and all("2026年3月10日适用的文件尚未收录" in line for line in lines)
    assert "请向市（州）卫生健康委确认" in lines[0]
    assert text.index("📄 出处：") < text.index(lines[0])  # after the answer's own sources


def test_a_suggested_entry_pressed_gets_the_same_note(kb: KnowledgeBase) -> None:
    day = dt.date(2026, 3, 10)
    out = router.handle(UserState(user_id=1, region="jilin"), Event.press("g:ask:jilin-2020-materials"), kb, at(day))
    assert governing_lines(out.replies[0].text) == governing_lines(reply(kb, MATERIALS, day))


def test_per_region_answers_each_get_their_own_note(kb: KnowledgeBase) -> None:
    result = kb.search("申报截止日期是什么时候", None)
    assert result.per_region
    (text,) = [r.text for r in qa.render_result(result, kb, None, dt.date(2026, 3, 10))]
    notes = [qa.governing_note(a, kb, dt.date(2026, 3, 10)) for a in result.per_region]
    assert any(notes)  # Jilin's and Beijing's dated procedures lapsed by 2026
    for a, note in zip(result.per_region, notes, strict=True):
        assert note in text[text.index(qa.format_answer(a)) :]


@pytest.mark.parametrize("document", ["yuzhong-2021", "national-2021"])
def test_texts_that_still_govern_add_nothing(kb: KnowledgeBase, document: str) -> None:
    """Yuzhong's plan (常态化受理 from 2022) and the national notice still govern in 2026."""
    entries = [e for e in kb.faq if {c.document for c in e.citations} == {document}]
    assert entries
    for entry in entries:
        a = kb.index.entry(entry.id)
        assert a is not None and qa.governing_note(a, kb, dt.date(2026, 3, 10)) == "", entry.id


def test_an_unknown_entry_has_no_note(kb: KnowledgeBase) -> None:
    a = kb.index.entry("jilin-2020-materials")
    assert a is not None
    gone = type(a)("no-such-entry", a.question, a.answer, a.sources, a.regions)
    assert qa.governing_note(gone, kb, dt.date(2026, 3, 10)) == ""


def test_the_likeliest_answer_gets_the_note_too(kb: KnowledgeBase) -> None:
    from knowledge.search.model import SearchResult

    best = kb.index.entry("jilin-2020-materials")
    other = kb.index.entry("jilin-2020-who-can-apply")
    assert best is not None and other is not None
    day = dt.date(2026, 3, 10)
    replies = qa.render_result(SearchResult("likely", 0.5, answers=(best, other)), kb, "jilin", day)
    note = qa.governing_note(best, kb, day)
    assert note and note in replies[0].text
