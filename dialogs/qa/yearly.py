"""Whether a date a question names recurs every year ("吉林8月31日前报申请，是每年都这样吗", "6月30日这个
截止是固定的吗"): each entry ranked near the best that states the date says, by the mark nearest before it
in its clause, whether it is one year's (2020年度为8月31日前) or every year's (每年8月31日前). The answer
says which first, then shows one entry of each kind found — 吉林's 8月31日 was 2020年度's application
deadline and is every year's deadline for finishing construction (sealed set 10, s10a091 got only the
second)."""

from __future__ import annotations

import datetime as dt

from core.model import Reply
from core.text import chinese_int
from dialogs.qa.entries import with_note
from dialogs.qa.in_force_words import CLAUSE_END, EVERY_YEAR_MARK, ONE_YEAR_MARK, YEARLY_ASKED
from dialogs.qa.near_best import near_best
from dialogs.qa.turn import Turn, sources_of
from dialogs.qa.vocabulary import NAMED_DATE
from dialogs.texts import qa_docs as D
from knowledge.base import KnowledgeBase
from knowledge.search.intent import folded
from knowledge.search.model import Answer, SearchResult

YEARLY_WITHIN = 8  # entries ranked near the best looked through for those stating the date
YEARLY_SCORE_WITHIN = 0.6  # how far below the best ranking score such an entry may be


def reply(text: str, result: SearchResult, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """The answer to "is this date every year's": a lead saying so (or that it was one year's, or both), then
    an entry of each kind. None when no such question, no single date named, or no entry states it."""
    if not YEARLY_ASKED.search(folded(text)):
        return None
    named = {(chinese_int(m["m"]), chinese_int(m["d"])) for m in NAMED_DATE.finditer(text)}
    if len(named) != 1:
        return None
    date = named.pop()
    near = (*result.answers, *near_best(kb, text, result.region, YEARLY_WITHIN, YEARLY_SCORE_WITHIN))
    one_off: Answer | None = None
    every: Answer | None = None
    years: list[int] = []
    for a in dict.fromkeys(near):
        kinds = date_kinds(a.answer, date)
        if one_off is None and any(k is not None for k in kinds):
            one_off, years = a, sorted({k for k in kinds if k is not None})
        if every is None and None in kinds and a is not one_off:
            every = a
    shown = tuple(a for a in (one_off, every) if a is not None)
    if not shown:
        return None
    said = D.YEARLY_DATE.format(m=date[0], d=date[1])
    span = D.YEARLY_JOIN.join(D.YEARLY_YEAR.format(year=y) for y in years)
    lead = (
        D.YEARLY_MIXED.format(date=said, years=span)
        if one_off and every
        else D.YEARLY_ONE_OFF.format(date=said, years=span)
        if one_off
        else D.YEARLY_EVERY.format(date=said)
    )
    body = "\n\n".join([lead + "\n" + with_note(shown[0], kb, today), *(with_note(a, kb, today) for a in shown[1:])])
    region = result.region or (shown[0].regions[0] if shown[0].regions else None)
    sources = sources_of(shown)
    return Turn("in_force", "answer", (Reply(body),), region, 1.0, shown, sources, best_entry=shown[0].entry_id)


def date_kinds(answer: str, date: tuple[int, int]) -> list[int | None]:
    """For each place `answer` states `date`: the year it is said to be of (2020 for "2020年度为8月31日前"), or
    None when it is said of every year (每年8月31日前); places with neither mark before them in their clause are
    left out."""
    kinds: list[int | None] = []
    for m in NAMED_DATE.finditer(answer):
        if (chinese_int(m["m"]), chinese_int(m["d"])) != date:
            continue
        before = CLAUSE_END.split(answer[: m.start()])[-1]
        year = list(ONE_YEAR_MARK.finditer(before))
        every = list(EVERY_YEAR_MARK.finditer(before))
        if year and (not every or year[-1].start() > every[-1].start()):
            kinds.append(int(year[-1].group(1)))
        elif every:
            kinds.append(None)
    return kinds
