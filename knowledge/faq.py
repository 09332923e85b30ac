"""Curated question-and-answer entries (knowledge/data/faq/*.yaml) and loading them.

Schema of one entry (YAML list item; the model is knowledge/schema.py FaqModel):
  id: jilin-2020-open-beds          # unique, lower case a-z 0-9 and '-'
  regions: [jilin]                  # region ids; [national] applies everywhere
  topic: open-beds                  # optional; entries sharing a topic are the same question per region
  question: 吉林申请社区医院，实际开放床位要多少张？   # canonical question
  phrasings: [床位要多少张, 吉林床位要求, 开放床位最少几张]  # >= 3, as directors type them
  answer: 按吉林省方案……             # plain Chinese; only facts from the cited text. It must read right
                                    # for every phrasing: no bare "要。" opener (kb check)
  citations:                        # >= 1
    - {document: jilin-2020, section: 四（二）, quote: 实际开放床位数≥30张}
  secondary: false                  # true for facts from news reports (knowledge/data/secondary/)
  provenance: 据新华社2019年6月23日报道   # required when secondary
  overview: false                   # true for an entry on a document as a whole (what it is, who
                                    # issued it): a question that names the document but asks one
                                    # of its facts (a date, a number, a department) wants the entry
                                    # holding that fact (the search ranks the overview below it)
  section_overview: false           # true for an entry listing a whole section's items (main tasks,
                                    # measures, requirements, steps, annexes): a question asking one
                                    # item or term wants that item's entry (ranked below it unless the
                                    # question asks for the section as a whole: question_cues `section`)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from knowledge.documents import Citation
from knowledge.schema import FaqModel, read_yaml, validate_list

__all__ = ["Citation", "FaqEntry", "FaqError", "entry_from_dict", "entry_from_model", "load_faq", "read_faq"]


class FaqError(ValueError):
    """A FAQ file does not follow the schema (the message names file, entry and field)."""


@dataclass(frozen=True)
class FaqEntry:
    id: str
    regions: tuple[str, ...]
    question: str
    phrasings: tuple[str, ...]
    answer: str
    citations: tuple[Citation, ...]
    topic: str | None = None
    secondary: bool = False
    provenance: str | None = None
    overview: bool = False
    section_overview: bool = False
    file: str = ""  # the YAML file it came from, for error messages


def entry_from_model(m: FaqModel, file: str = "") -> FaqEntry:
    """The FaqEntry of a validated model; `file` names the YAML it came from, for messages."""
    return FaqEntry(
        id=m.id,
        regions=tuple(m.regions),
        question=m.question,
        phrasings=tuple(m.phrasings),
        answer=m.answer,
        citations=tuple(Citation.of(c) for c in m.citations),
        topic=m.topic,
        secondary=m.secondary,
        provenance=m.provenance,
        overview=m.overview,
        section_overview=m.section_overview,
        file=file,
    )


def entry_from_dict(raw: dict, file: str = "") -> FaqEntry:
    """One entry from its YAML mapping; raises pydantic's ValidationError when it is malformed."""
    return entry_from_model(FaqModel.model_validate(raw), file)


def read_faq(root: Path) -> tuple[list[FaqEntry], list[str]]:
    """Every faq/*.yaml: the entries that follow the schema, and one `file: entry: message` per
    fault of the others (a file that does not parse is one message)."""
    entries: list[FaqEntry] = []
    errors: list[str] = []
    for path in sorted((root / "faq").glob("*.yaml")):
        where = f"faq/{path.name}"
        try:
            raw = read_yaml(path)
        except yaml.YAMLError as exc:
            errors.append(f"{where}: -: YAML does not parse: {exc}".replace("\n", " "))
            continue
        good, faults = validate_list(FaqModel, raw, where)
        errors.extend(faults)
        entries.extend(entry_from_model(m, path.name) for m, _ in good)
    return entries, errors


def load_faq(root: Path) -> list[FaqEntry]:
    """Every entry; raises FaqError naming each fault (kb check reports them without raising)."""
    entries, errors = read_faq(root)
    if errors:
        raise FaqError("; ".join(errors))
    return entries
