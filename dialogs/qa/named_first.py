"""The document a question names before another document's entry on the same subject (m8a's "still
open" list): "17号文有几个附件" asked by a Jilin user got the annexes of the 2020 plan (吉卫基层发〔2020〕5号),
because the search leaves the named text out of its words (doc_number.without_named) and 5号's annex
entry matches "有几个附件" best. When the question names exactly one official text, by its 文号 (bare or
whole) or one of its names, and the best entry rests on another text, the first of the next entries
that rests on the named text and holds the question's subject (附件) is shown first. An entry "rests on"
the text its first citation is from (jilin-2020-list-to-nhc cites 17号 only for what changed later)."""

from __future__ import annotations

from dataclasses import replace

from knowledge.base import KnowledgeBase
from knowledge.documents import DocumentInfo
from knowledge.search.bare_ask import asks_only
from knowledge.search.model import Answer, SearchResult
from knowledge.search.question_subject import unit_terms

NAMED_WITHIN = 8  # the distinct entries looked through for one resting on the named text


def named_first(
    question: str, searched: str, result: SearchResult, region: str | None, kb: KnowledgeBase
) -> SearchResult:
    """`result` with the named text's own entry first (see the module docstring); else unchanged.

    `question` is the question with bare 文号 numbers expanded (doc_number.expand: it names the text),
    `searched` the words the search ranked (the text's name left out), `region` the region searched."""
    if not result.answered or result.per_region or not result.answers:
        return result
    named = _named_texts(question, region, kb)
    if len(named) != 1:
        return result
    doc = named[0]
    # what is asked about (附件), not the words that only ask (一共, 具体: question_cues' bare words)
    units = tuple(u for u in kb.index.subjects.subject(searched).units if not asks_only(u))
    if not units:  # nothing named to ask about (讲了啥): the best entry stands
        return result
    ranked = kb.index.distinct(kb.index.rank(searched, region))[:NAMED_WITHIN]
    top = next((c.index for c in ranked if kb.index.answers[c.index].entry_id == result.answers[0].entry_id), None)
    # the best entry rests on the named text and holds what is asked (or is not among those ranked)
    if _rests_on(result.answers[0], doc) and (top is None or _holds(kb, top, units)):
        return result
    own = next(
        (
            kb.index.answers[c.index]
            for c in ranked
            if _rests_on(kb.index.answers[c.index], doc) and _holds(kb, c.index, units)
        ),
        None,
    )
    if own is None:
        return result
    own = replace(own, score=result.answers[0].score)
    return replace(result, answers=(own, *(a for a in result.answers if a.entry_id != own.entry_id)))


def _holds(kb: KnowledgeBase, entry: int, units: tuple[str, ...]) -> bool:
    """Entry `entry` holds every unit of the question's subject (附件; 目标) as a word or its bigrams."""
    support = kb.index.subjects.support[entry]
    return all(any(t in support for t in unit_terms(u)) for u in units)


def _named_texts(question: str, region: str | None, kb: KnowledgeBase) -> list[DocumentInfo]:
    """The official texts the question names itself (by 文号 or name), never ones read from a year or
    from 方案 alone (doc_number.documents_named does that for standing questions)."""
    by_number = [d for _, d in kb.catalogue.by_bare_number(question, region)]
    by_name = [d for d in kb.catalogue.values() if d.named_in(question)]
    return [d for d in dict.fromkeys([*by_number, *by_name]) if not d.secondary]


def _rests_on(answer: Answer, doc: DocumentInfo) -> bool:
    """The entry's first citation is from `doc` (by 文号, or by name for a text without one)."""
    if not answer.sources:
        return False
    first = answer.sources[0]
    return first.number == doc.number if doc.number else first.document == (doc.short or doc.title)
