"""Small talk: a greeting, thanks, goodbye or "who are you" gets a short friendly reply and what the
assistant can do, never the "I have no answer" of an unknown question. So do a director's
self-introduction ("你好，我是XX卫生院院长") and asking whether the assistant costs anything
("你们收费吗", "要钱吗"). A question after a greeting and an introduction ("你好，我是卫生院院长，想问
床位要多少张") is searched without them (`without_preamble`): they say who asks, not what."""

from __future__ import annotations

import re
from collections.abc import Callable

from core.model import Reply
from core.text import fold_chinese
from dialogs.qa.intro_words import ASK_LEAD, INSTITUTION_INTRODUCED, MAY_APPLY, MIN_LEAD_IN
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import (
    ABOUT_ASSISTANT,
    FEE_WORDS,
    INTRODUCTION,
    TITLE_GREETING,
)
from dialogs.texts import qa as T
from dialogs.words import is_back, is_screen_label, parse_confirmation, parse_unknown
from knowledge.search.intent import smalltalk_kind
from knowledge.search.question_parts import without_joiner

# Replies that end with the full list of what the assistant does; the others with one line.
INTRODUCE = ("greeting", "arrival", "who_are_you", "introduction", "fee")
# Small talk that may lead a question and says nothing of it: "你好，…", "谢谢！另外床位要多少",
# "好的，那使用率呢" (thanks holds 好的 / 收到 / 明白了), "又来麻烦你了，床位要多少". Before, a leading 谢谢
# made the question unknown.
LEADING = ("greeting", "arrival", "thanks")
# Kinds that greet: the message opens a talk (你好 before /start: the welcome and the region prompt).
GREETS = ("greeting", "arrival")
_NOT_WORD = re.compile(r"[^0-9a-z%\u3400-\u9fff]+")
_CLAUSE = re.compile(r"[，,。！!？?；;\s]+")
# Group-chat addressing before the message ("@社区医院助手 …", "@所有人 …", "＠张主任，…"): names whom the
# message is for, never what it asks (newcomer trial 6, N10: with a greeting after it the question was lost).
_ADDRESS = re.compile(r"^(?:\s*[@＠][^\s，,。：:！!？?、；;]+[\s，,：:、；;]*)+")


def reply(text: str, region: str | None) -> Turn | None:
    """The reply when the whole message is small talk (knowledge.search.intent.smalltalk_kind, a
    self-introduction with or without a greeting, or asking about a fee for the assistant), else None."""
    kind = kind_of(text)
    if kind is None:
        return None
    tail = T.CAN_DO if kind in INTRODUCE else T.CAN_DO_SHORT
    return Turn("smalltalk", "answer", (Reply(T.SMALLTALK[kind] + "\n" + tail),), region, 1.0)


def kind_of(text: str) -> str | None:
    """ "greeting", "arrival", "thanks", "bye", "who_are_you", "introduction" or "fee" when the whole
    message is small talk; None when it asks or says anything else."""
    if asks_fee(text):
        return "fee"
    kind = smalltalk_kind(text)
    if kind is not None:
        return kind
    if stray_answer(text):
        return "stray_answer"
    rest = INTRODUCTION.sub("，", text)
    clauses = [c for c in _CLAUSE.split(rest) if c]
    if clauses and all(len(c) > 1 and TITLE_GREETING.fullmatch(c) for c in clauses):  # 院长好！(我是…主任)
        return "introduction" if rest != text else "greeting"
    if rest == text:
        return None
    if not _NOT_WORD.sub("", fold_chinese(rest)) or smalltalk_kind(rest) in ("greeting", "thanks", "who_are_you"):
        return "introduction" if smalltalk_kind(rest) != "who_are_you" else "who_are_you"
    return None


def stray_answer(text: str) -> bool:
    """A bare answer to a screen (是, 否, 不清楚, 跳过, 上一步, a label: 为什么问这个, 沿用 否) typed when no
    screen waits for one — a double send after /check's result (newcomer trial 6, N8): said so in one
    line, never searched as a question."""
    return parse_confirmation(text) is not None or parse_unknown(text) or is_back(text) or is_screen_label(text)


def asks_fee(text: str) -> bool:
    """The message asks whether the assistant costs anything: after a greeting or an introduction, a
    fee word and otherwise only words about the assistant and particles."""
    t = _NOT_WORD.sub("", fold_chinese(without_preamble(text)))
    if not any(w in t for w in FEE_WORDS):
        return False
    for w in sorted((*FEE_WORDS, *ABOUT_ASSISTANT), key=len, reverse=True):
        t = t.replace(w, "")
    return not t


def _kept_if_asked_of(text: str) -> Callable[[re.Match[str]], str]:
    """What an introduction leaves in the question: its institution ("乡镇卫生院") when it names one and
    the question asks whether it may apply; else a comma."""

    def kept(m: re.Match[str]) -> str:
        said = m.group()
        if INSTITUTION_INTRODUCED.search(said) and MAY_APPLY.search(text[m.end() :]):
            return said[said.index(m.group(1)) + len(m.group(1)) :] + "，"
        return "，"

    return kept


def without_address(text: str) -> str:
    """The message without the @mentions that lead it ("@社区医院助手 大家好，…" -> "大家好，…"); the text
    itself when it has none or is nothing else."""
    rest = _ADDRESS.sub("", text)
    return rest if rest.strip() else text


def without_preamble(text: str) -> str:
    """The question without leading greeting or thanks clauses and a self-introduction ("你好，我是XX卫生院
    院长，想问床位要多少张" -> "想问床位要多少张"; "谢谢！另外床位要多少" -> "另外床位要多少"); the text
    itself when it has none of them or nothing else."""
    rest = INTRODUCTION.sub(_kept_if_asked_of(text), text)
    clauses = [c for c in _CLAUSE.split(rest) if c]
    while clauses and (
        smalltalk_kind(clauses[0]) in LEADING or (len(clauses[0]) > 1 and TITLE_GREETING.fullmatch(clauses[0]))
    ):
        clauses.pop(0)
    if not clauses:
        return text
    # a long story before "想问一下…": the question starts there (N16); a short one may hold what is asked of
    opens = [i for i, c in enumerate(clauses) if ASK_LEAD.match(c)]
    if opens and opens[-1] >= MIN_LEAD_IN:
        clauses = clauses[opens[-1] :]
    stripped = "，".join([without_joiner(clauses[0]), *clauses[1:]])
    tail = text.rstrip()[-1:]
    return stripped + (tail if tail in "？?。！!" else "")
