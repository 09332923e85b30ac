"""A count asked without a base ("北京要几个全科医生", "吉林全科医生得配几个") is not answered by an entry
about a ratio to a base ("每万名常住人口要配几名全科医生？", which says only 渝中 sets one): the region
named pulled that entry first, since its phrasings name the regions without such a ratio. A region
without its own rule gets the national one or the reported figure (据新华社报道，基本标准要求至少3名全科
医师), never another region's ratio as the answer; a region's own ratio rule stays its answer. The first
entry, when its question names a base (每万, 常住人口: a population) the question does not, gives way to the next
one whose question names none, as the likeliest. Vocabulary: dialogs/qa/staff_words.py RATIO_BASES."""

from __future__ import annotations

from dataclasses import replace

from core.text import fold_chinese
from dialogs.qa.staff_words import RATIO_BASES
from knowledge.search.model import SearchResult


def of_count_asked(question: str, result: SearchResult, region: str | None) -> SearchResult:
    """The result with an entry asking no ratio first when the question names no base (see the module
    docstring); unchanged when the question names one, the first entry's question names none, or the
    first entry is the region's own (渝中's 每万名常住人口2名 is its rule for "渝中要几个全科医生")."""
    if not result.answered or result.per_region or len(result.answers) < 2:
        return result
    if region and region != "national" and region in result.answers[0].regions:
        return result
    if _names_base(fold_chinese(question)) or not _names_base(result.answers[0].question):
        return result
    other = next((a for a in result.answers[1:] if not _names_base(a.question)), None)
    if other is None:
        return result
    rest = tuple(a for a in result.answers if a is not other)
    return replace(result, decision="likely", answers=(other, *rest))


def _names_base(text: str) -> bool:
    return any(w in text for w in RATIO_BASES)
