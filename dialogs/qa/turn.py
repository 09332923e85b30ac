"""What one Q&A turn produced, before it becomes an Outcome: the replies, what kind of question it
was, the decision (the same four bands as the search: answer, likely, suggest, decline) and what the
replies rest on. `python -m bot ask --json` and the evaluation read it; the chat sees only replies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from core.model import Reply
from knowledge.search.model import Answer, Decision, Source

Kind = Literal[
    "smalltalk", "figure", "not_covered", "comparison", "multipart", "situation", "method", "in_force", "search"
]
ANSWERED: tuple[Decision, ...] = ("answer", "likely")


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
