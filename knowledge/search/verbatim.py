"""A question typed almost word for word as one of an entry's phrasings ("每张床要多少平方米" beside the
phrasing "每张床多少平方米") is that entry's question: the search's gates that turn an answer into
suggestions (the answer does not give the attribute asked, a head the entry does not name, another
office's matter; the decline when no entry shown names that matter) judge the words, and the entry was
written for these very words. A "we don't have it" entry never gives the attribute it says is missing,
so it was always demoted (newcomer trial 5, N8: the right answer came back as the first of three
suggestions).

Near means rapidfuzz's ratio ≥ NEAR on the texts without punctuation, spaces and closing particles."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz

from knowledge.search.intent import folded
from knowledge.search.model import SearchResult

NEAR = 90.0
_NOISE = re.compile(r"[\s\W_]+")
_PARTICLES = "吗么嘛呢呀啊吧哈哦"


def plain(text: str) -> str:
    return _NOISE.sub("", folded(text)).rstrip(_PARTICLES)


def phrasing_table(entries: Iterable[tuple[str, Iterable[str]]]) -> dict[str, tuple[str, ...]]:
    """Entry id -> its question and phrasings, plain."""
    return {entry_id: tuple(p for t in texts if (p := plain(t))) for entry_id, texts in entries}


def near_verbatim(question: str, phrasings: Iterable[str]) -> bool:
    q = plain(question)
    return bool(q) and any(fuzz.ratio(q, p) >= NEAR for p in phrasings)


def promoted(question: str, result: SearchResult, table: Mapping[str, tuple[str, ...]]) -> SearchResult:
    """The result, answered when its best entry's phrasings hold the question almost word for word."""
    # a decline too: another office's matter no entry shown names (signals.matter_decision) is declined,
    # but 建社区医院补助多少钱 typed as the not-covered entry's own phrasing is that entry's question
    if result.decision not in ("suggest", "likely", "decline") or not result.answers:
        return result
    if not near_verbatim(question, table.get(result.answers[0].entry_id, ())):
        return result
    return dataclasses.replace(result, decision="answer", suggestions=(), unmet=())
