"""A comparison side whose official text sets no figure while a news report of that region's
standard does (国家: 317号 sets no bed count; the 2019 基本标准 is reported to ask ≥30 beds): the side
shows both, and the same / different lines count the reported figure marked as reported (newcomer
N3: "只有吉林写了30张" while another reply says the national standard is 30 contradicts itself)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from knowledge.base import KnowledgeBase
from knowledge.search.model import Answer

Facts = Callable[[str], list[str]]

# A report's own facts are figures: the date it was reported (据新华社2019年6月23日) is no rule.
REPORTED_ATTRIBUTES = frozenset({"amount"})


def is_reported(answer: Answer) -> bool:
    """The entry is a news report, not the official text."""
    return bool(answer.provenance) or any(s.secondary for s in answer.sources)


def reported_beside(
    kb: KnowledgeBase, region: str, shown: Answer, others: Iterable[Answer], facts: Facts
) -> Answer | None:
    """The news report of `region` on the topic of another side's entry, when `region`'s shown entry
    is official and gives no figure of what is compared but the report does; None otherwise."""
    if is_reported(shown) or facts(shown.answer):
        return None
    for other in others:
        news = kb.index.same_topic(other.entry_id, region)
        if news is not None and news.entry_id != shown.entry_id and is_reported(news) and facts(news.answer):
            return news
    return None
