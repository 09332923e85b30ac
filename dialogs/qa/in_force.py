"""Questions about now ("吉林今年社区医院申报截止是啥时候", "北京那个方案现在还适用吗"): the answer
ends with which text governs the region's procedure today (knowledge/governing.py, rendered by
dialogs/render.py) — Jilin's and Beijing's loaded plans have ended, 渝中 takes applications all year.
When no entry is sure and the question asks whether a text still applies, that line is the answer,
with the related entries as buttons."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from core.model import Reply
from dialogs import render
from dialogs.qa.entries import suggestion_buttons
from dialogs.qa.turn import Turn
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.search.intent import asks_now
from knowledge.search.model import SearchResult


def annotate(text: str, turn: Turn, result: SearchResult, kb: KnowledgeBase, today: dt.date) -> Turn:
    """The turn with the governing text of its region's procedure today added, when the question asks
    about now and the reply does not already say it; unchanged otherwise."""
    asked = asks_now(text)
    region = turn.region or result.region
    line = render.procedure(kb, region, today) if asked and region else ""
    if not line or line in turn.text:
        return turn
    if turn.answered:
        first = turn.replies[0]
        replies = (Reply(first.text + "\n" + line, first.buttons, first.document), *turn.replies[1:])
        return replace(turn, kind="in_force", replies=replies)
    if asked != "in_force":
        return turn
    replies = [Reply(T.IN_FORCE_HEADER + "\n" + line)]
    if result.answers:
        replies.append(Reply(T.IN_FORCE_RELATED, suggestion_buttons(result.answers)))
    return replace(turn, kind="in_force", decision="answer", replies=tuple(replies), suggestions=result.answers)
