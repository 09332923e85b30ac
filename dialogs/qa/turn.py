"""What one Q&A turn produced, before it becomes an Outcome: the replies, what kind of question it
was, the decision (the same four bands as the search: answer, likely, suggest, decline) and what the
replies rest on. `python -m bot ask --json` and the evaluation read it; the chat sees only replies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from core.model import Reply
from knowledge.search.model import Answer, Decision, Source

Kind = Literal[
    "smalltalk", "figure", "not_covered", "comparison", "multipart", "situation", "method", "in_force", "search"
]
ANSWERED: tuple[Decision, ...] = ("answer", "likely")
# How a section of a reply stands: "answered" (its text answers its part or region), "unanswered"
# (it says no answer was found for that part), "same" (its answer is the one of section `same_as`),
# "missing" (a region compared has no rule on it), "summary" (what the regions compared share).
SectionStatus = Literal["answered", "unanswered", "same", "missing", "summary"]


@dataclass(frozen=True)
class Section:
    """One part of a composed reply: a part of a multi-part question (label: the part as asked) or
    one region's side of a comparison (label: the region id), and the summary of a comparison
    (label ""). The evaluation grades each part on its own section (tests/eval/blind.py)."""

    label: str
    status: SectionStatus
    text: str
    same_as: int | None = None  # for "same": the index of the section whose answer this one repeats


@dataclass(frozen=True)
class Turn:
    """kind: which handler answered; decision: how sure (answer / likely / suggest / decline);
    shown: the entries shown as answers; sources: every source the replies cite (entries' and
    rules'); suggestions: entries offered as buttons; confidence: the search's, 0..1 (1.0 for
    replies that need no search, such as small talk); region: the region the answer is for."""

    kind: Kind
    decision: Decision
    replies: tuple[Reply, ...]
    region: str | None = None
    confidence: float = 0.0
    shown: tuple[Answer, ...] = ()
    sources: tuple[Source, ...] = ()
    suggestions: tuple[Answer, ...] = ()
    best_entry: str | None = None  # the best candidate, for the log of unanswered questions
    sections: tuple[Section, ...] = ()  # multi-part and comparison replies: what each part answered

    @property
    def answered(self) -> bool:
        return self.decision in ANSWERED

    @property
    def text(self) -> str:
        """Every reply's text, joined (for tests and `ask`)."""
        return "\n\n".join(r.text for r in self.replies)


def sources_of(answers: tuple[Answer, ...] | list[Answer]) -> tuple[Source, ...]:
    """The distinct sources of some entries, in order."""
    seen: dict[tuple[str, str, str], Source] = {}
    for a in answers:
        for s in a.sources:
            seen.setdefault((s.document, s.number, s.section), s)
    return tuple(seen.values())


# A reading of one text as its own question (how multi-part, mixed and situation turns ask a part alone)
AnswerOne = Callable[[str], Turn]
