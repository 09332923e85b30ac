"""A question on a term of a text the knowledge base does not hold (《社区医院基本标准（试行）》, 国卫办医函
〔2019〕518号: "社区医院基本标准对每床建筑面积是怎么规定的") is answered by an entry about that text — what
the reports of it say, or that the stored texts do not give it and the standard's own text must be
checked — never by a region's own figure on the subject (吉林's 业务用房总面积≥3000㎡ is not a per-bed
area of the basic standard: sealed set 8, s8a038). The search's first entry, when it never names the
text and a later one does, gives way to it, as the likeliest (offered first, when the entries are only
offered); when none does, the entries are offered, not answered.
The texts not held are the catalogue's: those a report note is about (documents.yaml, kind secondary;
dialogs.qa.cited_standing.cited_words names them)."""

from __future__ import annotations

from dataclasses import replace

from core.text import fold_chinese
from dialogs.qa.cited_standing import cited_words
from dialogs.qa.entry_words import LACKS_RULE
from knowledge.base import KnowledgeBase
from knowledge.search.model import Answer, SearchResult
from knowledge.search.tokens import is_cjk

NAME_CHARS = 3  # characters of the part a not-given entry must repeat (床护比, 每床建筑…)


def of_text_asked(question: str, result: SearchResult, kb: KnowledgeBase) -> SearchResult:
    """The result with an entry naming the not-held text the question names shown first (see the module
    docstring); unchanged when the question names none, or the shown entry names it."""
    if result.decision == "decline" or result.per_region or not result.answers:
        return result
    words = named_text(question, kb)
    if not words or _names(result.answers[0], words):
        return result
    other = next((a for a in result.answers[1:] if _names(a, words)), None)
    if not result.answered:  # offered only: the entry about the text named is offered first
        if other is None or other not in result.suggestions:
            return result
        return replace(result, suggestions=(other, *(a for a in result.suggestions if a is not other)))
    if other is None:
        return replace(result, decision="suggest", suggestions=result.suggestions or result.answers[:3])
    rest = tuple(a for a in result.answers if a is not other)
    return replace(result, decision="likely", answers=(other, *rest))


def named_text(question: str, kb: KnowledgeBase) -> tuple[str, ...]:
    """The names of the not-held text the question names; () when it names none."""
    t = fold_chinese(question)
    held = (cited_words(d) for d in kb.catalogue.values() if d.secondary)
    return next((words for words in held if any(w in t for w in words)), ())


def _names(answer: Answer, words: tuple[str, ...]) -> bool:
    text = answer.answer + answer.question + "".join(s.quote + s.document for s in answer.sources)
    return any(w in text for w in words) or any(s.secondary for s in answer.sources)


def says_not_given(part: str, shown: tuple[Answer, ...]) -> bool:
    """Every entry shown says, in its first sentence, that the stored texts do not give what the part
    names (收录的文件里没有床护比…的规定 for "床护比是怎么规定的"): that is the part's answer, though it holds no
    figure — a multi-part question must not call the part unanswered (sealed set 8, s8a038). The part's
    name is found as a run of at least NAME_CHARS of its characters in that sentence."""
    if not shown:
        return False
    t = fold_chinese(part)
    for a in shown:
        first = a.answer.strip().split("。")[0]
        if not first.startswith(LACKS_RULE):
            return False
        runs = (t[i : i + NAME_CHARS] for i in range(len(t) - NAME_CHARS + 1))
        if not any(run in first for run in runs if _cjk(run)):
            return False
    return True


def _cjk(text: str) -> bool:
    return all(is_cjk(c) for c in text)
