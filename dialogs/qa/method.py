"""Method questions ("床位使用率怎么计算", "开放床位怎么认定"): the method where a text gives one
(entries of knowledge/data/faq/method.yaml say it, with their citations), else say plainly first
that the texts give no method, then what they do say about the term (the rule, with its source).

Two kinds the spent sealed sets showed (brief qameth): a method entry ranked just below the
criterion's own entry (its threshold) answers the method question in its place; and an entry that
says only in a later sentence that no method is given ("…≥75%。方案没有规定按哪一年、怎么计算") is
led by the sentence that says so — its 计算 is in a clause about what is missing, not a method."""

from __future__ import annotations

import datetime as dt

from rapidfuzz import fuzz

from core.model import Reply
from dialogs.qa.entries import with_note
from dialogs.qa.method_words import METHOD_GIVEN, NOT_GIVEN_CLAUSE, SAYS_NOT_GIVEN
from dialogs.qa.turn import Turn, sources_of
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.places import without_places
from knowledge.search.intent import method_asked
from knowledge.search.model import Answer, SearchResult
from knowledge.search.terms import asked_about

SAME_TERM = 80  # rapidfuzz partial_ratio from which a method entry's term is the term asked about
METHOD_WITHIN = 0.2  # how far (ranking score) below the best entry a method entry may be to replace it


def reply(text: str, result: SearchResult, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """For a 怎么算 question: the method entry of the term asked when the search put the term's
    threshold first; said first that the texts give no method when the entry shown gives none.
    None when it is not such a question, nothing was answered, or the best entry answers as it is."""
    asked = method_asked(text)
    if asked is None or not result.answered or not result.answers:
        return None
    term = asked_about(without_places(text), asked)
    best = _method_entry(result.answers, term) or result.answers[0]
    lead = asked == "method" and bool(term) and not gives_method(best.answer) and not opens_not_given(best.answer)
    if best is result.answers[0] and not lead:
        return None
    body = with_note(best, kb, today)
    if lead:
        body = T.METHOD_NOT_GIVEN.format(term=term) + "\n" + body
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


def gives_method(answer: str) -> bool:
    """The answer says how the figure is counted (÷, 计算, 口径 …) outside its clauses about what the
    texts do not give."""
    return bool(METHOD_GIVEN.search(NOT_GIVEN_CLAUSE.sub("", answer)))


def opens_not_given(answer: str) -> bool:
    """The answer's first sentence already says the texts give no method or definition."""
    return bool(SAYS_NOT_GIVEN.search(answer.split("。", 1)[0]))


def _method_entry(answers: tuple[Answer, ...], term: str) -> Answer | None:
    """A method entry (faq/method.yaml) among the best ones, close to the first, about the term
    asked; None when the first is one already or there is none."""
    if not term or answers[0].method:
        return None
    top = answers[0].score
    for a in answers[1:]:
        if a.method and a.score >= top - METHOD_WITHIN and _same_term(a, term):
            return a
    return None


def _same_term(a: Answer, term: str) -> bool:
    head = asked_about(a.question, "method") or asked_about(a.question, "meaning") or a.question
    return fuzz.partial_ratio(head, term) >= SAME_TERM
