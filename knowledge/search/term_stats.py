"""What the index knows of a term: its IDF, whether some entry uses a word, and how much of a
question's vocabulary the index knows at all (out of SearchIndex, brief oos4: index.py was at its
350-line limit).

Terms are the analyser's ("w:" a word, "b:" a character bigram, "u:" a lone character; tokens.py),
counted over the two BM25 fields (bm25.Field): the entries' questions and phrasings, and their answers.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.search.bm25 import Field
from knowledge.search.signals import seams

SPECIFIC_TERMS = 2.0  # a question whose known terms add up to this many rare terms is fully specific


class TermStats:
    """IDF and known vocabulary of the index's two fields."""

    def __init__(self, questions: Field, answers: Field) -> None:
        """`questions`: the field of questions and phrasings (its IDF is the one used); `answers`:
        the field of answers (a term either field has is known)."""
        self.questions = questions
        self.answers = answers
        # Every character some term of the index holds (its prefix "w:", "b:", "u:" left out).
        self.known_chars = frozenset(c for t in (*questions.idf, *answers.idf) for c in t[2:])

    def idf(self, term: str) -> float:
        """The term's IDF in the questions' field; the highest IDF for a term no question has."""
        return self.questions.idf.get(term, self.questions.max_idf)

    def has(self, term: str) -> bool:
        """Some entry (its questions or its answer) has the term."""
        return term in self.questions.idf or term in self.answers.idf

    def known_word(self, word: str) -> bool:
        """Some entry uses `word` as a word (in its questions or its answer), or for a single
        character, has it in a term at all (归 in 归口)."""
        if len(word) == 1:
            return word in self.known_chars
        return self.has("w:" + word)

    def known(self, query: set[str], words: Sequence[str], idf_total: float) -> tuple[float, float]:
        """(the share of the IDF of all the query's terms that some entry has, its specificity).
        A bigram across the boundary of a known word (申报|成为 → 报成, 验收|归 → 收归) that no entry
        has says nothing the words do not: it is not unknown vocabulary, so the share leaves it out.
        Specificity, how much a question says: 要求 alone matches many entries (ask back), 回头看 names one thing."""
        known_idf = sum(self.idf(t) for t in query if self.has(t))
        seam = {t for t in seams(words, self.known_word) if not self.has(t)}
        seam_idf = sum(self.idf(t) for t in query & seam)
        specificity = min(1.0, known_idf / (SPECIFIC_TERMS * self.questions.max_idf))
        return known_idf / ((idf_total - seam_idf) or 1.0), specificity
