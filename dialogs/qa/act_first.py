"""Asking to do an act before its condition is met ("还没够基本标准，能先把社区医院牌子挂上不", "渝中11项有10项
达标了，能先挂牌吗") gets 不能 with the texts that make the condition a condition of the act — the
region's own (渝中卫发〔2021〕49号 五（三）: 11项评价指标应当全部达标才能通过验收，验收合格的加挂) and the
national one that applies everywhere (国卫办基层函〔2021〕317号 四: 未达到基本标准的，不得加挂社区医院牌子),
named in knowledge/data/preconditions.yaml. Before, the search answered the words beside the act (职工
满意度) and never said whether the act may come first (sealed set 8, s8b071, s8b047).
Vocabulary: dialogs/qa/act_first_words.py."""

from __future__ import annotations

import datetime as dt
import re

from core.model import Reply
from core.text import fold_chinese
from dialogs.qa.act_first_words import ACTS, ASKS, EITHER_OR, FIRST, MET
from dialogs.qa.entries import with_note
from dialogs.qa.turn import Turn, sources_of
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.preconditions import entries_for

_ACTS = tuple((act, re.compile(FIRST + words)) for act, words in ACTS)


def act_asked_first(text: str) -> str | None:
    """The act (preconditions.yaml's key) the text asks to do first, or None ("先评估还是先挂牌" asks an
    order, not leave to skip a condition)."""
    t = fold_chinese(text)
    if EITHER_OR.search(t) or ASKS.search(t) is None:
        return None
    return next((act for act, pattern in _ACTS if pattern.search(t)), None)


def reply(text: str, region: str | None, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """不能, then each entry stating the act's condition (the region's own, then the national one), with
    their sources and the note on the text governing today; None when the text asks no act first or no
    text conditions it, or says the condition is met (验收合格了，能先挂牌再加注吗)."""
    act = act_asked_first(text)
    if act is None or MET.search(fold_chinese(text)):
        return None
    shown = tuple(a for a in (kb.index.entry(i) for i in entries_for(kb, act, region)) if a is not None)
    if not shown:
        return None
    body = "\n\n".join(with_note(a, kb, today) for a in shown)
    return Turn(
        "search",
        "answer",
        (Reply(T.ACT_FIRST_NO[act] + "\n" + body),),
        region,
        1.0,
        shown=shown,
        sources=sources_of(shown),
    )
