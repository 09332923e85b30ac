"""documents.yaml parsed once into a Catalogue: metadata, periods, names, source_for (the one place a
citation becomes a Source), and the texts loaded beside it (the 链接 section for bare URLs)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.documents import LINKS, Citation, DocumentsError, load_catalogue, read_catalogue
from knowledge.regions import DATA

D = dt.date


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(DATA)


def test_every_document_has_its_period_as_data(catalogue) -> None:
    """Issue 9: Jilin 2020 yearly from 2020 with no end; Jilin 2024-2025 those two years; Beijing 2022
    (inferred); Yuzhong the 2021 timetable then 常态化受理; national 2021 (inferred from the 文号)."""
    jilin_2020, jilin_2024 = catalogue["jilin-2020"], catalogue["jilin-2024"]
    assert (jilin_2020.start, jilin_2020.end, jilin_2020.periods[0].dates) == (D(2020, 8, 12), None, "yearly")
    assert (jilin_2024.start, jilin_2024.end, jilin_2024.periods[0].dates) == (D(2024, 1, 1), D(2025, 12, 31), "yearly")
    beijing = catalogue["beijing-2022"]
    assert (beijing.start, beijing.end, beijing.inferred) == (D(2022, 1, 1), D(2022, 12, 31), True)
    assert "推定" not in beijing.periods[0].note and "2022" in beijing.periods[0].note
    yuzhong = catalogue["yuzhong-2021"]
    assert [(p.start, p.end, p.dates) for p in yuzhong.periods] == [
        (D(2021, 3, 16), D(2021, 12, 31), "one-off"),
        (D(2022, 1, 1), None, "rolling"),
    ]
    national = catalogue["national-2021"]
    assert (national.start.year, national.inferred, national.periods[0].dates) == (2021, True, "one-off")
    for doc in catalogue.values():
        assert doc.periods, doc.id
        for p in doc.periods:
            assert p.inferred or p.citation is not None or p.dates == "none", doc.id
            assert not p.inferred or p.note, doc.id


def test_covers_and_period_on(catalogue) -> None:
    yuzhong = catalogue["yuzhong-2021"]
    assert yuzhong.period_on(D(2021, 6, 1)).dates == "one-off"  # type: ignore[union-attr]
    assert yuzhong.period_on(D(2030, 1, 1)).dates == "rolling"  # type: ignore[union-attr]
    assert yuzhong.period_on(D(2021, 1, 1)) is None
    assert catalogue["jilin-2024"].covers(D(2025, 12, 31)) and not catalogue["jilin-2024"].covers(D(2026, 1, 1))


def test_names_an_answer_may_use(catalogue) -> None:
    jilin = catalogue["jilin-2024"]
    assert jilin.named_in("按吉卫联发〔2024〕17号……") and jilin.named_in("2024—2025年方案没有重申")
    assert not jilin.named_in("按吉卫基层发〔2020〕5号")
    assert catalogue["beijing-2022"].named_in("按北京方案")


def test_source_for_is_the_citation_as_shown(catalogue) -> None:
    source = catalogue.source_for(Citation("jilin-2020", "四（二）", "实际开放床位数≥30张"))
    assert (source.document, source.number, source.section, source.quote, source.secondary) == (
        "吉林省社区医院建设实施方案", "吉卫基层发〔2020〕5号", "四（二）", "实际开放床位数≥30张", False
    )  # fmt: skip
    news = catalogue.source_for(Citation("basic-standard-2019-reports", "B1", "at least 30"))
    assert news.secondary and news.number == ""
    with pytest.raises(KeyError):
        catalogue.source_for(Citation("jilin-2099", "一", "q"))


def test_of_region_is_oldest_first(catalogue) -> None:
    assert [d.id for d in catalogue.of_region("jilin")] == ["jilin-2020", "jilin-2024"]


def test_a_texts_bare_urls_are_the_citable_section_链接(kb: KnowledgeBase) -> None:
    jilin = kb.documents["jilin-2020"]
    assert len(jilin.links) == 3 and jilin.sections[LINKS] == "\n".join(jilin.links)
    assert "http" not in jilin.text
    assert LINKS not in kb.documents["jilin-2024"].sections  # a text without addresses has none


def test_faults_name_file_entry_and_field(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    path = root / "documents.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "      inferred: true\n      note: 原文没有落款日期和文号",
        "      inferred: true\n      note: ''\n      x: 原文没有落款日期和文号",
        1,
    )
    text = text.replace("kind: official", "kind: offical", 1)
    path.write_text(text, "utf-8")
    catalogue, errors = read_catalogue(root)
    assert "documents.yaml: jilin-2020: kind: Input should be 'official' or 'secondary'" in errors, errors
    assert "documents.yaml: beijing-2022: periods.0.x: unknown key" in errors, errors
    assert "beijing-2022" not in catalogue and "jilin-2024" in catalogue
    with pytest.raises(DocumentsError, match="jilin-2020: kind"):
        load_catalogue(root)


def test_an_inferred_period_needs_its_note_and_a_stated_one_its_citation(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    path = root / "documents.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("      note: 原文没有落款日期和文号；", "      note: ''\n      # ", 1)
    text = text.replace(
        "      citation: {document: jilin-2024, section: 引言, quote: 社区医院建设行动实施方案（2024-2025）}\n", "", 1
    )
    path.write_text(text, "utf-8")
    _, errors = read_catalogue(root)
    assert "documents.yaml: beijing-2022: periods.0: an inferred period needs a note saying how it was read" in errors
    assert any(e.startswith("documents.yaml: jilin-2024: periods.0: a period the text states needs") for e in errors)
