"""A figure asked of a year the texts do not cover ("北京2023年要新建多少家": the plan sets 2022's 10家 only;
"吉林2026年要建成多少家": the plan runs to 2025). The answer found gives another year's figure; said first that
the texts give none for the year asked, or the figure reads as that year's (sealed set 10, in-force kind).
A year inside a span the answer states (2023-2025年建2家) or after a start it gives (2022年及以后) is covered."""

from __future__ import annotations

from dataclasses import replace

from dialogs.qa.in_force_words import (
    FIGURE_ASKED,
    TEXT_ISSUED_IN,
    TEXT_OF_YEAR,
    TEXT_SAID_OF_YEAR,
    YEAR_ASKED_OF,
    YEAR_ONWARDS,
    YEAR_SPAN,
)
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import ASKS_WHEN, YEAR_NAMED
from dialogs.texts import qa_docs as D

OWN_LINES = ("📜", "📄", "📰", "⚠️")  # lines of notes and sources under an answer: not what it says of years


def annotate(text: str, turn: Turn) -> Turn:
    """The turn led by "no figure for {year}" when the question asks a figure of one year the answer neither
    names nor covers; unchanged otherwise."""
    if not turn.answered or not turn.replies or ASKS_WHEN.search(text) or not FIGURE_ASKED.search(text):
        return turn
    rest = TEXT_SAID_OF_YEAR.sub("", TEXT_ISSUED_IN.sub("", TEXT_OF_YEAR.sub("", text)))
    asked = {int(y) for y in YEAR_ASKED_OF.findall(rest)}
    if len(asked) != 1:
        return turn
    year = asked.pop()
    first = turn.replies[0]
    said = "\n".join(x for x in first.text.split("\n") if not x.startswith(OWN_LINES))
    named = sorted({int(y) for y in YEAR_NAMED.findall(said)})
    if not named or covers(said, year):
        return turn
    years = D.YEAR_LIST_JOIN.join(D.YEAR_ONE.format(year=y) for y in named)
    lead = D.YEAR_NOT_COVERED.format(year=year, years=years)
    return replace(turn, replies=(replace(first, text=lead + "\n" + first.text), *turn.replies[1:]))


def covers(answer: str, year: int) -> bool:
    """The answer names the year, a span holding it, or a start before it that runs on (2022年及以后)."""
    if year in {int(y) for y in YEAR_NAMED.findall(answer)}:
        return True
    if any(int(a) <= year <= int(b) for a, b in YEAR_SPAN.findall(answer)):
        return True
    return any(int(a) <= year for a in YEAR_ONWARDS.findall(answer))
