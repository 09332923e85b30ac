"""A message that is only a figure ("四十", "3000", "75%"): not a question. It is most likely an answer
meant for /check typed outside it (after /start or /cancel), so it is said to be a figure with how to
give it, never answered as a policy question with an unrelated entry."""

from __future__ import annotations

from core.model import Reply
from core.text import fold_chinese
from dialogs.qa.turn import Turn
from dialogs.qa.vocabulary import BARE_FIGURE
from dialogs.texts import qa as T


def reply(text: str, region: str | None) -> Turn | None:
    """The reply when the whole message is one figure (with an optional unit), else None."""
    t = fold_chinese(text).strip().rstrip("。.!！")
    if not BARE_FIGURE.fullmatch(t):
        return None
    return Turn("figure", "answer", (Reply(T.BARE_FIGURE.format(text=text.strip())),), region, 1.0)
