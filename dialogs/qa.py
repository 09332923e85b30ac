"""The question-and-answer turn: search the knowledge base and answer, suggest, or decline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dialogs.buttons import global_button
from dialogs.model import CountQuestion, LogUnanswered, Outcome, Reply, UserState
from dialogs.texts import qa as T
from knowledge.regions import region_by_id
from knowledge.search.model import Answer, SearchResult

TELEGRAM_LIMIT = 4096


def answer(state: UserState, text: str, kb: Any, now: dt.datetime) -> Outcome:
    result: SearchResult = kb.search(text, state.region)
    return Outcome(state, render(result), effects_for(text, result))


def ask_suggested(state: UserState, entry_id: str, kb: Any, now: dt.datetime) -> Outcome:
    """A "您是不是想问" button: show that entry (it may be gone after a reload)."""
    entry = kb.index.entry(entry_id) if entry_id else None
    if entry is None:
        from dialogs.texts import common

        return Outcome(state, [Reply(common.STALE_BUTTON)])
    return Outcome(state, [Reply(format_answer(entry))])


def effects_for(text: str, result: SearchResult) -> list[Any]:
    effects: list[Any] = [CountQuestion(result.region)]
    if result.decision != "answer":
        best = (result.answers or result.suggestions or (None,))[0]
        effects.append(LogUnanswered(text, result.region, best.entry_id if best else None, result.confidence))
    return effects


def render(result: SearchResult) -> list[Reply]:
    if result.decision == "answer" and result.per_region:
        parts = [T.REGION_DIFFERS]
        for a in result.per_region:
            region = region_by_id(a.regions[0]) if a.regions else None
            parts.append(T.REGION_HEADER.format(name=region.name if region else "") + "\n" + format_answer(a))
        return split_message("\n\n".join(parts))
    if result.decision == "answer" and result.answers:
        return split_message(format_answer(result.answers[0]))
    if result.decision == "suggest" and result.suggestions:
        buttons = tuple((global_button(_short(a.question), "ask", a.entry_id),) for a in result.suggestions[:3])
        return [Reply(T.DID_YOU_MEAN, buttons)]
    return [Reply(T.DECLINE)]


def format_answer(a: Answer) -> str:
    lines = [a.answer.strip()]
    for s in a.sources:
        number = T.SOURCE_NUMBER.format(number=s.number) if s.number else ""
        lines.append(T.SOURCE_LINE.format(document=s.document, number=number, section=s.section))
    if a.provenance:
        lines.append(T.SECONDARY_NOTE.format(provenance=a.provenance))
    return "\n".join(lines)


def _short(question: str, limit: int = 30) -> str:
    return question if len(question) <= limit else question[: limit - 1] + "…"


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[Reply]:
    """Split at line breaks so that no message exceeds Telegram's limit and no line is cut,
    unless a single line is itself longer than the limit."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return [Reply(c) for c in chunks]
