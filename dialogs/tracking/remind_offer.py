"""A dated to-do typed outside /remind ("月底 交表", "自评完成 3月15日"), that no answer in the texts fits:
offered as an own reminder — "要添加为提醒吗？" with 添加 / 不用 — instead of the "no answer" decline
(newcomer trial 3, F19). A question about a date ("截止日期是不是6月30日") is a question: never offered.

Step "remind_offer" of the tracking dialog; its data holds the text typed, read again when 添加 is pressed."""

from __future__ import annotations

import datetime as dt

from core.clock import local_today
from core.effects import LogUnanswered
from core.model import Event, Outcome, Reply, UserState
from core.text import fold
from dialogs import render
from dialogs.buttons import dialog_button
from dialogs.dates import ParsedReminder, parse_reminder, reads_as_reminder
from dialogs.texts import tracking as T
from dialogs.tracking import remind as remind_step
from dialogs.tracking.common import DIALOG
from dialogs.words import DECLINE_WORDS, asks, parse_yes_no
from knowledge.base import KnowledgeBase

OFFER = "remind_offer"


def offer(state: UserState, text: str, answered: Outcome, now: dt.datetime) -> Outcome | None:
    """The offer, in place of `answered` (the Q&A's outcome) when that declined or only guessed and the
    text is laid out as 事项 + 日期 and does not ask; None otherwise."""
    today = local_today(now)
    declined = any(isinstance(e, LogUnanswered) for e in answered.effects)
    if state.dialog is not None or not declined or asks(text) or not reads_as_reminder(text, today):
        return None
    if not isinstance(parse_reminder(text, today), ParsedReminder):
        return None
    state.start(DIALOG, OFFER, {"text": text})
    return Outcome(state, prompt(state, None, now))


def prompt(state: UserState, kb: KnowledgeBase | None, now: dt.datetime) -> list[Reply]:
    parsed = parse_reminder(str(state.data.get("text", "")), local_today(now))
    if not isinstance(parsed, ParsedReminder):  # data from an older version, or none
        return [Reply(T.OFFER_GONE)]
    said = T.OFFER_REMINDER.format(title=parsed.title, date=render.date(parsed.date))
    add, skip = dialog_button(state, T.OFFER_ADD, "add", "y"), dialog_button(state, T.OFFER_SKIP, "skip", "n")
    return [Reply(said, ((add, skip),))]


def on_offer(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """添加 (or 是): the reminder added, as /remind adds it; 不用 (or 否): nothing kept. Anything else typed
    is not an answer to the offer (a question is answered by the router, dialogs/asked.py)."""
    choice = event.data if event.kind == "press" else _typed_choice(event.text)
    if choice == "add":
        text = str(state.data.get("text", ""))
        added = remind_step.add_typed(state, parse_reminder(text, local_today(now)), kb, now)
        state.finish()  # the offer is done: no /remind menu after it
        return Outcome(state, [*added.replies[:1], Reply(T.OFFER_ADDED_HINT)], added.effects)
    if choice == "skip":
        state.finish()
        return Outcome(state, [Reply(T.OFFER_SKIPPED)])
    return Outcome(state, prompt(state, kb, now), unread=True)


def _typed_choice(text: str) -> str | None:
    """A button's label, 是/否, or a decline word (不用了) typed instead of pressed."""
    word = fold(text)
    if word in DECLINE_WORDS or word == fold(T.OFFER_SKIP):
        return "skip"
    if word == fold(T.OFFER_ADD):
        return "add"
    return {True: "add", False: "skip"}.get(parse_yes_no(text))
