"""A button's label typed where no button with it waits (newcomer trial 8, N26): "📝 带着这些数据做完整自评"
typed in a later session was searched as a question; "📖 详细说明" and "继续" typed at a /check question got
"没有看懂这个回答". The labels are the shown ones (dialogs/texts/), compared without emoji, spaces and
closing marks; only labels that are never an answer in words are listed (是, 否, 沿用 are read as answers).

Idle, the figures buttons act when their figures still wait (prefill.latest) and 详细说明 asks for details;
anywhere else the label is said to be out of date and the waiting screen shown again."""

from __future__ import annotations

import datetime as dt
import unicodedata

from core.model import Outcome, Reply, UserState
from core.text import fold
from dialogs import prefill, questionnaire
from dialogs.texts import common as C
from dialogs.texts import qa as QT
from dialogs.texts import qa_situation as QS
from dialogs.texts import questionnaire as QQ
from dialogs.texts import tracking as TT
from knowledge.base import KnowledgeBase

_MARKS = ("So", "Sk", "Mn", "Cf", "Po", "Zs")  # emoji and their joiners, punctuation, spaces
USE_FIGURES = (QS.SITUATION_CHECK_BUTTON, QQ.LATEST_USE)
PLAIN = QQ.LATEST_PLAIN
DETAILS = QT.SITUATION_DETAILS_BUTTON
LABELS = (
    *USE_FIGURES,
    PLAIN,
    DETAILS,
    QQ.RESUME_CONTINUE,
    QQ.RESUME_RESTART,
    TT.BUTTON_DAYS,  # not 推迟3天, 取消静音: typed, those are settings in words (dialogs/tracking/shortcuts.py)
    TT.BUTTON_ADD,
)


def _bare(text: str) -> str:
    return "".join(c for c in fold(text) if unicodedata.category(c) not in _MARKS)


_BY_BARE = {_bare(label): label for label in LABELS}


def label_typed(text: str) -> str | None:
    """The label (as shown) that `text` repeats, or None."""
    return _BY_BARE.get(_bare(text))


def as_words(text: str) -> str:
    """ "📖 详细说明" as the words 详细说明, which ask for the details of the last answer; other texts as typed."""
    return QT.DETAILS_WORDS if label_typed(text) == DETAILS else text


def typed_when_idle(state: UserState, text: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    """With no dialog in progress: a figures button's label typed acts when its figures still wait, and is
    said to be out of date when they do not; text typed at the figures offer is read there
    (questionnaire.at_gate). None for any other text, and while a dialog is in progress."""
    if state.dialog is not None:
        return None
    label = label_typed(text)
    if label is None or label == DETAILS:
        return questionnaire.at_gate(state, text, kb, now)
    key = prefill.latest(state, state.region or "")
    if key is not None and label in USE_FIGURES:
        return questionnaire.start_prefilled(state, key, kb, now)
    if key is not None and label == PLAIN:
        return questionnaire.start_plain(state, key, kb, now)
    return Outcome(state, [Reply(C.STALE_LABEL.format(label=label))])


def on_screen(before: UserState, text: str) -> Outcome | None:
    """A label typed at a screen that could not read it (继续 at a /check question): said to be out of
    date, on the state from before (the caller asks the screen again); None for any other text."""
    label = label_typed(text)
    return Outcome(before, [Reply(C.STALE_LABEL_ON_SCREEN.format(label=label))]) if label is not None else None
