"""Multi-part questions ("渝中验收啥时候搞 谁来验 要几项达标"): every part is answered on its own,
under its own mark, and a part without an answer says so. A part not answered on its own ("谁来验")
is read again with the first part in front of it, which names what the whole question is about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from core.model import Reply
from dialogs.qa.entries import suggestion_buttons, with_note
from dialogs.qa.turn import Turn, sources_of
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase

AnswerOne = Callable[[str], Turn]


def reply(parts: list[str], answer_one: AnswerOne, kb: KnowledgeBase, today: dt.date) -> Turn | None:
    """One answer per part (`answer_one` answers a single question); None when no part is answered.

    A part the search is unsure of (its best entry only suggested) is shown as the likeliest answer
    when that entry cites a document another part was surely answered from: the parts of one
    question are about one text."""
    turns = [_answer_part(i, part, parts[0], answer_one) for i, part in enumerate(parts)]
    if not any(t.answered for t in turns):
        return None
    sure = {s.document for t in turns if t.answered for s in t.sources}
    turns = [t if t.answered else _promoted(t, sure, kb, today) for t in turns]
    lines = [T.PARTS_HEADER.format(n=len(parts))]
    previous: tuple[str, ...] = ()
    for i, (part, turn) in enumerate(zip(parts, turns, strict=True)):
        head = T.PART_HEADER.format(marks=T.PART_MARKS[i % len(T.PART_MARKS)], part=part)
        ids = tuple(a.entry_id for a in turn.shown)
        if not turn.answered:
            body = T.PART_UNANSWERED
        elif ids and ids == previous:
            body = T.PART_SAME
        else:
            body = turn.replies[0].text
        previous = ids if turn.answered else ()
        lines.append(head + "\n" + body)
    replies = [Reply("\n\n".join(lines))]
    offered = [a for t in turns if not t.answered for a in t.suggestions]
    if offered:
        replies.append(Reply(T.LIKELY_OTHERS, suggestion_buttons(list(dict.fromkeys(offered)))))
    decision = "answer" if all(t.decision == "answer" for t in turns) else "likely"
    shown = tuple({a.entry_id: a for t in turns for a in t.shown}.values())
    sources = tuple(dict.fromkeys(s for t in turns for s in t.sources)) or sources_of(shown)
    confidence = min(t.confidence for t in turns)
    best = next((t.best_entry for t in turns if t.best_entry), None)
    return Turn("multipart", decision, tuple(replies), turns[0].region, confidence, shown, sources, (), best)


def _promoted(turn: Turn, sure_documents: set[str], kb: KnowledgeBase, today: dt.date) -> Turn:
    """A suggested part as the likeliest answer when its best entry cites a document of the sure parts."""
    best = turn.suggestions[0] if turn.suggestions else None
    if best is None or not {s.document for s in best.sources} & sure_documents:
        return turn
    body = T.PART_LIKELY + "\n" + with_note(best, kb, today)
    shown = (best,)
    return replace(
        turn, decision="likely", replies=(Reply(body),), shown=shown, sources=sources_of(shown), suggestions=()
    )


def _answer_part(i: int, part: str, first: str, answer_one: AnswerOne) -> Turn:
    """A part on its own, else with the first part in front of it (which names what the question is
    about: "谁来验" after "渝中验收啥时候搞"); the surer of the two when neither is answered."""
    if i == 0:
        return answer_one(part)
    turns = []
    for text in (part, f"{first}，{part}"):
        turn = answer_one(text)
        if turn.answered:
            return turn
        turns.append(turn)
    return max(turns, key=lambda t: t.confidence)
