"""The search's result with the entry that answers what is asked put first, where the ranking alone
would not: the figure of the term asked, the staff asked about, the text not held, the papers of a
yes/no question, a count rather than a ratio, the region's own entry, the document named, the step
of the flow asked, what is left besides the excluded (one re-ranker a module, in this order)."""

from __future__ import annotations

from dialogs.qa import besides, figure_term, per_base, staff_asked, text_not_held, yes_no_list
from dialogs.qa.named_first import named_first
from dialogs.qa.own_first import own_first
from dialogs.qa.step_flow import flow_first
from knowledge.base import KnowledgeBase
from knowledge.search.model import SearchResult


def asked_first(query: str, searched: str, asked: str | None, kb: KnowledgeBase) -> SearchResult:
    """The search's result for `searched` (the question without the documents it names), with the
    entry that answers what is asked put first where the ranking alone would not."""
    result = figure_term.figure_of_its_term(searched, kb.search(searched, asked), kb)
    result = staff_asked.of_staff_asked(searched, result, kb)  # 护士起码得几个: never the 3 全科医师
    result = text_not_held.of_text_asked(searched, result, kb)  # 基本标准的每床面积: never 吉林's 3000㎡
    result = yes_no_list.of_yes_no_papers(searched, result, kb, asked)  # 要交材料么: which papers (N11)
    result = per_base.of_count_asked(searched, result, asked)  # 北京要几个全科医生: a count, not 渝中's 每万人 ratio
    result = own_first(searched, result, asked, kb)  # 北京's own 35 %, not the national report's 30/20/10 %
    result = named_first(query, searched, result, asked, kb)  # 17号文的附件: 17号's, not 5号's
    result = flow_first(searched, result, asked, kb)  # 各市报名单给省里: the 市→省 step, not 省→国家
    return besides.besides_first(searched, result, asked, kb)  # 除了床位面积还有什么条件: not the 面积 rule
