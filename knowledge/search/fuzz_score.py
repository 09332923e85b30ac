"""How close a question's words are to an entry's phrasings: rapidfuzz's token_set_ratio of the best
phrasing, one of the ranking's features (index.py). Out of index.py, which was at its line limit."""

from __future__ import annotations

from collections.abc import Callable, Sequence


def fuzz_scorer(query: str) -> Callable[[Sequence[str]], float]:
    """A function giving, for an entry's phrasings (space-joined content words, tokens.fuzz_text), how
    close (0–1) the best of them is to `query` (written the same way); 0 for an empty query. rapidfuzz
    is imported once per ranking, not once per candidate (~30 a search)."""
    from rapidfuzz import fuzz, process

    def best_of(texts: Sequence[str]) -> float:
        best = process.extractOne(query, texts, scorer=fuzz.token_set_ratio) if query else None
        return (best[1] if best else 0.0) / 100.0  # the best phrasing in one call: the query prepared once

    return best_of
