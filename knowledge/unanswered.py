"""Grouping the questions the assistant could not answer, so a maintainer sees what to add next.

Pure: takes the logged questions (text, region, best candidate) and returns groups of similar
ones, most frequent first. Similarity is rapidfuzz's ratio on a normalised form of the text
(NFKC, lower case, traditional → simplified, punctuation and spaces removed); ratio compares
characters, so it suits unsegmented Chinese, where token-based scorers would see one "word".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from core.text import fold_chinese

DEFAULT_THRESHOLD = 72.0

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True)
class LoggedQuestion:
    text: str
    region: str | None = None
    best_candidate: str | None = None


@dataclass
class QuestionGroup:
    key: str  # normalised text of the group's first (most frequent) question
    questions: list[LoggedQuestion] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.questions)

    @property
    def sample(self) -> str:
        return Counter(q.text for q in self.questions).most_common(1)[0][0]

    @property
    def best_candidate(self) -> str | None:
        found = Counter(q.best_candidate for q in self.questions if q.best_candidate)
        return found.most_common(1)[0][0] if found else None

    @property
    def regions(self) -> dict[str, int]:
        return dict(Counter(q.region or "-" for q in self.questions).most_common())

    def as_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "sample": self.sample,
            "best_candidate": self.best_candidate,
            "regions": self.regions,
            "texts": sorted({q.text for q in self.questions}),
        }


def normalise(text: str) -> str:
    """What makes two logged questions the same for grouping: folded, simplified, no punctuation."""
    return _NOT_WORD.sub("", fold_chinese(text))


def group_questions(questions: Iterable[LoggedQuestion], threshold: float = DEFAULT_THRESHOLD) -> list[QuestionGroup]:
    """Greedy grouping: the most frequent texts found groups; each other text joins the group whose
    key it resembles most, if that resemblance reaches the threshold (0–100)."""
    by_key: dict[str, list[LoggedQuestion]] = {}
    for q in questions:
        by_key.setdefault(normalise(q.text) or q.text.strip(), []).append(q)
    groups: list[QuestionGroup] = []
    for key, members in sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        best, best_score = None, 0.0
        for g in groups:
            score = fuzz.ratio(key, g.key)
            if score > best_score:
                best, best_score = g, score
        if best is not None and best_score >= threshold:
            best.questions.extend(members)
        else:
            groups.append(QuestionGroup(key, list(members)))
    groups.sort(key=lambda g: (-g.count, g.key))
    return groups
