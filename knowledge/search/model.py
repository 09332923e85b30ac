"""What a search returns. The Q&A dialog and `python -m bot ask --json` render these."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Decision = Literal["answer", "suggest", "decline"]


@dataclass(frozen=True)
class Source:
    document: str  # short name of the document, e.g. 吉林省社区医院建设实施方案
    number: str  # 文号, e.g. 吉卫基层发〔2020〕5号; "" when the document has none
    section: str  # section path, e.g. 四（二）
    quote: str = ""
    secondary: bool = False  # a news report, not the official text


@dataclass(frozen=True)
class Answer:
    entry_id: str
    question: str  # the entry's canonical question
    answer: str
    sources: tuple[Source, ...]
    regions: tuple[str, ...]
    score: float = 0.0
    topic: str | None = None
    provenance: str | None = None  # for secondary facts: who reported it, and when


@dataclass(frozen=True)
class SearchResult:
    decision: Decision
    confidence: float  # calibrated, 0..1
    answers: tuple[Answer, ...] = ()  # best first; for "answer", answers[0] is the one to show
    suggestions: tuple[Answer, ...] = ()  # for "suggest" (and decline, when something is close)
    region: str | None = None  # the region the search used
    region_named: bool = False  # the question itself named the region
    per_region: tuple[Answer, ...] = field(default_factory=tuple)  # same topic, other regions
