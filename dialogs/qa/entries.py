"""Showing what the search found: an answer (per region when they differ), the likeliest answer
with the alternatives as buttons, suggestions, or an honest decline that says whom to ask.

An answer is the entry's text followed by where it comes from (document, 文号, section); a fact
from a news report says so. When what an answer cites on a point of a region's procedure is not the
text governing that point today (a later text changed it, or no loaded text covers today), the
answer ends with which text governs (`governing_note`).
Suggestions are global buttons ("g:ask:<entry id>"), so they still work after another dialog has
started. Long texts are one Reply: the Telegram layer splits them.
"""

from __future__ import annotations

import datetime as dt

from core.model import Button, Reply
from core.text import clip
from dialogs import render
from dialogs.buttons import global_button
from dialogs.qa.entry_words import LACKS_RULE
from dialogs.qa.turn import Turn, sources_of
from dialogs.texts import qa as T
from dialogs.texts import qa_suggest as S
from knowledge.base import KnowledgeBase
from knowledge.search.intent import referrals
from knowledge.search.memo import per_turn_call
from knowledge.search.model import Answer, SearchResult

BUTTON_LABEL_CHARS = 30
MAX_SUGGESTIONS = 3


def search_turn(
    question: str, result: SearchResult, kb: KnowledgeBase, user_region: str | None, today: dt.date
) -> Turn:
    """The turn for a plain search: its replies and what they rest on."""
    replies = render_result(result, kb, user_region, today, question)
    shown: tuple[Answer, ...] = ()
    if result.answered:
        shown = result.per_region or result.answers[:1]
    best = (result.answers or result.suggestions or (None,))[0]
    decision = result.decision
    if (decision in ("answer", "likely") and not result.answers) or (decision == "suggest" and not result.suggestions):
        decision = "decline"  # nothing to show: render_result declined
    return Turn(
        "search",
        decision,
        tuple(replies),
        result.region,
        result.confidence,
        shown,
        sources_of(shown),
        result.suggestions[:MAX_SUGGESTIONS] if result.decision == "suggest" else (),
        best.entry_id if best else None,
    )


def render_result(
    result: SearchResult, kb: KnowledgeBase, user_region: str | None, today: dt.date, question: str = ""
) -> list[Reply]:
    """The replies for a search result: an answer (per region when they differ), the likeliest
    answer with alternatives, suggestions as buttons, or an honest decline. `today` is the day the
    governing texts are named for; `question` picks whom a decline points to."""
    if result.decision == "answer" and result.per_region:
        parts = [T.REGION_DIFFERS]
        for a in result.per_region:
            parts.append(T.REGION_HEADER.format(name=regions_label(kb, a)) + "\n" + with_note(a, kb, today))
        # the regions with no answer of their own are named, not left out (newcomer trial 2, C16)
        covered = {r for a in result.per_region for r in a.regions}
        missing = [render.region_name(kb, r) for r in kb.regions.ids if r not in covered and r != "national"]
        # a national answer applies in every region: it is theirs (北京 and 渝中 require the 基本标准, whose
        # reported 75 % the national answer gives), not "nothing found" (newcomer trial 8, N11)
        national = next((a for a in result.per_region if "national" in a.regions), None)
        if missing and national is not None:
            names = T.REGION_SEPARATOR.join(missing)
            parts.append(T.REGION_DIFFERS_AS_NATIONAL.format(names=names, national=regions_label(kb, national)))
        elif missing:
            parts.append(T.REGION_DIFFERS_MISSING.format(names=T.REGION_SEPARATOR.join(missing)))
        parts.append(T.REGION_DIFFERS_HINT)
        return [Reply("\n\n".join(parts))]
    if result.decision == "answer" and result.answers:
        text = with_note(result.answers[0], kb, today)
        if result.region_named and result.region and result.region != user_region:
            text = T.ANSWER_FOR_REGION.format(name=render.region_name(kb, result.region)) + "\n" + text
        return [Reply(text)]
    if result.decision == "likely" and result.answers:
        return likely(result, kb, today)
    if result.decision == "suggest" and result.suggestions:
        unmet = [T.ATTRIBUTE_NAMES[a] for a in result.unmet if a in T.ATTRIBUTE_NAMES]
        if unmet:
            text = "\n".join([T.NOT_GIVEN.format(what=T.FACT_SEPARATOR.join(unmet)), *_referrals(question)])
            return [Reply(text, suggestion_buttons(result.suggestions))]
        # a matter another office handles named (食堂承包出去要什么手续): that it is not in the texts and
        # whom to ask come first, whatever near topic the buttons offer (厕所、食堂、停车)
        if result.not_in_texts or _referrals(question):
            text = "\n".join([S.NOT_IN_TEXTS, *_referrals(question), S.NOT_IN_TEXTS_OFFER])
            return [Reply(text, suggestion_buttons(result.suggestions))]
        return [Reply(T.DID_YOU_MEAN, suggestion_buttons(result.suggestions))]
    return [Reply(decline_text(question))]


def likely(result: SearchResult, kb: KnowledgeBase, today: dt.date) -> list[Reply]:
    """The likeliest answer, said to be that, with the other candidates as buttons."""
    best = result.answers[0]
    parts = [T.LIKELY_HEADER.format(question=best.question)]
    if result.per_region:
        parts += [
            T.REGION_HEADER.format(name=regions_label(kb, a)) + "\n" + with_note(a, kb, today)
            for a in result.per_region
        ]
    else:
        parts.append(with_note(best, kb, today))
    replies = [Reply("\n\n".join(parts))]
    others = result.answers[1:]
    if others:
        replies.append(Reply(T.LIKELY_OTHERS, suggestion_buttons(others)))
    return replies


def suggestion_buttons(answers: tuple[Answer, ...] | list[Answer]) -> tuple[tuple[Button, ...], ...]:
    """One "g:ask:<entry id>" button per entry (at most MAX_SUGGESTIONS), labelled with its question."""
    return tuple(
        (global_button(clip(a.question, BUTTON_LABEL_CHARS), "ask", a.entry_id),) for a in answers[:MAX_SUGGESTIONS]
    )


def decline_text(question: str) -> str:
    """The honest decline, then whom to ask when the question names a matter another office handles."""
    return "\n".join([T.DECLINE, *_referrals(question)])


def _referrals(question: str) -> list[str]:
    return [T.REFERRAL[r] for r in referrals(question) if r in T.REFERRAL]


def format_answer(a: Answer) -> str:
    """The entry's answer, then one source line per cited section, then a news report's provenance."""
    lines = [a.answer.strip()]
    related = a.answer.lstrip().startswith(LACKS_RULE)  # "文件没有规定…": its citations set no such rule (N21)
    lines += render.document_lines(a.sources, line=T.SOURCE_RELATED if related else None)
    if a.provenance:
        lines.append(T.SECONDARY_NOTE.format(provenance=a.provenance))
    return "\n".join(lines)


@per_turn_call()  # a turn's readings render the same entries again
def governing_note(a: Answer, kb: KnowledgeBase, today: dt.date) -> str:
    """Which text governs, on `today`, each point of a region's procedure the answer's entry cites
    where what it cites is not that text (superseded, not yet in force, or no loaded text covers
    today): one "📜 适用文件：…" line per such point; "" when every cited text governs (the usual case)."""
    entry = kb.faq_by_id.get(a.entry_id)
    if entry is None:
        return ""
    points = kb.governing.cited_points(entry.citations, today)
    return "\n".join(render.governing_lines(kb, (p.governing for p in points if not p.current)))


def with_note(a: Answer, kb: KnowledgeBase, today: dt.date) -> str:
    """format_answer, then the governing note when there is one."""
    note = governing_note(a, kb, today)
    return format_answer(a) + ("\n" + note if note else "")


def regions_label(kb: KnowledgeBase, a: Answer) -> str:
    """ "吉林省、北京市": the regions an entry applies to, by name."""
    return T.REGION_SEPARATOR.join(render.region_name(kb, r) for r in a.regions) or T.NO_REGION
