"""Whether a plan's target was reached ("渝中说2025年底建成4家 现在建完没有", "北京2022年新建10家完成了吗",
"吉林100家的目标实现了没"): the loaded official texts set targets and hold no figure of what was
achieved. An answer that only states the target is led by saying so, and whom to ask; an answer from
the news reports on progress (全国已建成3800多家) is left as it is: it gives what was asked."""

from __future__ import annotations

from dataclasses import replace

from core.model import Reply
from dialogs.qa.entries import format_answer
from dialogs.qa.in_force_words import PROGRESS_ASKED, PROGRESS_REPORTING, TARGET_WORDS
from dialogs.qa.turn import Turn
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.search.model import Answer

PROGRESS_DOCUMENTS = ("progress-reports",)  # documents.yaml ids of the reports of what was achieved
PROGRESS_TOPIC = "progress"  # faq topic of what was achieved (faq/TOPICS.md)


def annotate(text: str, turn: Turn, kb: KnowledgeBase) -> Turn:
    """The turn led by "the texts hold no figure of what was achieved" when the question asks whether
    a target was reached and the answer gives no report of progress; unchanged otherwise."""
    if not turn.answered or not turn.shown or not turn.replies or not PROGRESS_ASKED.search(text):
        return turn
    if PROGRESS_REPORTING.search(text):  # 进展情况每个月几号报: when to report, not whether it was reached (N10)
        return turn
    reports = {kb.catalogue[d].short for d in PROGRESS_DOCUMENTS if d in kb.catalogue}
    if any(s.document in reports for a in turn.shown for s in a.sources):
        return turn
    if not any(w in a.answer for a in turn.shown for w in TARGET_WORDS):  # 床位使用率达到了吗: no target
        return turn
    first = turn.replies[0]
    body = T.PROGRESS_NOT_GIVEN + "\n" + first.text
    # a national target: what the news reported of the whole country's progress, beside it
    if any("national" in a.regions for a in turn.shown):
        body += "".join("\n\n" + T.PROGRESS_REPORTED + "\n" + format_answer(a) for a in _reports(kb, reports))
    replies = (Reply(body, first.buttons, first.document), *turn.replies[1:])
    return replace(turn, kind="in_force", replies=replies)


def _reports(kb: KnowledgeBase, reports: set[str]) -> list[Answer]:
    """The national entries of the progress topic that rest on a report of what was achieved."""
    members = kb.index.topic_members.get(PROGRESS_TOPIC, ())
    found = [kb.index.answers[i] for i in members]
    return [a for a in found if "national" in a.regions and any(s.document in reports for s in a.sources)]
