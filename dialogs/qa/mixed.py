"""A situation with other questions beside it ("床位40张，使用率80%，能申请吗？要交什么材料？什么时候截止？"
or the question first: "要交什么材料？床位40张…能申请吗"): the parts that state the institution's figures,
or ask whether it qualifies (能申请吗, 还差多少), get one verdict (for each region named, when two are);
every other part its own answer, numbered as in any multi-part question. Before, the verdict answered
the whole text and the other parts were silently dropped.

One other part is answered as a question of its own (the verdict gives it no context to lean on:
"什么时候截止" after a 渝中 situation is 渝中's 常态化受理, not "no answer"), several through the
multi-part reading; both composed by dialogs/qa/parts.py (`alone` for the one: each part read by
itself, an unanswered one with its own reply), no longer by a near-copy of it here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from core.model import Reply
from dialogs.qa import parts
from dialogs.qa.turn import AnswerOne, Turn
from dialogs.qa.verdict_asks_words import ABOUT_VERDICT, ASKS_IF
from knowledge.base import KnowledgeBase


def reply(
    pieces: list[str],
    answer_one: AnswerOne,
    states_numbers: Callable[[str], bool],
    kb: KnowledgeBase,
    today: dt.date,
    region: str | None,
    judge: AnswerOne | None = None,
) -> Turn | None:
    """The verdict on the situational parts as the first part, then the other parts; None when the
    question has no other part, or its situational parts give no verdict (then the whole text is
    one question, as before). `answer_one` answers one question; `judge` gives the verdict on the
    situational parts (default `answer_one`); `states_numbers` says whether a text states a figure
    of the institution."""
    situational = [p for p in pieces if states_numbers(p) or _asks_if_qualifies(p)]
    others = [p for p in pieces if p not in situational]
    if not situational or not others:
        return None
    said = "，".join(situational)
    verdict = (judge or answer_one)(said)
    if verdict.kind != "situation":
        return None

    def one(text: str) -> Turn:
        # parts.reply also reads a later part after the first; the first here is the situation, whose
        # verdict must not stand in for a later part's answer ("要交什么材料" is not answered by it)
        if text == said:
            return verdict
        return answer_one(text.removeprefix(said + "，"))

    # one other part is read alone (see the module docstring); several lean on one another
    several = parts.reply([said, *others], one, kb, today, region, alone=len(others) == 1)
    if several is None:
        return None
    first, *rest = several.replies
    with_check = Reply(first.text, (*verdict.replies[0].buttons, *first.buttons))
    sources = tuple(dict.fromkeys((*verdict.sources, *several.sources)))
    return replace(several, replies=(with_check, *rest), sources=sources)


def _asks_if_qualifies(piece: str) -> bool:
    return any(w in piece for w in (*ASKS_IF, *ABOUT_VERDICT))
