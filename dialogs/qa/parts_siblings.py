"""Parts that are siblings: each asks its own thing. "吉林遴选床位 使用率 面积分别卡多少" asks three
figures; the 床位 part alone hesitates between the bed-count entry and the occupancy entry (床位 is in
床位使用率), and the 使用率 part answers with the occupancy entry: that one is its sibling's, so the 床位
part's is the other. "申请表最晚几号报省卫健委？省里评估又是几号前？": the second part's words put the
first part's 6月30日 entry first, though it names 评估 and 省里, which that entry lacks, and its next
entry holds them (the 10月31日 evaluation).

A part is given its own next entry only when (a) its reading is unanswered, or shows only entries
another part shows while naming words those entries lack, (b) among its own two best entries one is
another part's and the other is not, and (c) that other entry holds the part's words and gives what
the part asks. The entry is shown answering its own canonical question, as the likeliest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from dialogs.qa.staff_asked import about_kind_asked, fits, of_staff_asked
from dialogs.qa.turn import AnswerOne, Turn
from knowledge.base import KnowledgeBase
from knowledge.search.model import SearchResult

OWN_BEST = 2  # the part's own best entries looked at


def untangled(
    parts: list[str],
    turns: list[Turn],
    answer_one: AnswerOne,
    kb: KnowledgeBase,
    region: str | None,
    gives_asked: Callable,
    names_more: Callable,
) -> list[Turn]:
    """The turns, each part that took (or missed for) a sibling's entry given its own (see above)."""
    out = list(turns)
    for i, (part, turn) in enumerate(zip(parts, turns, strict=True)):
        others = {a.entry_id for j, t in enumerate(out) if j != i and t.answered for a in t.shown}
        ids = {a.entry_id for a in turn.shown}
        if turn.answered and not (ids and ids <= others and names_more(part, turn.shown, kb)):
            continue
        found = kb.index.search(part, turn.region or region)
        if turn.answered and found.decision == "answer" and found.answers[0].entry_id in ids:
            # its own words answer with that entry outright: it shares the entry, it did not take a
            # sibling's ("…基层卫生健康处这个事找谁，电话多少": both parts are the contact entry's, s10b012)
            continue
        best = found.answers[:OWN_BEST]
        same = _sibling_on_kind(part, of_staff_asked(part, found, kb), out, i, kb)
        if same is not None:  # "床护比多少？护士起码得几个": ① already says there is no nurse count (s7a103)
            out[i] = same
            continue
        mine = [a for a in best if a.entry_id not in others]
        if len(mine) != 1 or len(best) < OWN_BEST:
            continue
        own = mine[0]
        # 护士起码得几个 beside 床护比多少: not the 3 全科医师 entry, however few words it lacks (s7a103)
        if names_more(part, (own,), kb) or not gives_asked(part, (own,)) or not fits(part, own, kb):
            continue
        found = answer_one(own.question)
        if found.answered and [a.entry_id for a in found.shown] == [own.entry_id]:
            decision = "likely" if found.decision == "answer" else found.decision
            out[i] = replace(found, decision=decision, confidence=min(found.confidence, turn.confidence or 1.0))
    return out


def _sibling_on_kind(part: str, found: SearchResult, turns: list[Turn], i: int, kb: KnowledgeBase) -> Turn | None:
    """The other part's turn that shows the entry the part's own search answers with, when the part
    asks of one staff kind and that entry is about it (however unsure the part alone is: the other
    part shows it already): the part is answered as that one was, never said to be unanswered beside it."""
    if not found.answers or not about_kind_asked(part, found.answers[0], kb):
        return None
    wanted = found.answers[0].entry_id
    return next(
        (t for j, t in enumerate(turns) if j != i and t.answered and any(a.entry_id == wanted for a in t.shown)),
        None,
    )
