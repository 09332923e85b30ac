"""A part is not said to be unanswered while another part of the same reply shows its answer.

"北京新建社区医院进展汇总表多久报一次？碰上节假日怎么办": ① alone was declined (汇总表 is not a word of the
monthly-progress entry, which names the annex 情况汇总及名单), while ② showed that very entry, with "每月1日前";
the reply said ① was not in the knowledge base and answered it under ② (sealed set 10, s10b011). Before a part
is said to be unanswered, its own best entry is looked for among the entries the other parts show: when
one of them is the entry the part's own words rank first, every word of the part is one the knowledge base
uses, and that entry gives what the part asks, the part is answered as that other part was. A part
naming a word no text uses ("评估完挂牌要搞仪式吗") is still unanswered: no entry says anything of it."""

from __future__ import annotations

from collections.abc import Callable

from dialogs.qa.turn import Turn
from knowledge.base import KnowledgeBase


def rechecked(
    parts: list[str],
    turns: list[Turn],
    kb: KnowledgeBase,
    region: str | None,
    gives_asked: Callable,
    may_lean: Callable,
) -> list[Turn]:
    """`turns`, one per part, each unanswered part whose own best entry another part shows (see above)
    given that part's turn. `gives_asked(part, shown)` and `may_lean(part, kb, region)` are parts.py's."""
    out = list(turns)
    for i, (part, turn) in enumerate(zip(parts, turns, strict=True)):
        if turn.answered:
            continue
        where = turn.region or region
        ranked = kb.index.distinct(kb.index.rank(part, where))
        if not ranked or not ranked[0].every_term_known or not may_lean(part, kb, where):
            continue
        top = kb.index.answers[ranked[0].index]
        holder = next(
            (
                t
                for j, t in enumerate(out)
                if j != i and t.answered and any(a.entry_id == top.entry_id for a in t.shown)
            ),
            None,
        )
        if holder is not None and gives_asked(part, (top,)):
            out[i] = holder
    return out
