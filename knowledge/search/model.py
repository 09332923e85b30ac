"""What a search returns. The Q&A dialog and `python -m bot ask --json` render these."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Decision = Literal["answer", "likely", "suggest", "decline"]


@dataclass(frozen=True)
class Source:
    document: str  # short name of the document, e.g. 吉林省社区医院建设实施方案
    number: str  # 文号, e.g. 吉卫基层发〔2020〕5号; "" when the document has none
    section: str  # section path, e.g. 四（二）
    quote: str = ""
    secondary: bool = False  # a news report, not the official text
    region: str = ""  # the cited document's region id (documents.yaml); "" when unknown


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
    method: bool = False  # explains how a figure is counted (faq/method.yaml): only for 怎么算 questions
    overview: bool = False  # on a document as a whole: not the answer to one of its facts
    section_overview: bool = False  # lists a whole section's items: not the answer to one of them


@dataclass(frozen=True)
class SearchResult:
    """What the search found and how sure it is.

    decision: "answer" (show answers[0]), "likely" (show answers[0] marked as the likeliest, the
    others as alternatives), "suggest" (offer answers as "您是不是想问"), "decline".
    """

    decision: Decision
    confidence: float  # calibrated, 0..1
    answers: tuple[Answer, ...] = ()  # the best distinct entries, best first, whatever the decision
    suggestions: tuple[Answer, ...] = ()  # = answers when the decision is "suggest"
    region: str | None = None  # the region the search used
    region_named: bool = False  # the question itself named a covered region
    per_region: tuple[Answer, ...] = field(default_factory=tuple)  # no region known: each region's entry
    regions_named: tuple[str, ...] = ()  # covered regions the question names, in order (comparisons)
    uncovered: tuple[str, ...] = ()  # places named whose documents are not loaded (上海市, 江北区)
    partial: tuple[str, ...] = ()  # places named that are covered only in part (重庆市: only 渝中区)
    # What the question asks for (intent attributes: money, time …) when the best-matching entry
    # gives none of it: "the texts do not say what it costs" (then never more than suggested).
    unmet: tuple[str, ...] = ()
    # Suggestions only, for a question that is probably not in the texts: it says enough to pick one
    # entry, yet has words the knowledge base never uses or matches too little (the reply says so).
    not_in_texts: bool = False

    @property
    def answered(self) -> bool:
        """An answer is shown (surely or as the likeliest)."""
        return self.decision in ("answer", "likely")
