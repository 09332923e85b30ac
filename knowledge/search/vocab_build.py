"""Building what the analyser reads, once per index build (a cache miss only: bot/index_cache.py
pickles the result): the segmentation vocabulary from our own normalised texts and the domain terms
of search_words.txt, and the toneless pinyin readings the typo correction looks words up by. Moved
out of tokens.py, which reads questions, when it reached the module-size limit."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from knowledge.search.tokens import is_cjk


def build_vocabulary(texts: Iterable[str], domain_words: Path) -> dict[str, int]:
    """The words jieba's default dictionary finds in our normalised texts, plus the domain terms."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    domain = read_domain_words(domain_words)
    full = jieba.Tokenizer()
    full.initialize()
    for word, freq in domain.items():
        full.add_word(word, freq)
    vocabulary: dict[str, int] = {}
    for text in texts:
        for w in full.cut(text, HMM=False):
            if len(w) >= 2 and all(is_cjk(c) for c in w):
                vocabulary[w] = max(int(full.FREQ.get(w) or 1), 1)
    vocabulary.update(domain)
    return vocabulary


def read_domain_words(path: Path) -> dict[str, int]:
    """search_words.txt: one term per line, optionally followed by a frequency; # starts a comment."""
    words: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        words[parts[0]] = int(parts[1]) if len(parts) > 1 else 20000
    return words


def pinyin_readings() -> dict[str, str]:
    """Toneless readings of every CJK ideograph pypinyin knows (all readings of a polyphone)."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    readings: dict[str, str] = {}
    for code, value in pinyin_dict.items():
        if 0x3400 <= code <= 0x9FFF:
            readings[chr(code)] = ",".join(dict.fromkeys(to_normal(p) for p in value.split(",")))
    return readings


REAL_WORD_FREQ = 20  # a general-dictionary word counted less often is too rare to guard against


def real_words_near(vocabulary: dict[str, int], readings: dict[str, str]) -> frozenset[str]:
    """Two-character words of jieba's general dictionary (counted REAL_WORD_FREQ times or more, not in
    `vocabulary`) that read, by fuzzy pinyin, like a two-character vocabulary word and share one of its
    characters at the same place (市级 for 四级, 支持 for 支出): the words the analyser's two-character
    slip correction must leave alone (tokens.Analyzer._fuzzy_pair). A few hundred words."""
    import jieba

    from knowledge.search.tokens import fuzzy

    def keys(ch: str) -> set[str]:
        return {fuzzy(r) for r in readings.get(ch, ch).split(",")}

    masked: dict[str, list[str]] = {}
    for w in vocabulary:
        if len(w) == 2 and all(is_cjk(c) for c in w):
            masked.setdefault("\0" + w[1], []).append(w)
            masked.setdefault(w[0] + "\0", []).append(w)
    path = Path(jieba.__file__).parent / "dict.txt"
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2 or len(parts[0]) != 2 or int(parts[1]) < REAL_WORD_FREQ or parts[0] in vocabulary:
            continue
        w = parts[0]
        for d in (0, 1):
            near = masked.get(w[:d] + "\0" + w[d + 1 :], ())
            if any(keys(v[d]) & keys(w[d]) for v in near):
                out.add(w)
                break
    return frozenset(out)
