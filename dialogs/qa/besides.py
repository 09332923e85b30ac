"""Questions that ask for what is NOT a named thing (sealed set 9, s9a010: "遴选除了床位面积这些硬指标，
还有什么条件" got the floor-area rule — the very thing excluded — because the excluded words are the
ones that match best). The whole question still says where to look (遴选: the selection's entries); the
question without its "除了X" clause says what is asked, so among the entries ranked near the best for
the whole question, the one ranked first for the rest is shown first (the selection conditions as a
whole, the other materials, the other text), not X again."""

from __future__ import annotations

from dataclasses import replace

from dialogs.qa.besides_words import ELSE_ASKED, EXCLUDED
from dialogs.qa.near_best import near_best
from knowledge.base import KnowledgeBase
from knowledge.search.model import SearchResult

MIN_REST = 4  # characters left besides the excluded clause: "还有啥" alone says too little to search
POOL = 6  # the entries ranked near the best for the whole question, where the rest's first is looked for
POOL_WITHIN = 0.5  # how far below the whole question's best ranking score


def excluded(text: str) -> str | None:
    """What the question excludes ("床位面积这些硬指标"), when it asks what else there is; else None."""
    m = EXCLUDED.search(text)
    if m is None or not ELSE_ASKED.search(text[m.end() :]):
        return None
    return m.group("x").strip()


def without_excluded(text: str) -> str:
    """The question with its "除了X" clause left out ("吉林社区医院遴选还有什么条件？"), when it asks what
    else there is besides X and enough is left to read; `text` unchanged otherwise."""
    m = EXCLUDED.search(text)
    if m is None or excluded(text) is None:
        return text
    rest = text[: m.start()] + text[m.end() :]
    return rest if len(rest.strip("，,。？?！! ")) >= MIN_REST else text


def besides_first(question: str, result: SearchResult, region: str | None, kb: KnowledgeBase) -> SearchResult:
    """`result` (the search of the whole `question`) with the entry that answers what else is asked first
    (see the module docstring); unchanged when the question excludes nothing or that entry is first."""
    rest = without_excluded(question)
    if rest == question or not result.answered or result.per_region or not result.answers:
        return result
    pool = near_best(kb, question, region, POOL, POOL_WITHIN)
    ids = {a.entry_id for a in pool}
    first = next((a for a in near_best(kb, rest, region, POOL, POOL_WITHIN) if a.entry_id in ids), None)
    if first is None or first.entry_id == result.answers[0].entry_id:
        return result
    first = replace(first, score=result.answers[0].score)
    return replace(result, answers=(first, *(a for a in result.answers if a.entry_id != first.entry_id)))
