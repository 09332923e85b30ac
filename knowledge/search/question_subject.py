"""The subject of a question: its nouns, less question words and the knowledge base's generic words
(what knowledge.search.subject checks an entry against; the module docstring there says why).
Pure functions; `general_nouns` reads jieba's dictionary once, when the index is built."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from knowledge.places import places_named
from knowledge.regions import DATA
from knowledge.search.tokens import NUMERALS, STOPWORDS, is_cjk
from knowledge.yaml_read import read_yaml

NOUN_TAGS = frozenset({"n", "vn", "nz", "nt", "l", "j"})  # jieba's part-of-speech tags of nouns
NOUN_LENGTHS = (2, 6)  # nouns kept from the general dictionary (one character is too ambiguous)
# Nouns rarer than this in jieba's corpus (two thirds of its 153,000: names of things nobody asks us
# about) are left out: the pickled index stays 0.6 MB larger rather than 1.8 MB (tests/bot/test_index_cache.py).
NOUN_MIN_FREQ = 5
# Below this IDF a word is the knowledge base's generic vocabulary (社区医院 0.45, 要求 0.92, 标准 1.85,
# 机构 1.95), not what a question is about; 床位 (2.89) and 材料 (3.01) are subjects.
GENERIC_IDF = 2.0
# A subject this heavy (summed IDF) with no word in the entry is refused: two rare nouns (护士 4.56,
# 资格 4.89, 考试 6.5 unknown). One alone is not enough: on the spent sets a single unsupported noun
# (汇总 in 汇总表里“已建成”指的是啥, 病种 in 66个病种是哪些) was as often in-scope wording around a
# right answer as an out-of-scope subject (at 4.0: 6 in-scope answers refused against 2 OOS).
UNSUPPORTED_AT = 8.0


@dataclass(frozen=True)
class Subject:
    """The subject's units (a word, or a run of single characters) and their weights."""

    units: tuple[str, ...]
    weights: tuple[float, ...]

    @property
    def weight(self) -> float:
        return sum(self.weights)


@cache
def generic_nouns(root: Path = DATA) -> frozenset[str]:
    """Nouns of the asking itself (意思, 方面, 程度) and of the level asked (省里, 区里): question_cues.yaml's
    subject_generic and subject_generic_levels."""
    raw = read_yaml(root / "question_cues.yaml")
    return frozenset(str(w) for key in ("subject_generic", "subject_generic_levels") for w in raw.get(key) or ())


def general_nouns(dictionary: Path | None = None) -> frozenset[str]:
    """The nouns of jieba's general dictionary (read once when the index is built, not on a question;
    one regular expression over the file: a third of the time of a loop over its 349,000 lines)."""
    if dictionary is None:
        import jieba

        dictionary = Path(jieba.__file__).parent / "dict.txt"
    low, high = NOUN_LENGTHS
    tags = "|".join(sorted(NOUN_TAGS))
    line = re.compile(rf"^(\S{{{low},{high}}}) (\d+) (?:{tags})$", re.M)
    text = dictionary.read_text(encoding="utf-8")
    return frozenset(m[1] for m in line.finditer(text) if int(m[2]) >= NOUN_MIN_FREQ)


def is_place(unit: str) -> bool:
    named = places_named(unit)
    return bool(named.mentions) or named.national


def unit_terms(unit: str) -> tuple[str, ...]:
    """The index terms a unit stands for: the word, and its character bigrams."""
    return ("w:" + unit, *("b:" + unit[k : k + 2] for k in range(len(unit) - 1)))


def holds_noun(unit: str, nouns: frozenset[str], vocabulary: Iterable[str] = ()) -> bool:
    """The unit is a noun, a domain word (床位使用率), or a run holding a noun (证考试: 考试)."""
    if unit in nouns or unit in vocabulary:
        return True
    low, high = NOUN_LENGTHS
    return any(unit[i : i + n] in nouns for n in range(low, min(high, len(unit)) + 1) for i in range(len(unit) - n + 1))


def subject_of(
    words: Sequence[str],
    nouns: frozenset[str],
    domain: frozenset[str],
    idf: Callable[[str], float],
    question_words: Iterable[str],
) -> Subject:
    """The subject of a question's `words` (Analyzer.analyse): nouns that are not question words and
    not generic (their IDF, through `idf` of a term, below GENERIC_IDF); a unit weighs the IDF of
    the word, or of its rarest bigram when that is lower. `domain`: the knowledge base's own domain
    terms (counted as nouns)."""
    asked = tuple(question_words)
    units: list[str] = []
    run = ""
    for w in [*words, ""]:
        single = len(w) == 1 and is_cjk(w) and w not in STOPWORDS and w not in NUMERALS
        if single and not any(q == w for q in asked):
            run += w
            continue
        if len(run) >= 2:
            units.append(run)
        run = ""
        if len(w) >= 2 and all(is_cjk(c) for c in w) and w not in STOPWORDS and not any(q in w for q in asked):
            units.append(w)
    kept: list[str] = []
    weights: list[float] = []
    for unit in units:
        word, *bigrams = unit_terms(unit)
        weight = min(idf(word), max(idf(t) for t in bigrams))  # 卫生院: not an unknown word, its 卫生 known
        if weight >= GENERIC_IDF and unit not in generic_nouns() and holds_noun(unit, nouns, domain):
            kept.append(unit)
            weights.append(weight)
    return Subject(tuple(kept), tuple(weights))


def unsupported(subject: Subject, support: frozenset[str], unknown_at: float) -> bool:
    """No word of a subject of some weight is in the entry (`support`: its terms), and one of them is
    a word the knowledge base uses elsewhere (weight below `unknown_at`, the IDF of a term no entry
    has): refuse. A subject only of words no entry has (管用, 指派, a slip the pinyin folding missed)
    is more often a colloquial word around an entry's question than a question of its own."""
    if subject.weight < UNSUPPORTED_AT or all(w >= unknown_at - 1e-9 for w in subject.weights):
        return False
    return not any(t in support for unit in subject.units for t in unit_terms(unit))
