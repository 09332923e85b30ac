"""The pydantic models behind every knowledge/data file report faults as `file: entry: field: message`."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from knowledge.faq import entry_from_dict, read_faq
from knowledge.schema import FaqModel, messages, validate_list

ENTRY = {
    "id": "x-1",
    "regions": ["jilin"],
    "question": "问？",
    "phrasings": ["a", "b", "c"],
    "answer": "答。",
    "citations": [{"document": "jilin-2020", "section": "四（二）", "quote": "实际开放床位数≥30张"}],
}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"id": "X_1"}, "id: must match ^[a-z0-9-]+$"),
        ({"answer": "   "}, "answer: missing or empty"),
        ({"citations": []}, "citations: missing or empty"),
        ({"citations": [{"document": "jilin-2020", "section": "四（二）"}]}, "citations.0.quote: missing"),
        ({"phrasing": ["x"]}, "phrasing: unknown key"),
        ({"secondary": True}, "a secondary entry needs provenance (who reported it, when)"),
        ({"regions": "jilin"}, "regions: Input should be a valid list"),
    ],
)
def test_faq_faults_name_the_field(change: dict, expected: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        FaqModel.model_validate({**ENTRY, **change})
    assert expected in messages(excinfo.value)


def test_validate_list_names_each_entry_and_keeps_the_good_ones() -> None:
    good, errors = validate_list(FaqModel, [ENTRY, {**ENTRY, "id": "y", "answer": ""}, "text"], "faq/t.yaml")
    assert [m.id for m, _ in good] == ["x-1"]
    assert errors == [
        "faq/t.yaml: y: answer: missing or empty",
        "faq/t.yaml: entry 3: Input should be a valid dictionary or instance of FaqModel",
    ]
    assert validate_list(FaqModel, {"id": "x"}, "faq/t.yaml")[1] == [
        "faq/t.yaml: -: the file must be a list of entries"
    ]


def test_entry_from_dict_strips_and_keeps_the_file() -> None:
    entry = entry_from_dict({**ENTRY, "question": "  问？ "}, "t.yaml")
    assert (entry.question, entry.file, entry.citations[0].section) == ("问？", "t.yaml", "四（二）")


def test_the_shipped_faq_follows_the_schema(kb) -> None:
    entries, errors = read_faq(kb.root)
    assert errors == [] and len(entries) == len(kb.faq) > 200
