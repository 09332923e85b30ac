"""Helpers for the Q&A tests: one question through dialogs.router.handle (or the Q&A turn it runs)."""

from __future__ import annotations

import datetime as dt

from core.model import Event, Outcome, UserState
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
