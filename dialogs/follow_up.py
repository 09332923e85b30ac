"""A place asked after a question, in a message of its own ("北京呢", "那渝中那边呢？", "全国的怎么样"): the
question last answered, asked again of that place (breaker brk9 R6, left for session 10).

Within one message the Q&A reads such a part itself ("床位要多少张？北京呢": dialogs/qa/compare.py); across
messages nothing was kept, so 北京呢 got Beijing's overview and the switch offer, and the question asked
just before was lost. The question last answered while no dialog runs is kept in the idle state's data
(cleared as soon as a dialog starts, deleted by /forget with the rest), for FRESH_FOR: a place asked a
day later is a new conversation, answered as a bare place is."""

from __future__ import annotations

import datetime as dt
import re

from core.lazy_re import lazy
from core.model import UserState
from dialogs import onboarding
from dialogs.intent_words import (
    AROUND_ASKED,
    ASKS_THERE,
    BESIDES_ASKED,
    BESIDES_LEAD,
    BESIDES_THERE,
    COMPARED_AND,
    COMPARED_ASKED,
    COMPARED_JOINERS,
    COMPARED_THERE,
    DOCUMENT_NUMBER_MARK,
    DOCUMENT_THERE,
    OWN_DOCUMENT,
    PLACE_ENDINGS,
)
from dialogs.qa.compare_words import FOLLOW_UP_WORDS
from dialogs.qa.turn import Turn
from knowledge.base import KnowledgeBase
from knowledge.places import without_places

KEY = "asked_last"  # {"text": the question, "at": ISO time}
FRESH_FOR = dt.timedelta(hours=2)  # one sitting: a follow-up said later is no follow-up
# What makes a place a follow-up and not a bare place (北京 alone is its overview and the offer): intent_words.
_ASKS_THERE, _BESIDES_LEAD = lazy(ASKS_THERE), lazy(BESIDES_LEAD)
_COMPARED, _OWN_DOCUMENT, _BESIDES = lazy(COMPARED_THERE), lazy(OWN_DOCUMENT), lazy(BESIDES_THERE)
# Kinds of turns that answer no question of the texts: nothing to ask again of another place.
_NOT_ASKED = frozenset({"smalltalk"})


def keep_asked(state: UserState, asked: str, turn: Turn, now: dt.datetime) -> None:
    """Keep `asked` as the question last answered when `turn` answered it and no dialog runs; a message
    not answered leaves the last question as it was (a typo in between does not lose it)."""
    if state.dialog is not None or not turn.answered or turn.kind in _NOT_ASKED:
        return
    if not without_places(asked).strip(PLACE_ENDINGS):
        return  # a bare place answered with its overview is no question to ask elsewhere
    state.data[KEY] = {"text": asked, "at": now.isoformat()}


def place_of(text: str, kb: KnowledgeBase) -> str | None:
    """The region a message asks "and there?" of (北京呢, 那渝中那边呢, 全国的怎么样), else None."""
    if not _ASKS_THERE.search(text):
        return None
    rest = text
    for w in sorted(FOLLOW_UP_WORDS, key=len, reverse=True):
        rest = rest.replace(w, "")
    rest = rest.strip()
    if not rest or not onboarding.names_a_place(rest, kb):
        return None
    return onboarding.read_place(rest, kb).region


def compared_with(text: str, kb: KnowledgeBase, own: str | None) -> list[str]:
    """The regions a message asks the last question to be compared across (跟国家比 with `own` 吉林: 吉林, 全国;
    北京和吉林比呢: both), else []: one place named and no region of one's own compares nothing."""
    m = _COMPARED.match(text.strip())
    places = (m["places"] or m["places2"] or "") if m else ""
    pieces = [p.strip() for p in re.split(f"[{COMPARED_JOINERS}]", places) if p.strip()]
    if not pieces or not all(onboarding.names_a_place(p, kb) for p in pieces):
        return []
    named = [r for p in pieces if (r := onboarding.read_place(p, kb).region) is not None]
    regions = list(dict.fromkeys([*([own] if own and len(named) == 1 and own not in named else []), *named]))
    return regions if len(regions) >= 2 else []


def _document_there(m: re.Match[str]) -> str:
    """A 文号 of the last place's text (5号文, 〔2020〕5号) is that place's plan: asked there as its plan; a year
    before a word for the text (2020年的方案) is dropped, the word kept."""
    return DOCUMENT_THERE if DOCUMENT_NUMBER_MARK in m.group() else ""


def asked_again(state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime) -> tuple[str, str | None] | None:
    """(the question to answer, its region) when `text` asks the last question of another place, e.g.
    "北京：床位要多少张" for 北京呢 after 床位要多少张 (the places the question named cut out, and the marks of
    the text it was about: 2020年的, 5号文), or compared across places ("吉林和全国比，床位要多少张" for 跟国家比,
    no region: brk11 B7); None otherwise."""
    last = state.data.get(KEY) if state.dialog is None else None
    if not isinstance(last, dict) or not isinstance(last.get("text"), str):
        return None
    try:
        fresh = now - dt.datetime.fromisoformat(last["at"]) <= FRESH_FOR
    except (KeyError, TypeError, ValueError):
        fresh = False
    besides = _BESIDES.match(text.strip()) if fresh else None
    if besides is not None:  # 除了申请表还有什么: the last question, besides that (brk11 B8)
        asked = _BESIDES_LEAD.sub("", last["text"]).strip(AROUND_ASKED)
        return BESIDES_ASKED.format(besides=besides["besides"], asked=asked), None
    compared = compared_with(text, kb, state.region) if fresh else []
    region = place_of(text, kb) if fresh and not compared else None
    if region is None and not compared:
        return None
    asked = _OWN_DOCUMENT.sub(_document_there, without_places(last["text"])).strip(AROUND_ASKED)
    names = {r.id: r.short for r in kb.regions}
    if compared:
        return COMPARED_ASKED.format(places=COMPARED_AND.join(names.get(r, r) for r in compared), asked=asked), None
    return f"{names.get(region, region)}：{asked}", region
