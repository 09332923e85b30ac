"""A term the texts use without explaining it, asked about when no entry is sure (dialogs/qa/
term_in_text.py): the reply says the texts do not explain it and quotes, verbatim with document and
section, where they use it; never a suggestion list about something else. Every quoted sentence is
checked against the stored source text, so nothing shown can be invented."""

from __future__ import annotations

import pytest

from dialogs.qa.term_in_text import candidates, uses
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    ("q", "region", "term"),
    [
        ("方案里说的“国家要求的66个病种”具体是哪66个？", "chongqing-yuzhong", "国家要求的66个病种"),
        ("方案说要具备国家要求的66个病种诊治能力，这66个是哪些病？", "chongqing-yuzhong", "66个病种"),
        ("家庭病床能算进实际开放床位和床位使用率里吗", "jilin", "家庭病床"),
        ("方案里“服务人口超过1万人”的卫生院，人口怎么算？户籍还是常住？", "jilin", "服务人口超过1万人"),
    ],
)
def test_a_term_used_but_not_explained(kb, now, q: str, region: str, term: str) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.answered and turn.decision == "answer", turn.text[:200]
    assert T.TERM_NOT_EXPLAINED.format(term=term) in turn.text
    quoted = [line for line in turn.text.splitlines() if line.startswith("· “")]
    assert quoted and len(quoted) <= 3
    for line in quoted:
        sentence = line.removeprefix("· “").split("”——", 1)[0]
        assert any(sentence in doc.text for doc in kb.documents.values() if not doc.secondary), sentence


@pytest.mark.parametrize(
    "q", ["文件里老说“医防融合”，到底啥意思？", "总听人说医防融合，到底是啥意思", "文件里常说的医防融合什么意思"]
)
def test_a_term_an_entry_speaks_of_is_said_undefined_with_that_entry_and_no_hearsay_in_the_term(
    kb, now, q: str
) -> None:
    """An entry holds the term (317号's 医防融合 tasks): the method note says the texts do not define
    it, names the term without the hearsay around it (文件里老说), and gives that entry."""
    turn = turn_for(kb, now, q, region="national")
    first = turn.text.split("\n", 1)[0]
    assert "“医防融合”" in first and "没有" in first, first
    assert "317号" in turn.text


def test_the_users_regions_texts_come_first(kb) -> None:
    found = uses("家庭病床", kb, "chongqing-yuzhong")
    assert found and kb.catalogue[found[0].document].region == "chongqing-yuzhong"


@pytest.mark.parametrize(
    ("q", "asked", "expected"),
    [
        ("这4类指的是哪4类", "listed", ["4类"]),
        ("申报材料是哪些", "listed", []),  # a list the texts may give under other words: not a term asked
        ("家庭病床能不能算进床位", "included", ["家庭病床"]),
        ("中医阁要开展“4类6项”，这4类指的是哪4类？", "listed", ["4类6项", "4类"]),
    ],
)
def test_candidates(q: str, asked: str, expected: list[str]) -> None:
    assert candidates(q, asked) == expected


def test_a_common_word_is_not_a_term_asked(kb) -> None:
    """人口 and 床位 are used a dozen times: too common to say anything about where they are used."""
    assert len(uses("床位", kb, None)) > 6 and len(uses("人口", kb, None)) > 6


def test_a_sure_answer_stands(kb, now) -> None:
    turn = turn_for(kb, now, "床位使用率怎么算", region="jilin")
    assert T.TERM_USED_HERE not in turn.text
