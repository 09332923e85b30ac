"""Helpers for the Q&A tests: one question through dialogs.router.handle (or the Q&A turn it runs)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from core.model import Event, Outcome, Reply, UserState
from dialogs import qa, router
from dialogs.qa.turn import Turn
from knowledge.base import KnowledgeBase


def ask(kb: KnowledgeBase, now: dt.datetime, text: str, region: str | None = "jilin") -> Outcome:
    """A question from an idle user of `region`, through the router (the real chat path)."""
    return router.handle(UserState(user_id=1, region=region), Event.say(text), kb, now)


def text_of(out: Outcome) -> str:
    return "\n".join(r.text for r in out.replies)


def buttons_of(out: Outcome) -> list[str]:
    """The callback data of every button of the outcome's replies."""
    return [b.data for r in out.replies for row in r.buttons for b in row]


def turn_for(kb: KnowledgeBase, now: dt.datetime, text: str, region: str | None = "jilin") -> Turn:
    """The Q&A turn for a question from an idle user of `region` (what the router runs for it)."""
    return qa.respond(UserState(user_id=1, region=region), text, kb, now)


def details_of(kb: KnowledgeBase, now: dt.datetime, out: Outcome) -> str:
    """The full text behind the outcome's 详细说明 button (dialogs/qa/details.py), pressed on its state; ""
    when it has none."""
    more = [b for b in buttons_of(out) if b.startswith("g:more:")]
    if not more:
        return ""
    return text_of(router.handle(out.state, Event.press(more[0]), kb, now))


def full_text(kb: KnowledgeBase, now: dt.datetime, text: str, region: str | None = "jilin") -> str:
    """What a question's reply shows and, below it, the details one press away: for tests of what the
    reply says at all (the short layout's own tests read text_of alone)."""
    out = ask(kb, now, text, region)
    details = details_of(kb, now, out)
    return text_of(out) + ("\n\n" + details if details else "")


def turn_full(kb: KnowledgeBase, now: dt.datetime, text: str, region: str | None = "jilin") -> Turn:
    """turn_for with the details behind its 详细说明 button added as a last reply (its text then holds
    what the reply says at all, shown or one press away)."""
    state = UserState(user_id=1, region=region)
    turn = qa.respond(state, text, kb, now)
    more = [b.data for r in turn.replies for row in r.buttons for b in row if b.data.startswith("g:more:")]
    if not more:
        return turn
    details = text_of(router.handle(state, Event.press(more[0]), kb, now))
    return replace(turn, replies=(*turn.replies, Reply(details)))
