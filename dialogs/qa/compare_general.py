"""What a comparison asks of each side, and where it is searched. A comparison of the requirements in
general ("渝中和北京的要求有啥不一样", "两地标准一样吗") asks each side for its conditions overview, not
the topic a bare 要求 happens to match best; what is asked is searched in each region's texts as asked
of every region or by that region's name, whichever is surer."""

from __future__ import annotations

from dialogs.qa.compare_words import GENERAL_ASKED, GENERAL_HEADS, GENERAL_WORDS
from dialogs.qa.own_first import own_first
from knowledge.base import KnowledgeBase
from knowledge.search.model import SearchResult


def general(asked: str) -> str:
    """What is asked of each side; the conditions overview (GENERAL_ASKED) when the comparison is of
    the requirements in general (newcomer N2: 渝中和北京的要求有啥不一样 took a 中医 entry)."""
    rest = asked
    for w in sorted(GENERAL_WORDS, key=len, reverse=True):
        rest = rest.replace(w, "")
    return GENERAL_ASKED if not rest and any(h in asked for h in GENERAL_HEADS) else asked


def search_in(kb: KnowledgeBase, asked: str, region: str) -> SearchResult:
    """What is asked, searched in one region's texts: as asked of every region, or asked in that region
    by its name ("北京验收啥时候搞"), whichever is surer. Without the name a region-less entry may rank
    first and keep the region's own entry below the answer line ("渝中区验收啥时候搞，北京的呢": 北京's
    评估 date was missed for a likely 申报截止)."""
    plain = own_first(asked, kb.index.search(asked, region, fixed=True), region, kb)
    known = kb.regions.by_id(region)
    if known is None or plain.decision == "answer":
        return plain
    named = own_first(asked, kb.index.search(known.short + asked, region, fixed=True), region, kb)
    return named if named.confidence > plain.confidence else plain


def words_known(kb: KnowledgeBase, asked: str, regions: tuple[str, ...]) -> bool:
    """Every word of what is asked is one the knowledge base uses, in some region's search."""
    return any(c[0].every_term_known for c in (kb.index.rank(asked, r) for r in regions) if c)
