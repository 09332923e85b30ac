"""A situation with other questions beside it ("床位40张，使用率80%，能申请吗？要交什么材料？什么时候截止？"
or the question first: "要交什么材料？床位40张…能申请吗"): the parts that state the institution's figures,
or ask whether it qualifies (能申请吗, 还差多少), get one verdict (for each region named, when two are);
every other part its own answer, numbered as in any multi-part question. Before, the verdict answered
the whole text and the other parts were silently dropped.

One other part is answered as a question of its own (the verdict gives it no context to lean on:
"什么时候截止" after a 渝中 situation is 渝中's 常态化受理, not "no answer"); several go through the
multi-part reading (dialogs/qa/parts.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from core.model import Reply
from dialogs.qa import parts
from dialogs.qa.turn import Section, Turn
from dialogs.qa.vocabulary import ABOUT_VERDICT, ASKS_IF
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase

AnswerOne = Callable[[str], Turn]


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
    if len(others) == 1:
        return _with_one(said, verdict, others[0], answer_one(others[0]))

    def one(text: str) -> Turn:
        # parts.reply also reads a later part after the first; the first here is the situation, whose
        # verdict must not stand in for a later part's answer ("要交什么材料" is not answered by it)
        if text == said:
            return verdict
        return answer_one(text.removeprefix(said + "，"))

    several = parts.reply([said, *others], one, kb, today, region)
    if several is None:
        return None
    first, *rest = several.replies
    with_check = Reply(first.text, (*verdict.replies[0].buttons, *first.buttons))
    sources = tuple(dict.fromkeys((*verdict.sources, *several.sources)))
    return replace(several, replies=(with_check, *rest), sources=sources)


def _with_one(said: str, verdict: Turn, asked: str, other: Turn) -> Turn:
    """The verdict as ①, the other question's own reply as ② (its buttons after the text)."""
    first_text = verdict.replies[0].text
    body = other.replies[0].text if other.replies else T.PART_UNANSWERED
    lines = [
        T.PARTS_HEADER.format(n=2),
        T.PART_HEADER.format(marks=T.PART_MARKS[0], part=said) + "\n" + first_text,
        T.PART_HEADER.format(marks=T.PART_MARKS[1], part=asked) + "\n" + body,
    ]
    replies = [Reply("\n\n".join(lines), verdict.replies[0].buttons)]
    if other.replies and other.replies[0].buttons:
        replies.append(Reply(T.PART_OFFERED, other.replies[0].buttons))
    replies += list(other.replies[1:])
    sections = (
        Section(said, "answered", first_text),
        Section(asked, "answered" if other.answered else "unanswered", body),
    )
    return Turn(
        "multipart",
        "answer" if other.decision == "answer" else "likely",
        tuple(replies),
        verdict.region or other.region,
        other.confidence if other.answered else verdict.confidence,
        other.shown if other.answered else (),
        tuple(dict.fromkeys((*verdict.sources, *(other.sources if other.answered else ())))),
        other.suggestions,
        other.best_entry,
        sections,
    )


def _asks_if_qualifies(piece: str) -> bool:
    return any(w in piece for w in (*ASKS_IF, *ABOUT_VERDICT))
