"""A dated official target asked about now: "317号说“年底前再建成500家左右”，是指今年的目标吗",
"…是哪一年的？现在还是这个目标吗". The official entry gives 2021's target; the target after it is only
known from news reports of a later plan (the three-year plan 2023—2025: 每年新建不少于500家), and the
director asked for the target now. Before, the reply gave 2021's 500家 alone, or said the reports could
be asked separately (sealed set 8, s8a092, s8b090). Now the later plan's reported target is shown under
the official answer, with its provenance.

The official entry is a national one (a region's own target, 北京今年计划新建几家, is no national text's).
A later plan is a news-reported document (documents.yaml kind secondary) whose period starts after the
official text's and ends (a plan runs for its years; a report of progress sets no end). Its entry must
give a count in the same unit as the official target (家). Pure: reads the knowledge base only."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dialogs.qa.compare_news import is_reported
from dialogs.qa.entries import with_note
from dialogs.qa.step_words import TARGET_COUNT
from dialogs.qa.turn import Turn, sources_of
from dialogs.texts import qa_docs as D
from knowledge.base import KnowledgeBase
from knowledge.documents import DocumentInfo
from knowledge.search.intent import asks_now
from knowledge.search.model import Answer

ASKED_NOW = ("now", "in_force")  # 今年/现在 …, 还有效吗/哪年的 … (intent.asks_now)


def with_later_plan(query: str, turn: Turn, kb: KnowledgeBase, today: dt.date) -> Turn:
    """The turn with the later plan's reported target added under its one official entry, when the
    question asks about now and that entry gives a target count a later plan also sets (see above);
    the turn unchanged otherwise."""
    if not turn.answered or not turn.replies or len(turn.shown) != 1 or asks_now(query) not in ASKED_NOW:
        return turn
    official = turn.shown[0]
    # a national text's target: a region's own (北京今年计划新建几家: its 10家) has no national later plan
    if is_reported(official) or "national" not in official.regions or not TARGET_COUNT.search(official.answer):
        return turn
    own = [d for d in _documents(kb, official.entry_id) if not d.secondary]
    if not own:
        return turn
    start = min(d.start for d in own)
    ranked = [kb.index.answers[c.index] for c in kb.index.rank(query, "national")]
    found = next((a for a in ranked if _later_plans(kb, a, start) and TARGET_COUNT.search(a.answer)), None)
    if found is None:
        return turn
    news = found
    lead = D.LATER_PLAN_REPORTED.format(number=own[0].number or own[0].short, year=start.year)
    first = turn.replies[0]
    block = "\n".join([lead, with_note(news, kb, today)])
    shown = (official, news)
    replies = (replace(first, text=first.text + "\n\n" + block), *turn.replies[1:])
    return replace(turn, replies=replies, shown=shown, sources=sources_of(shown))


def _documents(kb: KnowledgeBase, entry_id: str) -> list[DocumentInfo]:
    """The documents an entry cites (its FAQ entry's citations), each once."""
    entry = kb.faq_by_id.get(entry_id)
    ids = dict.fromkeys(c.document for c in entry.citations) if entry is not None else {}
    return [kb.catalogue[i] for i in ids if i in kb.catalogue]


def _later_plans(kb: KnowledgeBase, answer: Answer, after: dt.date) -> list[DocumentInfo]:
    """The news-reported plans the entry cites that start after `after` and end (see above)."""
    if not is_reported(answer) or "national" not in answer.regions:
        return []
    docs = _documents(kb, answer.entry_id)
    return [d for d in docs if d.secondary and d.start > after and all(p.end is not None for p in d.periods)]
