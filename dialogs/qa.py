"""The question-and-answer turn: search the knowledge base and answer, suggest, or decline.

An answer is the entry's text followed by where it comes from (document, 文号, section); a fact
from a news report says so. When the region is unknown and the rules differ by region, each
region's answer is shown under its name. When what an answer cites on a point of a region's
procedure is not the text governing that point today (a later text changed it, or no loaded text
covers today), the answer ends with which text governs (`governing_note`). Suggestions are global
buttons ("g:ask:<entry id>"), so they still work after another dialog has started. A decline says
what the assistant covers and who can answer instead; it never guesses. Long texts are one Reply:
the Telegram layer splits them.
"""

from __future__ import annotations

import datetime as dt

from core.clock import local_today
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
    replies = render_result(result, kb, state.region, local_today(now))
    return Outcome(state, replies, effects_for(text, result))


def ask_suggested(state: UserState, entry_id: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """A "您是不是想问" button: show that entry (it may be gone after a reload)."""
    entry = kb.index.entry(entry_id) if entry_id else None
    if entry is None:
        return Outcome(state, [Reply(common.STALE_BUTTON)])
    return Outcome(state, [Reply(_with_note(entry, kb, local_today(now)))])


def effects_for(text: str, result: SearchResult) -> list[Effect]:
    """Count the question; log it (without the asker) when it was not answered confidently."""
    effects: list[Effect] = [CountQuestion(result.region)]
    if result.decision != "answer":
        best = (result.answers or result.suggestions or (None,))[0]
        effects.append(LogUnanswered(text, result.region, best.entry_id if best else None, result.confidence))
    return effects


def render_result(
    result: SearchResult, kb: KnowledgeBase, user_region: str | None, today: dt.date
) -> list[Reply]:
    """The replies for a search result: an answer (per region when they differ), suggestions as
    buttons, or an honest decline. `today` is the day the governing texts are named for."""
    if result.decision == "answer" and result.per_region:
        parts = [T.REGION_DIFFERS]
        for a in result.per_region:
            parts.append(T.REGION_HEADER.format(name=_regions_label(kb, a)) + "\n" + _with_note(a, kb, today))
        parts.append(T.REGION_DIFFERS_HINT)
        return [Reply("\n\n".join(parts))]
    if result.decision == "answer" and result.answers:
        text = _with_note(result.answers[0], kb, today)
        if result.region_named and result.region and result.region != user_region:
            text = T.ANSWER_FOR_REGION.format(name=render.region_name(kb, result.region)) + "\n" + text
        return [Reply(text)]
    if result.decision == "likely" and result.answers:
        return _likely(result, kb, today)
    if result.decision == "suggest" and result.suggestions:
        buttons = tuple(
            (global_button(clip(a.question, BUTTON_LABEL_CHARS), "ask", a.entry_id),)
            for a in result.suggestions[:MAX_SUGGESTIONS]
        )
        return [Reply(T.DID_YOU_MEAN, buttons)]
    return [Reply(T.DECLINE)]


def _likely(result: SearchResult, kb: KnowledgeBase, today: dt.date) -> list[Reply]:
    """The likeliest answer, said to be that, with the other candidates as buttons."""
    best = result.answers[0]
    shown = result.per_region or (best,)
    parts = [T.LIKELY_HEADER.format(question=best.question)]
    if result.per_region:
        parts += [T.REGION_HEADER.format(name=_regions_label(kb, a)) + "\n" + _with_note(a, kb, today) for a in shown]
    else:
        parts.append(_with_note(best, kb, today))
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


def governing_note(a: Answer, kb: KnowledgeBase, today: dt.date) -> str:
    """Which text governs, on `today`, each point of a region's procedure the answer's entry cites
    where what it cites is not that text (superseded, not yet in force, or no loaded text covers
    today): one "📜 适用文件：…" line per such point; "" when every cited text governs (the usual case)."""
    entry = next((e for e in kb.faq if e.id == a.entry_id), None)
    if entry is None:
        return ""
    points = kb.governing.cited_points(entry.citations, today)
    return "\n".join(render.governing(kb, p.governing) for p in points if not p.current)


def _with_note(a: Answer, kb: KnowledgeBase, today: dt.date) -> str:
    note = governing_note(a, kb, today)
    return format_answer(a) + ("\n" + note if note else "")


def _regions_label(kb: KnowledgeBase, a: Answer) -> str:
    return T.REGION_SEPARATOR.join(render.region_name(kb, r) for r in a.regions) or T.NO_REGION
