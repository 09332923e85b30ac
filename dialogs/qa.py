"""The question-and-answer turn: search the knowledge base and answer, suggest, or decline.

An answer is the entry's text followed by where it comes from (document, 文号, section); a fact
from a news report says so. When the region is unknown and the rules differ by region, each
region's answer is shown under its name. Suggestions are global buttons ("g:ask:<entry id>"), so
they still work after another dialog has started. A decline says what the assistant covers and who
can answer instead; it never guesses. Long texts are one Reply: the Telegram layer splits them.
"""

from __future__ import annotations

import datetime as dt

from core.effects import CountQuestion, Effect, LogUnanswered
from core.model import Outcome, Reply, UserState
from core.text import clip
from dialogs import render
from dialogs.buttons import global_button
from dialogs.texts import common
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.search.model import Answer, SearchResult

BUTTON_LABEL_CHARS = 30
MAX_SUGGESTIONS = 3


def answer(state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """Answer a typed question for the user's region (or each region, when none is chosen)."""
    result: SearchResult = kb.search(text, state.region)
    return Outcome(state, render_result(result, kb, state.region), effects_for(text, result))


def ask_suggested(state: UserState, entry_id: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """A "您是不是想问" button: show that entry (it may be gone after a reload)."""
    entry = kb.index.entry(entry_id) if entry_id else None
    if entry is None:
        return Outcome(state, [Reply(common.STALE_BUTTON)])
    return Outcome(state, [Reply(format_answer(entry))])


def effects_for(text: str, result: SearchResult) -> list[Effect]:
    """Count the question; log it (without the asker) when it was not answered confidently."""
    effects: list[Effect] = [CountQuestion(result.region)]
    if result.decision != "answer":
        best = (result.answers or result.suggestions or (None,))[0]
        effects.append(LogUnanswered(text, result.region, best.entry_id if best else None, result.confidence))
    return effects


def render_result(result: SearchResult, kb: KnowledgeBase, user_region: str | None = None) -> list[Reply]:
    """The replies for a search result: an answer (per region when they differ), suggestions as
    buttons, or an honest decline."""
    if result.decision == "answer" and result.per_region:
        parts = [T.REGION_DIFFERS]
        for a in result.per_region:
            parts.append(T.REGION_HEADER.format(name=_regions_label(kb, a)) + "\n" + format_answer(a))
        parts.append(T.REGION_DIFFERS_HINT)
        return [Reply("\n\n".join(parts))]
    if result.decision == "answer" and result.answers:
        text = format_answer(result.answers[0])
        if result.region_named and result.region and result.region != user_region:
            text = T.ANSWER_FOR_REGION.format(name=render.region_name(kb, result.region)) + "\n" + text
        return [Reply(text)]
    if result.decision == "likely" and result.answers:
        return _likely(result, kb)
    if result.decision == "suggest" and result.suggestions:
        buttons = tuple(
            (global_button(clip(a.question, BUTTON_LABEL_CHARS), "ask", a.entry_id),)
            for a in result.suggestions[:MAX_SUGGESTIONS]
        )
        return [Reply(T.DID_YOU_MEAN, buttons)]
    return [Reply(T.DECLINE)]


def _likely(result: SearchResult, kb: KnowledgeBase) -> list[Reply]:
    """The likeliest answer, said to be that, with the other candidates as buttons."""
    best = result.answers[0]
    shown = result.per_region or (best,)
    parts = [T.LIKELY_HEADER.format(question=best.question)]
    if result.per_region:
        parts += [T.REGION_HEADER.format(name=_regions_label(kb, a)) + "\n" + format_answer(a) for a in shown]
    else:
        parts.append(format_answer(best))
    replies = [Reply("\n\n".join(parts))]
    others = result.answers[1:]
    if others:
        buttons = tuple((global_button(clip(a.question, BUTTON_LABEL_CHARS), "ask", a.entry_id),) for a in others)
        replies.append(Reply(T.LIKELY_OTHERS, buttons))
    return replies


def format_answer(a: Answer) -> str:
    """The entry's answer, then one source line per cited section, then a news report's provenance."""
    lines = [a.answer.strip()]
    lines += [render.source_line(s) for s in render.distinct_sources(a.sources)]
    if a.provenance:
        lines.append(T.SECONDARY_NOTE.format(provenance=a.provenance))
    return "\n".join(lines)


def _regions_label(kb: KnowledgeBase, a: Answer) -> str:
    return T.REGION_SEPARATOR.join(render.region_name(kb, r) for r in a.regions) or T.NO_REGION
