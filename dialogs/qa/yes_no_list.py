"""A list asked as yes or no ("要交材料么", "需要准备材料吗", "要不要交资料"): a director who asks whether
papers are due wants to know which. The bare ask is vague to the search (材料 alone names little), so it
offered buttons though its first one was plainly meant (newcomer trial 9, N11: 要交材料么 got
"您是不是想问…", while 申报材料要交哪些 got the answer). The same ask put openly (要交哪些材料) is searched
too, and its answer is taken when it is sure and is the entry the bare ask put first.
Vocabulary: dialogs/qa/yes_no_list_words.py."""

from __future__ import annotations

from dataclasses import replace

from core.text import fold_chinese
from dialogs.qa.yes_no_list_words import OPEN_ASK, YES_NO_PAPERS
from knowledge.base import KnowledgeBase
from knowledge.search.model import SearchResult


def of_yes_no_papers(question: str, result: SearchResult, kb: KnowledgeBase, region: str | None) -> SearchResult:
    """The open ask's sure answer in place of suggestions, for a yes/no ask of papers whose first
    suggestion is that answer's entry; `result` unchanged otherwise."""
    if result.decision != "suggest" or not result.answers:
        return result
    m = YES_NO_PAPERS.match(fold_chinese(question).strip())
    if m is None:
        return result
    opened = kb.search(OPEN_ASK.format(verb=m.group("verb"), noun=m.group("noun")), region)
    if opened.decision != "answer" or opened.answers[0].entry_id != result.answers[0].entry_id:
        return result
    return replace(opened, uncovered=result.uncovered, partial=result.partial)
