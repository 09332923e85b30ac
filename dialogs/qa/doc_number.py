"""Documents named by the bare number of their 文号 ("17号文件", "5号文") and whether a named document
is still in force (newcomer trial 3, F21).

A bare number matches a whole 文号 number (17 is 吉卫联发〔2024〕17号, never the tail of 〔2021〕317号),
the user's region's document first: the question is searched with the full 文号 in its place. "还有效吗"
about one named document is answered with its period (knowledge/data/documents.yaml), whether it is in
force today, and — from the region's governing line — what governs now and whom to ask about later
texts."""

from __future__ import annotations

import datetime as dt

from core.model import Reply
from dialogs import render
from dialogs.qa.turn import Turn
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.documents import DocumentInfo
from knowledge.search.intent import asks_now


def expand(text: str, region: str | None, kb: KnowledgeBase) -> str:
    """The text with each bare 文号 number replaced by the document's full 文号 ("17号文件还有效吗" ->
    "吉卫联发〔2024〕17号文件还有效吗" for a Jilin user); unchanged when no loaded document has it."""
    for words, doc in kb.catalogue.by_bare_number(text, region):
        if _collides(words, doc, kb):  # only where the search could take another 文号's tail (17 in 317)
            text = text.replace(words, doc.number, 1)
    return text


def _collides(words: str, doc: DocumentInfo, kb: KnowledgeBase) -> bool:
    """Another document's 文号 ends with these digits without being this number (17号 in 〔2021〕317号)."""
    return any(d.number.endswith(words) and d.id != doc.id for d in kb.catalogue.values() if d.number)


def reply(text: str, region: str | None, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """ "…还有效吗 / 还执行吗" about one named official document: its period and standing on `today`;
    None for any other question, or when the text names no document or several."""
    if asks_now(text) != "in_force":
        return None
    by_number = [d for _, d in kb.catalogue.by_bare_number(text, region)]
    named = list(dict.fromkeys([*by_number, *(d for d in kb.catalogue.values() if d.named_in(text))]))
    named = [d for d in named if not d.secondary]
    if len(named) != 1:
        return None
    doc = named[0]
    lines = [_period_line(doc, today)]
    note = doc.periods[-1].note
    if note:
        lines.append(note)
    governing = render.procedure(kb, doc.region, today)
    lines.append(governing or T.DOC_ASK_LATER)
    sources = tuple(kb.catalogue.source_for(p.citation) for p in doc.periods if p.citation)
    lines.extend(render.source_line(s) for s in render.distinct_sources(sources))
    return Turn("in_force", "answer", (Reply("\n".join(lines)),), doc.region, 1.0, (), sources)


def _period_line(doc: DocumentInfo, today: dt.date) -> str:
    start = render.date(doc.start, weekday=False)
    if doc.end is None:
        span = T.DOC_SPAN_OPEN.format(start=start)
        standing = T.DOC_OPEN
    else:
        span = T.DOC_SPAN.format(start=start, end=render.date(doc.end, weekday=False))
        standing = T.DOC_PAST if today > doc.end else T.DOC_IN_FORCE
    inferred = T.DOC_INFERRED if doc.inferred else ""
    day = render.date(today, weekday=False)
    return T.DOC_PERIOD.format(number=doc.number or doc.short, short=doc.short, span=span + inferred) + standing.format(
        today=day
    )
