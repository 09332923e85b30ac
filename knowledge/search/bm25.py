"""One BM25 field of the search index: postings with the IDF and the saturated, length-normalised
term frequency already multiplied in, so that scoring a question is a sum of lookups."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

K1 = 1.2
B = 0.75


class Field:
    """BM25 postings of one field: term -> [(entry index, weight)], the weight already holding IDF
    and the saturated, length-normalised term frequency."""

    def __init__(self, docs: Sequence[Counter[str]]) -> None:
        n = len(docs)
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        avg = (sum(sum(d.values()) for d in docs) / n) if n else 1.0
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.max_idf = math.log(1 + (n + 0.5) / 0.5) if n else 1.0
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, d in enumerate(docs):
            length = sum(d.values()) or 1
            for t, tf in d.items():
                weight = self.idf[t] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg))
                self.postings[t].append((i, weight))
        self.postings = dict(self.postings)
        self.weights: list[dict[str, float]] = [{} for _ in docs]  # entry -> term -> weight, for rescoring
        for t, plist in self.postings.items():
            for i, w in plist:
                self.weights[i][t] = w

    def scores(self, terms: Iterable[str]) -> dict[int, float]:
        acc: dict[int, float] = defaultdict(float)
        for t in terms:
            for i, w in self.postings.get(t, ()):
                acc[i] += w
        return acc

    def score(self, i: int, terms: Iterable[str]) -> float:
        weights = self.weights[i]
        return sum(weights.get(t, 0.0) for t in terms)

    def frequency(self, term: str) -> int:
        return len(self.postings.get(term, ()))

    def ceiling(self, terms: Iterable[str]) -> float:
        """The most a question with these terms could score (unknown terms at the highest IDF)."""
        return sum(self.idf.get(t, self.max_idf) for t in terms) * (K1 + 1) or 1.0
