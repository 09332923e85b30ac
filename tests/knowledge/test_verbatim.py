"""Newcomer trial 5, N8: a question typed almost word for word as an entry's phrasing is answered, not
offered as the first of three suggestions — a "we don't have it" entry never gives the attribute it says
is missing, so the search's gates demoted it ("每张床要多少平方米": 0.98 and still 您是不是想问)."""

from __future__ import annotations

import pytest

from knowledge.search.verbatim import near_verbatim, plain
from tests.dialogs.qa.conftest import ask, text_of


def test_every_not_covered_phrasing_asked_word_for_word_is_answered(kb) -> None:
    missed = []
    for entry in kb.faq:
        if not entry.id.startswith("not-covered"):
            continue
        region = entry.regions[0] if entry.regions else "national"
        for phrasing in (entry.question, *entry.phrasings):
            result = kb.search(phrasing, region)
            if result.answers and result.answers[0].entry_id == entry.id and result.decision != "answer":
                missed.append((entry.id, phrasing, result.decision))
    assert missed == []


@pytest.mark.parametrize(
    ("asked", "phrasing"),
    [
        ("每张床要多少平方米", "每张床多少平方米"),
        ("申请社区医院收费吗？", "申请社区医院收费吗"),
        ("长处方能开多久呢", "长处方能开多久"),
    ],
)
def test_near_is_the_phrasing_up_to_a_word_or_a_particle(asked: str, phrasing: str) -> None:
    assert near_verbatim(asked, [plain(phrasing)])


@pytest.mark.parametrize(("asked", "phrasing"), [("满意度要多少", "床位使用率要多少"), ("要交材料么", "要交哪些材料")])
def test_a_different_question_is_not_near(asked: str, phrasing: str) -> None:
    assert not near_verbatim(asked, [plain(phrasing)])


@pytest.mark.parametrize("asked", ["每张床要多少平方米", "每床要多少平方米", "申请社区医院收费吗", "长处方能开多久"])
def test_the_dialog_answers_a_near_verbatim_question(kb, now, asked: str) -> None:
    said = text_of(ask(kb, now, asked, "national"))
    assert "您是不是想问" not in said, said[:200]
