"""A question typed on a waiting screen (a menu, a prompt, a confirmation, a /check question) is
answered, and the screen comes back — one mechanism for every screen (newcomer trial 3, N5).

A screen reads what it can (its buttons' words, a date, a number, 是/否); what it cannot read it
returns flagged `unread`, with its own "please …" reply. The router then hands the text here. It is
taken as a question when it is small talk (你好 at the region prompt), when the knowledge base
answers it and it has no figure in it (回头看比例, typed at the add-reminder prompt; "-5" at a number
question is a wrong answer, not a question about 5号文), or when it is asked as a question in words
(几项, 多少, 吗 …; a topic named, 截止时间, only when something answers it); then the answer is shown
— a decline in one line, not the whole boilerplate in the middle of a screen (N21) — and the screen
asked again. Anything else keeps the screen's own reply.
The answer is given on the state from before the screen looked at the text."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from core.model import Outcome, Reply, UserState
from core.text import fold
from dialogs import qa
from dialogs.pending_words import about_question
from dialogs.qa.smalltalk import stray_answer
from dialogs.qa.turn import Turn
from dialogs.questionnaire.flow import NAME, current_flow
from dialogs.questionnaire.prompts import why
from dialogs.texts import common as C
from dialogs.texts import qa as QT
from dialogs.words import asks, looks_like_question
from knowledge.base import KnowledgeBase

Pending = Callable[[Outcome, KnowledgeBase, dt.datetime], Outcome]
MIN_QUESTION_CHARS = 2  # "嗯？" at a yes/no screen is not a question to search


def on_screen(
    before: UserState, text: str, unread: Outcome, kb: KnowledgeBase, now: dt.datetime, pending: Pending
) -> Outcome:
    """The answer to `text` and the screen again, or the screen's own reply (`unread`)."""
    turn = qa.respond(before, text, kb, now)
    if not is_question(text, turn):
        return Outcome(unread.state, unread.replies, unread.effects)
    replies = _basis_of_question(before, text, turn, kb) or list(_short_decline(turn).replies)
    answered = Outcome(before, replies, qa.effects_for(text, turn, before.region))
    return pending(answered, kb, now)


def _basis_of_question(before: UserState, turn_text: str, turn: Turn, kb: KnowledgeBase) -> list[Reply] | None:
    """At a /check question, a question no entry answers (跟区人民医院签了协议算不算, typed at the 双向转诊
    question) gets the question's own basis — its criteria, sources and what the texts say of it — and
    any suggestions after it, rather than a flat decline (newcomer trial 5, N14). None elsewhere, and for
    a question about something else (dialogs/pending_words.py)."""
    if turn.decision not in ("decline", "suggest") or before.dialog != NAME or not before.step:
        return None
    flow = current_flow(before, kb)
    if flow is None or before.step not in flow.specs or not about_question(turn_text, flow.spec(before.step)):
        return None  # 要交材料么 at the 公卫人员 question: answered as a question of its own (trial 6, N6)
    basis = why(flow, flow.spec(before.step))
    suggestions = [r for r in turn.replies if r.buttons] if turn.decision == "suggest" else []
    return [Reply(C.NOT_SAID_AT_QUESTION + "\n" + basis.text), *suggestions]


def is_question(text: str, turn: Turn) -> bool:
    """Whether a text a screen could not read is a question (see the module docstring)."""
    if turn.kind == "smalltalk":  # but a bare 是/不清楚 a screen could not read is its own problem
        return not stray_answer(text)
    if turn.kind == "figure":  # 七成 at a /check choice: the screen says what it wants, never "type /check" (N7)
        return False
    if turn.answered and not re.search(r"\d", fold(text)):
        return True
    letters = sum(1 for c in text if unicodedata.category(c)[0] in "LN")
    if letters < MIN_QUESTION_CHARS:
        return False
    # Naming a topic (截止时间) is a question when something answers it; with nothing sure to show (a
    # decline, or only suggestions: 交材料 at the add-reminder prompt is a reminder without its date),
    # only a text asked as a question (…吗, 多少, 是不是) is answered rather than the screen's reply.
    return asks(text) if turn.decision in ("decline", "suggest") else looks_like_question(text)


def _short_decline(turn: Turn) -> Turn:
    if turn.decision != "decline" or not turn.replies or not turn.replies[0].text.startswith(QT.DECLINE):
        return turn
    first = turn.replies[0]
    short = Reply(C.DECLINE_ON_SCREEN + first.text.removeprefix(QT.DECLINE), first.buttons)
    return replace(turn, replies=(short, *turn.replies[1:]))
