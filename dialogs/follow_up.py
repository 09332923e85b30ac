"""A place asked after a question, in a message of its own ("北京呢", "那渝中那边呢？", "全国的怎么样"): the
question last answered, asked again of that place (breaker brk9 R6, left for session 10).

Within one message the Q&A reads such a part itself ("床位要多少张？北京呢": dialogs/qa/compare.py); across
messages nothing was kept, so 北京呢 got Beijing's overview and the switch offer, and the question asked
just before was lost. The question last answered while no dialog runs is kept in the idle state's data
(cleared as soon as a dialog starts, deleted by /forget with the rest), for FRESH_FOR: a place asked a
day later is a new conversation, answered as a bare place is."""

from __future__ import annotations

import datetime as dt

from core.lazy_re import lazy
from core.model import UserState
from dialogs import onboarding
from dialogs.intent_words import AROUND_ASKED, ASKS_THERE, PLACE_ENDINGS
from dialogs.qa.compare_words import FOLLOW_UP_WORDS
from dialogs.qa.turn import Turn
from knowledge.base import KnowledgeBase
from knowledge.places import without_places

KEY = "asked_last"  # {"text": the question, "at": ISO time}
FRESH_FOR = dt.timedelta(hours=2)  # one sitting: a follow-up said later is no follow-up
# What makes a place a follow-up and not a bare place (北京 alone is its overview and the offer): intent_words.
_ASKS_THERE = lazy(ASKS_THERE)
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


def asked_again(state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime) -> tuple[str, str] | None:
    """(the question to answer, its region) when `text` asks the last question of another place, e.g.
    "北京：床位要多少张" for 北京呢 after 床位要多少张 (the places the question named cut out); None otherwise."""
    last = state.data.get(KEY) if state.dialog is None else None
    if not isinstance(last, dict) or not isinstance(last.get("text"), str):
        return None
    try:
        fresh = now - dt.datetime.fromisoformat(last["at"]) <= FRESH_FOR
    except (KeyError, TypeError, ValueError):
        fresh = False
    region = place_of(text, kb) if fresh else None
    if region is None:
        return None
    asked = without_places(last["text"]).strip(AROUND_ASKED)
    name = next((r.short for r in kb.regions if r.id == region), region)
    return f"{name}：{asked}", region
