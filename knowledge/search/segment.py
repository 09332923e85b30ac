"""Segmenting a question into words over the index's small dictionary: jieba's dictionary-only
segmentation (`Tokenizer.cut(text, HMM=False)`: the most probable path through the graph of the
dictionary's words, unknown Latin letters and digits kept together), written out here.

Building the index still uses jieba itself (tokens.build_vocabulary, with its default dictionary).
Answering a question needed only this part of it, and `import jieba` costs a cold process about
0.2 s (it loads its HMM tables and pkg_resources though the search never uses either: issue 12).
tests/knowledge/search/test_segment.py holds the two equal, word for word, on every entry and
question of the development sets and on generated text. The algorithm is jieba's (MIT licence,
jieba/__init__.py: gen_pfdict, get_DAG, calc, __cut_DAG_NO_HMM, cut).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from math import log

# jieba's own patterns: a block of CJK and word characters is segmented, the rest kept as it comes.
_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]")


class Segmenter:
    """Words of a text by a word -> frequency dictionary, exactly as jieba segments without HMM."""

    def __init__(self, vocabulary: dict[str, int]) -> None:
        """jieba's prefix dictionary (gen_pfdict): every word with its frequency, every prefix of a
        word with 0 (a prefix that is a word keeps its frequency); `total` sums the frequencies."""
        freq: dict[str, int] = {}
        total = 0
        for word, count in vocabulary.items():
            freq[word] = count
            total += count
            for end in range(1, len(word) + 1):
                freq.setdefault(word[:end], 0)
        self.freq = freq
        self.total = total

    def cut(self, text: str) -> Iterator[str]:
        """The words of `text`, in order; joined they give `text` back."""
        for block in _HAN.split(text):
            if not block:
                continue
            if _HAN.match(block):
                yield from self._cut_block(block)
                continue
            for piece in _SKIP.split(block):
                if _SKIP.match(piece):
                    yield piece
                else:
                    yield from piece

    def _cut_block(self, sentence: str) -> Iterator[str]:
        route = self._route(sentence)
        x, n, buf = 0, len(sentence), ""
        while x < n:
            y = route[x][1] + 1
            word = sentence[x:y]
            if len(word) == 1 and _ENG.match(word):
                buf += word
            else:
                if buf:
                    yield buf
                    buf = ""
                yield word
            x = y
        if buf:
            yield buf

    def _route(self, sentence: str) -> dict[int, tuple[float, int]]:
        """jieba's get_DAG and calc: for each position, the best (log probability, word end)."""
        freq = self.freq
        n = len(sentence)
        dag: dict[int, list[int]] = {}
        for k in range(n):
            ends: list[int] = []
            i = k
            fragment = sentence[k]
            while i < n and fragment in freq:
                if freq[fragment]:
                    ends.append(i)
                i += 1
                fragment = sentence[k : i + 1]
            dag[k] = ends or [k]
        route: dict[int, tuple[float, int]] = {n: (0, 0)}
        log_total = log(self.total)
        for idx in range(n - 1, -1, -1):
            route[idx] = max(
                (log(freq.get(sentence[idx : x + 1]) or 1) - log_total + route[x + 1][0], x) for x in dag[idx]
            )
        return route
