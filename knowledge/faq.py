"""Curated question-and-answer entries (knowledge/data/faq/*.yaml) and loading them.

Schema of one entry (YAML list item):
  id: jilin-2020-open-beds          # unique, lower case a-z 0-9 and '-'
  regions: [jilin]                  # region ids; [national] applies everywhere
  topic: open-beds                  # optional; entries sharing a topic are the same question per region
  question: 吉林申请社区医院，实际开放床位要多少张？   # canonical question
  phrasings: [床位要多少张, 吉林床位要求, 开放床位最少几张]  # >= 3, as directors type them
  answer: 按吉林省方案……             # plain Chinese; only facts from the cited text
  citations:                        # >= 1
    - {document: jilin-2020, section: 四（二）, quote: 实际开放床位数≥30张}
  secondary: false                  # true for facts from news reports (knowledge/data/secondary/)
  provenance: 据新华社2019年6月23日报道   # required when secondary
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Citation:
    document: str
    section: str
    quote: str


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
    file: str = ""  # the YAML file it came from, for error messages


def load_faq(root: Path) -> list[FaqEntry]:
    entries: list[FaqEntry] = []
    for path in sorted((root / "faq").glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            entries.append(entry_from_dict(raw, path.name))
    return entries


def entry_from_dict(raw: dict, file: str = "") -> FaqEntry:
    return FaqEntry(
        id=str(raw["id"]),
        regions=tuple(raw.get("regions") or ()),
        question=str(raw["question"]).strip(),
        phrasings=tuple(str(p).strip() for p in raw.get("phrasings") or ()),
        answer=str(raw["answer"]).strip(),
        citations=tuple(
            Citation(str(c["document"]), str(c["section"]), str(c["quote"])) for c in raw.get("citations") or ()
        ),
        topic=raw.get("topic"),
        secondary=bool(raw.get("secondary", False)),
        provenance=raw.get("provenance"),
        file=file,
    )
