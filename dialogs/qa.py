"""The question-and-answer turn: search the knowledge base and answer, suggest, or decline.

An answer is the entry's text followed by where it comes from (document, 文号, section); a fact
from a news report says so. When the region is unknown and the rules differ by region, each
region's answer is shown under its name. Suggestions are global buttons ("g:ask:<entry id>"), so
they still work after another dialog has started. A decline says what the assistant covers and who
can answer instead; it never guesses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dialogs.buttons import global_button
from dialogs.model import CountQuestion, LogUnanswered, Outcome, Reply, UserState
from dialogs.texts import qa as T
from knowledge.regions import region_by_id
from knowledge.search.model import Answer, SearchResult, Source

TELEGRAM_LIMIT = 4096
BUTTON_LABEL_CHARS = 30


def answer(state: UserState, text: str, kb: Any, now: dt.datetime) -> Outcome:
    result: SearchResult = kb.search(text, state.region)
    return Outcome(state, render(result, state.region), effects_for(text, result))


def ask_suggested(state: UserState, entry_id: str, kb: Any, now: dt.datetime) -> Outcome:
    """A "您是不是想问" button: show that entry (it may be gone after a reload)."""
    entry = kb.index.entry(entry_id) if entry_id else None
    if entry is None:
        from dialogs.texts import common

        return Outcome(state, [Reply(common.STALE_BUTTON)])
    return Outcome(state, split_message(format_answer(entry)))


def effects_for(text: str, result: SearchResult) -> list[Any]:
    effects: list[Any] = [CountQuestion(result.region)]
    if result.decision != "answer":
        best = (result.answers or result.suggestions or (None,))[0]
        effects.append(LogUnanswered(text, result.region, best.entry_id if best else None, result.confidence))
    return effects


def render(result: SearchResult, user_region: str | None = None) -> list[Reply]:
    if result.decision == "answer" and result.per_region:
        parts = [T.REGION_DIFFERS]
        for a in result.per_region:
            parts.append(T.REGION_HEADER.format(name=_regions_label(a)) + "\n" + format_answer(a))
        parts.append(T.REGION_DIFFERS_HINT)
        return split_message("\n\n".join(parts))
    if result.decision == "answer" and result.answers:
        text = format_answer(result.answers[0])
        if result.region_named and result.region and result.region != user_region:
            text = T.ANSWER_FOR_REGION.format(name=_region_name(result.region)) + "\n" + text
        return split_message(text)
    if result.decision == "likely" and result.answers:
        return _likely(result)
    if result.decision == "suggest" and result.suggestions:
        buttons = tuple((global_button(_short(a.question), "ask", a.entry_id),) for a in result.suggestions[:3])
        return [Reply(T.DID_YOU_MEAN, buttons)]
    return [Reply(T.DECLINE)]


def _likely(result: SearchResult) -> list[Reply]:
    """The likeliest answer, said to be that, with the other candidates as buttons."""
    best = result.answers[0]
    shown = result.per_region or (best,)
    parts = [T.LIKELY_HEADER.format(question=best.question)]
    if result.per_region:
        parts += [T.REGION_HEADER.format(name=_regions_label(a)) + "\n" + format_answer(a) for a in shown]
    else:
        parts.append(format_answer(best))
    replies = split_message("\n\n".join(parts))
    others = result.answers[1:]
    if others:
        buttons = tuple((global_button(_short(a.question), "ask", a.entry_id),) for a in others)
        replies.append(Reply(T.LIKELY_OTHERS, buttons))
    return replies


def format_answer(a: Answer) -> str:
    lines = [a.answer.strip()]
    for s in _distinct_sources(a.sources):
        number = T.SOURCE_NUMBER.format(number=s.number) if s.number else ""
        template = T.SECONDARY_SOURCE_LINE if s.secondary else T.SOURCE_LINE
        lines.append(template.format(document=s.document, number=number, section=s.section))
    if a.provenance:
        lines.append(T.SECONDARY_NOTE.format(provenance=a.provenance))
    return "\n".join(lines)


def _distinct_sources(sources: tuple[Source, ...]) -> list[Source]:
    """Several quotes from one section make one source line."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for s in sources:
        key = (s.document, s.number, s.section)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _regions_label(a: Answer) -> str:
    return "、".join(_region_name(r) for r in a.regions) or T.NO_REGION


def _region_name(region_id: str) -> str:
    region = region_by_id(region_id)
    return region.name if region else region_id


def _short(question: str, limit: int = BUTTON_LABEL_CHARS) -> str:
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
