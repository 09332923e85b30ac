"""A question about one kind of staff (护士, 全科医生, 公卫医师) is answered by an entry about that kind:
the search's first entry, when it never names the kind and a later one does, gives way to it; when
none does, the entries are offered, not answered (sealed set 7, s7a103: "护士起码得几个" was answered
with "至少3名全科医师", a director reading it as the nurse minimum)."""

from __future__ import annotations

from dataclasses import replace

from dialogs.qa.staff_words import STAFF_KINDS
from knowledge.base import KnowledgeBase
from knowledge.search.model import Answer, SearchResult


def of_staff_asked(question: str, result: SearchResult, kb: KnowledgeBase) -> SearchResult:
    """The result with an entry naming the staff kind asked shown first (see the module docstring);
    unchanged when the question names no kind or several, or the shown entry names it."""
    if not result.answered or result.per_region or not result.answers:
        return result
    words = _kind_asked(question)
    if not words or _names(result.answers[0], words, kb):
        return result
    other = next((a for a in result.answers[1:] if _names(a, words, kb)), None)
    if other is None:
        return replace(result, decision="suggest", suggestions=result.suggestions or result.answers[:3])
    rest = tuple(a for a in result.answers if a is not other)
    # the confidence was the first entry's: the one about the kind asked is the likeliest, not sure
    return replace(result, decision="likely", answers=(other, *rest))


def fits(question: str, answer: Answer, kb: KnowledgeBase) -> bool:
    """The answer may answer the question as far as staff go: the question names no one staff kind,
    or the answer's entry names it (a part's next entry, dialogs/qa/parts_siblings.py, too)."""
    words = _kind_asked(question)
    return not words or _names(answer, words, kb)


def about_kind_asked(question: str, answer: Answer, kb: KnowledgeBase) -> bool:
    """The question names one staff kind and the answer's entry is about it (护士起码得几个 and the
    nurse-ratio entry, which says the texts give no nurse count)."""
    words = _kind_asked(question)
    return bool(words) and _names(answer, words, kb)


def _kind_asked(question: str) -> tuple[str, ...]:
    """The words of the one staff kind the question names; () when it names none or several."""
    asked = [words for _, words in STAFF_KINDS if any(w in question for w in words)]
    return asked[0] if len(asked) == 1 else ()


def _names(answer: Answer, words: tuple[str, ...], kb: KnowledgeBase) -> bool:
    i = kb.index.by_id.get(answer.entry_id)
    heads = kb.index.head_text[i] if i is not None else ""
    text = answer.answer + answer.question + heads
    return any(w in text for w in words)
