"""Method questions ("床位使用率怎么计算"): the method where a text gives one (entries of
knowledge/data/faq/method.yaml say it, with their citations), else say plainly that the texts give
no method, then what they do say about the term."""

from __future__ import annotations

import datetime as dt

from core.model import Reply
from dialogs.qa.entries import with_note
from dialogs.qa.method_words import METHOD_GIVEN
from dialogs.qa.turn import Turn, sources_of
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.places import without_places
from knowledge.search.intent import asked_about, method_asked
from knowledge.search.model import SearchResult


def reply(text: str, result: SearchResult, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """For a 怎么算 question whose best entry gives no method: say the texts give none, then that
    entry (marked as what they do say). None when it is not such a question or the entry gives one."""
    if method_asked(text) != "method" or not result.answered or not result.answers:
        return None
    best = result.answers[0]
    if METHOD_GIVEN.search(best.answer):  # it says the method, or says itself that none is given
        return None
    term = asked_about(without_places(text), "method")
    if not term:
        return None
    body = T.METHOD_NOT_GIVEN.format(term=term) + "\n" + with_note(best, kb, today)
    return Turn(
        "method",
        result.decision,
        (Reply(body),),
        result.region,
        result.confidence,
        (best,),
        sources_of((best,)),
        best_entry=best.entry_id,
    )
