"""Every FAQ citation occurs verbatim in its section of the stored source text (the key test), and
the check really rejects quotes that are not there."""

from __future__ import annotations

import pytest

from knowledge.citations import verify
from knowledge.faq import load_faq
from knowledge.regions import DATA

ENTRIES = load_faq(DATA)
CITATIONS = [(e.file, e.id, i, c) for e in ENTRIES for i, c in enumerate(e.citations, 1)]


def test_there_are_citations_to_check() -> None:
    assert len(CITATIONS) >= 100


@pytest.mark.parametrize("file,entry_id,n,citation", CITATIONS, ids=[f"{e}#{n}" for _, e, n, _ in CITATIONS] or None)
def test_every_faq_citation_is_verbatim_in_its_section(kb, file, entry_id, n, citation) -> None:
    assert verify(kb.documents, citation.document, citation.section, citation.quote) is None


def test_a_correct_quote_verifies_whatever_the_whitespace(kb) -> None:
    assert verify(kb.documents, "jilin-2020", "四（二）", "实际开放床位数≥30张") is None
    assert verify(kb.documents, "jilin-2020", "四（二）", "实际开放床位数 ≥ 30 张") is None
    assert verify(kb.documents, "jilin-2020", "四", "实际开放床位数≥30张") is None  # parent section


def test_a_changed_number_is_rejected(kb) -> None:
    fault = verify(kb.documents, "jilin-2020", "四（二）", "实际开放床位数≥20张")
    assert fault is not None and "not found" in fault


def test_a_quote_in_the_wrong_section_names_the_right_one(kb) -> None:
    fault = verify(kb.documents, "jilin-2020", "四（一）", "实际开放床位数≥30张")
    assert fault is not None and "四（二）" in fault


def test_a_quote_from_another_document_is_named(kb) -> None:
    fault = verify(kb.documents, "jilin-2020", "四（二）", "公共卫生人员占专业技术人员编制的比例不低于25%")
    assert fault is not None and "jilin-2024" in fault and "二（三）" in fault


def test_unknown_document_and_section_are_reported(kb) -> None:
    assert "unknown document" in (verify(kb.documents, "jilin-2021", "四", "床位") or "")
    fault = verify(kb.documents, "jilin-2020", "九（一）", "实际开放床位数≥30张")
    assert fault is not None and "no section" in fault and "四（二）" in fault


def test_punctuation_must_be_verbatim(kb) -> None:
    assert verify(kb.documents, "jilin-2020", "四（二）", "床位使用率≥75%") is None
    assert verify(kb.documents, "jilin-2020", "四（二）", "床位使用率>=75%") is not None
