"""What a question is about (its subject) and whether an entry says anything of it.

A question out of scope often shares the generic words of an entry (什么时候, 多少, 社区医院, 申报)
and nothing else: 护士资格证考试什么时候报名 matches 吉林's application deadline on 什么时候 + 报名
(= 申报) alone. Its subject — the nouns left once question words, particles and the knowledge base's
generic words are taken out (护士, 资格, 考试) — is nowhere in that entry. Such an answer is refused
(the search declines: what the assistant covers and whom to ask), however high the confidence.

The subject's words are the question's words as the search reads them (normalised, synonyms and
pinyin slips folded: tokens.Analyzer), so a paraphrase or a typo of an entry's words is the entry's
word here too. A word is a noun when jieba's general dictionary tags it as one (n, vn, nz, nt, l,
j: 护士 n, 考试 vn); a run of single characters the small dictionary left apart (证考试) is a noun
when it holds one. Generic words are the knowledge base's own frequent ones (IDF below GENERIC_IDF:
社区医院, 要求, 标准, 机构). An entry supports a subject word when its question, phrasings, answer,
cited documents or cited sentences hold the word or one of its character bigrams.

One unsupported noun alone is refused only where the question's attribute is asked of it and it is
rare in the language (asked_of.py: 执业许可证多久校验一次, 药师注册需要准备哪些材料): SubjectCheck.rare_asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from knowledge.places import places_named
from knowledge.regions import DATA
from knowledge.search.asked_of import clauses, slot
from knowledge.search.focus import acronyms, measure_phrases, service_phrases
from knowledge.search.model import Answer
from knowledge.search.tokens import NUMERALS, STOPWORDS, is_cjk
from knowledge.yaml_read import read_yaml

T = TypeVar("T", bound=Any)  # a ranked candidate: anything with the entry's `.index`

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
    """Nouns of the asking itself (意思, 方面, 程度): question_cues.yaml's subject_generic."""
    raw = read_yaml(root / "question_cues.yaml")
    return frozenset(str(w) for w in raw.get("subject_generic") or ())


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


def _is_place(unit: str) -> bool:
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


class SubjectCheck:
    """Per entry, the terms that support a subject (its own terms and its cited sentences'), and the
    test of a question against the entry chosen for it."""

    def __init__(
        self,
        analyse: Callable[[str], tuple[list[str], list[str]]],
        answers: Sequence[Answer],
        known_terms: Sequence[frozenset[str]],
        words: tuple[frozenset[str], ...],
        idf: Callable[[str], float],
    ) -> None:
        """`known_terms[i]`: entry i's question's, phrasings', answer's and documents' terms
        (SearchIndex.known_terms), to which the sentences it cites are added; `words`: the general
        dictionary's nouns, the domain terms and its common words (asked_of.py); `idf`: a term's
        IDF (the highest for one no entry has)."""
        self.analyse = analyse
        quotes = [[s.quote for s in a.sources if s.quote] for a in answers]
        self.support = [
            terms | frozenset(t for q in qs for t in analyse(q)[1])
            for qs, terms in zip(quotes, known_terms, strict=True)
        ]
        # the general dictionary's nouns, the domain terms, and (asked_of.py) its common words
        self.nouns, self.domain, *common = words
        self.common = common[0] if common else frozenset()
        self.idf = idf
        self.unknown_at = idf("\0")  # the IDF of a term no entry has

    def subject(self, question: str) -> Subject:
        from knowledge.search.intent import cues

        words, _ = self.analyse(question)
        return subject_of(words, self.nouns, self.domain, self.idf, cues().question_words)

    def focus(self, question: str) -> tuple[str, ...]:
        """The subject's units that are the question's focus (focus.py): what a measure is of, a
        rate no entry has (建档率), the service a modal asks about; and its acronyms (CT, ICU).
        The last question's focus is kept: a search asks it twice (judge, then focus_first)."""
        last = getattr(self, "_last_focus", None)
        if last is not None and last[0] == question:
            return last[1]
        units = self._focus(question)
        self._last_focus = (question, units)
        return units

    def _focus(self, question: str) -> tuple[str, ...]:
        from knowledge.search.intent import cues

        words, _ = self.analyse(question)
        owners, rates = measure_phrases(words)
        # 床位、使用率: a list, not what the rate is of (the analyser drops the punctuation between);
        # an owner is one written as such, right before the rate's word
        written = [o for o in owners if re.search(re.escape(o) + r"[\u4e00-\u9fff]", question)]
        # the rate after a written owner is the owner's (处方合格率); after none, only its own focus
        owners = [
            o for k, o in enumerate(owners) if o in written or (k and owners[k - 1] in written and o.endswith("率"))
        ]
        phrases = [*owners, *service_phrases(words)]
        # a rate no entry has is its own focus; 使用率 folded into 床位使用率 is the entries' word
        phrases += [r for r in rates if self.idf("w:" + r) >= self.unknown_at - 1e-9]
        named = [w for w in acronyms(words, question) if self.idf("w:" + w) >= GENERIC_IDF]
        if not phrases and not named:
            return ()
        subject = subject_of(words, self.nouns, self.domain, self.idf, cues().question_words)
        # a unit of a phrase, or a run the phrase cuts into (做剖宫产: 做 + 剖宫产手术)
        units = [u for u in subject.units if any(u[k : k + 2] in p for p in phrases for k in range(len(u) - 1))]
        return tuple(dict.fromkeys([*units, *named]))

    def service_asked(self, question: str) -> tuple[str, ...]:
        """The subject's units naming a service a modal asks about (卫生院能不能做剖宫产手术: 剖宫产,
        手术): what is asked is the service, not whether the institution may apply (a situation)."""
        from knowledge.search.intent import cues

        words, _ = self.analyse(question)
        phrases = service_phrases(words)
        if not phrases or not self.nouns:
            return ()
        subject = subject_of(words, self.nouns, self.domain, self.idf, cues().question_words)
        return tuple(u for u in subject.units if any(u[k : k + 2] in p for p in phrases for k in range(len(u) - 1)))

    def off(self, question: str, entry: int) -> bool:
        """The question's subject has weight and none of it is in entry `entry`: not its answer.
        Without the general dictionary's nouns (an index built without them) nothing is refused."""
        return bool(self.nouns) and unsupported(self.subject(question), self.support[entry], self.unknown_at)

    def off_focus(self, question: str, entry: int) -> bool:
        """A word of the question's focus (focus.py) is not in entry `entry`: the entry shares the
        rest of the question (使用率, 卫生院, 许可证) but answers for another thing."""
        return bool(self.nouns) and self._lacks(self.focus(question), entry)

    def _lacks(self, units: Sequence[str], entry: int) -> bool:
        """A focus unit none of whose terms entry `entry` holds (focus read once per question)."""
        support = self.support[entry]
        return any(not any(t in support for t in unit_terms(u)) for u in units)

    def focus_first(self, question: str, candidates: Sequence[T]) -> list[T]:
        """`candidates` (anything with an entry `.index`), those holding the question's whole focus
        first when the best does not (东中西部比例: the three-year plan's east/central/west entry before
        its 2025 overall share): the suggestion the user most likely wants comes first."""
        items = list(candidates)
        units = self.focus(question) if items and self.nouns else ()
        if not units or not self._lacks(units, items[0].index):
            return items
        return sorted(items, key=lambda c: self._lacks(units, c.index))

    def rare_asked(self, question: str, entry: int) -> str | None:
        """A word the question's attribute is asked of (asked_of.py: 保洁 in 保洁归谁管, 校验 in
        执业许可证多久校验一次) that is rare in the language, not the knowledge base's generic word nor
        a place, and that entry `entry` (its text and cited sentences) never holds: "decline" when no
        entry holds any of its terms, else "suggest"; None when every such word is in the entry.
        Without the common words (an index built without them) nothing is refused."""
        from knowledge.search.intent import cues

        if not self.common or not self.nouns:
            return None
        support = self.support[entry]
        verdict = None
        for clause in clauses(question):
            words, _ = self.analyse(clause)
            for unit, is_run, qualifies in slot(words, cues().question_words):
                eligible = is_run or qualifies or holds_noun(unit, self.nouns, self.domain)
                if not eligible or unit in self.common or unit in generic_nouns() or _is_place(unit):
                    continue
                terms = unit_terms(unit)
                if min(self.idf(terms[0]), max(self.idf(t) for t in terms[1:])) < GENERIC_IDF:
                    continue  # the knowledge base's generic word (申报, 机构), or one of its bigrams
                if any(t in support for t in terms):
                    continue
                if all(self.idf(t) >= self.unknown_at - 1e-9 for t in terms):
                    return "decline"
                verdict = "suggest"
        return verdict

    def judge(self, question: str, entry: int, decision: str) -> str:
        """The search's `decision` on entry `entry` after the subject check: an answer whose subject
        the entry does not hold is declined; one whose focus it does not hold is asked back (the
        suggestions: a near entry of another thing, 床位使用率 for 抗菌药物使用率, or another region's
        entry of the same thing, is the user's to pick, never given as the answer)."""
        if decision not in ("answer", "likely"):
            return decision
        if self.off(question, entry):
            return "decline"
        rare = self.rare_asked(question, entry)
        if rare:
            return rare
        return "suggest" if self.off_focus(question, entry) else decision
