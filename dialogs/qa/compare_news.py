"""A comparison side whose official text sets no figure while a news report of that region's
standard does (国家: 317号 sets no bed count; the 2019 基本标准 is reported to ask ≥30 beds): the side
shows both, and the same / different lines count the reported figure marked as reported (newcomer
N3: "只有吉林写了30张" while another reply says the national standard is 30 contradicts itself)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import replace

from dialogs import render
from dialogs.qa.compare_words import STANDARD_NAME
from dialogs.qa.entries import with_note
from dialogs.qa.turn import Turn, sources_of
from dialogs.texts import qa as T
from dialogs.texts import qa_docs as D
from knowledge.base import KnowledgeBase
from knowledge.eligibility.model import BASIC_STANDARD_FIELD
from knowledge.places import without_places
from knowledge.search.intent import attributes_asked
from knowledge.search.model import Answer

Facts = Callable[[str], list[str]]

# A report's own facts are figures: the date it was reported (据新华社2019年6月23日) is no rule.
REPORTED_ATTRIBUTES = frozenset({"amount"})
# What a question asks for when it wants a figure (几张, 多少平米, 百分之几): question_cues.yaml attributes.
_COUNT = frozenset({"count", "count:beds", "amount", "area", "ratio"})


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
        for where in (region, *standard_of(kb, region)):
            news = kb.index.same_topic(other.entry_id, where)
            if news is not None and news.entry_id != shown.entry_id and is_reported(news) and facts(news.answer):
                return news
    return None


def standard_of(kb: KnowledgeBase, region: str) -> tuple[str, ...]:
    """("national",) when `region`'s rules require 《社区医院基本标准（试行）》 (北京 一（二）, 渝中 附件1 第2项):
    that standard's reported figures are the region's too, marked as reported (newcomer trial 7, N7:
    "只有吉林省写了：30张" while 渝中 requires the standard reported at ≥30 beds)."""
    rules = kb.rules.get(region)
    if region == "national" or rules is None:
        return ()
    return ("national",) if any(BASIC_STANDARD_FIELD in c.fields for c in rules.criteria) else ()


def with_standard_report(text: str, turn: Turn, kb: KnowledgeBase, today: dt.date, facts: Facts) -> Turn:
    """A region's sure answer that gives no figure where the question asks for one ("北京床位最少几张":
    北京方案没有直接写床位数), for a region whose rules require 《社区医院基本标准（试行）》: the standard's
    reported figure on the same topic is added under it, with the criterion that requires the standard
    and the report's provenance (newcomer trial 7, N7; the national /check shows the same figure)."""
    if turn.decision != "answer" or len(turn.shown) != 1 or not turn.replies or not (_COUNT & attributes_asked(text)):
        return turn
    shown = turn.shown[0]
    region = turn.region or (shown.regions[0] if len(shown.regions) == 1 else None)
    if region is None or not standard_of(kb, region):
        return turn
    # the standard's report the question finds among the national entries (渝中床位使用率要多少: the 75 %),
    # else the one on the shown entry's topic
    found = kb.search(without_places(text), "national").answers[:1]  # 渝中 named would search 渝中 again
    news = next((a for a in found if _of_the_standard(a) and facts(a.answer)), None)
    news = news or reported_beside(kb, region, shown, [shown], facts)
    basis = next(c for c in kb.rules[region].criteria if BASIC_STANDARD_FIELD in c.fields)
    if news is None or not _of_the_standard(news) or basis.source is None or facts(shown.answer):
        return turn
    title = basis.title.split(T.TITLE_LABEL_END, 1)[-1]  # 第2项：资源配置达到… -> 资源配置达到…
    lead = D.STANDARD_ALSO_REPORTED.format(region=render.region_name(kb, region), title=title)
    # The lead ends "转述的是：", so the report follows it directly; the criterion's source only when the
    # answer above does not cite it already (newcomer trial 9, N16: a cut sentence and a repeated 出处 line).
    cited = {(s.document, s.number, s.section) for s in shown.sources}
    own = (basis.source.document, basis.source.number, basis.source.section) in cited
    block = "\n".join([lead, with_note(news, kb, today), *([] if own else [render.source_line(basis.source)])])
    first = turn.replies[0]
    replies = (replace(first, text=first.text + "\n\n" + block), *turn.replies[1:])
    shown_all = (*turn.shown, news)
    return replace(turn, replies=replies, shown=shown_all, sources=sources_of(shown_all))


def _of_the_standard(answer: Answer) -> bool:
    """The entry reports 《社区医院基本标准（试行）》 (not the three-year plan or progress figures)."""
    return any(s.secondary and STANDARD_NAME in s.document for s in answer.sources)
