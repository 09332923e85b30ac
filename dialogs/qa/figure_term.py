"""A figure asked of a term the entries shown never name: "满意度要多少" in Jilin found the 床位使用率≥75%
entry (a ratio is what it asks), and a director reads 75% as the satisfaction required. The search's
result is then offered as suggestions (figure_of_its_term); the knowledge base's terms a question
names (terms_named: search_words.txt) also tell dialogs/qa/parts.py whether a part's reading holds
the term it asks a figure of. Moved out of parts.py (at the 350-line limit) unchanged."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from weakref import WeakKeyDictionary

from knowledge.base import KnowledgeBase
from knowledge.regions import DATA
from knowledge.search.intent import DOMAIN_WORDS, attributes_asked
from knowledge.search.intent import folded as folded_text
from knowledge.search.model import SearchResult
from knowledge.search.vocab_build import read_domain_words

FIGURES = frozenset({"ratio", "count", "area"})  # what a part asks a figure of (attributes_asked)
MIN_TERM_CHARS = 2
SUBJECT_SHARE = 0.5  # a term more entries name than this is what the whole base is about, not a figure's term


def figure_of_its_term(question: str, result: SearchResult, kb: KnowledgeBase) -> SearchResult:
    """The search's result, offered as suggestions instead of answered when the question asks a figure
    of a term the shown entries never name (吉林 "满意度要多少" → the 床位使用率≥75% entry, likely:
    a director reads 75% as the satisfaction required). Unchanged otherwise."""
    if not result.answered:
        return result
    shown = result.per_region or result.answers[:1]
    if not shown or not (attributes_asked(question) & FIGURES):
        return result
    # the entry's own phrasings hold its terms too ("每张床多少平方米" of the per-bed floor-area entry, N8)
    held = "".join(a.answer + a.question + _phrasings(kb, a.entry_id) for a in shown)
    # loosely: most of a term's character pairs in the entry (业务用房面积 is held by 业务用房建筑面积);
    # the subject of the whole base (社区医院) names no figure: 渝中社区医院中药饮片最少备多少种 asks 饮片's
    subject = _subject_terms(kb)
    named = [t for t in terms_named(question) if len(t) > MIN_TERM_CHARS and t not in subject]  # 满意度, not 多少
    if all(_mostly_in(term, held) for term in named):
        return result
    return replace(result, decision="suggest", suggestions=result.suggestions or result.answers[:3])


def _phrasings(kb: KnowledgeBase, entry_id: str) -> str:
    i = kb.index.by_id.get(entry_id)
    return kb.index.head_text[i] if i is not None else ""


_SUBJECT: WeakKeyDictionary[object, frozenset[str]] = WeakKeyDictionary()


def _subject_terms(kb: KnowledgeBase) -> frozenset[str]:
    """The terms more than SUBJECT_SHARE of the entries name (社区医院: 72 %; the next, 26 %)."""
    index = kb.index
    if index not in _SUBJECT:
        texts = [folded_text(a.question + a.answer) for a in index.answers]
        common = {t for t in _terms() if sum(t in x for x in texts) > SUBJECT_SHARE * len(texts)}
        _SUBJECT[index] = frozenset(common)
    return _SUBJECT[index]


def _mostly_in(term: str, text: str) -> bool:
    pairs = [term[i : i + 2] for i in range(len(term) - 1)]
    return sum(p in text for p in pairs) * 2 >= len(pairs)


def terms_named(part: str) -> set[str]:
    """The knowledge base's terms the part names, longest first (患者满意度, not also 满意度)."""
    t = folded_text(part)
    named: set[str] = set()
    for term in _terms():
        if term in t and not any(term in longer for longer in named):
            named.add(term)
    return named


@cache
def _terms() -> tuple[str, ...]:
    words = read_domain_words(DATA / DOMAIN_WORDS)
    return tuple(sorted((folded_text(w) for w in words if len(w) >= MIN_TERM_CHARS), key=len, reverse=True))
