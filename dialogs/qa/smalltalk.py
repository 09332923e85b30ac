"""Small talk: a greeting, thanks, goodbye or "who are you" gets a short friendly reply and what the
assistant can do, never the "I have no answer" of an unknown question."""

from __future__ import annotations

from core.model import Reply
from dialogs.qa.turn import Turn
from dialogs.texts import qa as T
from knowledge.search.intent import smalltalk_kind

# Replies that end with the full list of what the assistant does; the others with one line.
INTRODUCE = ("greeting", "who_are_you")


def reply(text: str, region: str | None) -> Turn | None:
    """The reply when the whole message is small talk (knowledge.search.intent.smalltalk_kind), else None."""
    kind = smalltalk_kind(text)
    if kind is None:
        return None
    tail = T.CAN_DO if kind in INTRODUCE else T.CAN_DO_SHORT
    return Turn("smalltalk", "answer", (Reply(T.SMALLTALK[kind] + "\n" + tail),), region, 1.0)
