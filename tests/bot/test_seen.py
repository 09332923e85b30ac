"""Which dialog position a user saw when they wrote (bot/seen.py), on rows built by hand: message
ids against the row's "after", its first delivered id, its journal and the words that started it."""

from __future__ import annotations

from typing import Any

import pytest

from bot import seen
from core.model import Event, Reply, UserState
from storage import outbox


def pos(step: str, version: int) -> dict[str, Any]:
    return {"dialog": "questionnaire", "step": step, "data": {}, "version": version}


STORED = UserState(user_id=1, dialog="questionnaire", step="q3", version=3)


def row(after: int, position: dict[str, Any], *, delivered: int | None = None, said: str = "40",
        journal: list[list[Any]] | None = None) -> outbox.Pending:  # fmt: skip
    shown = position | {"after": after, outbox.JOURNAL: journal or [], seen.SAID: seen.said_of(Event.say(said))}
    if delivered is None:
        return outbox.Pending([Reply("（第 3/10 题）")], shown, 1)
    return outbox.Pending([], shown | {outbox.SEEN_FROM: delivered, outbox.LAST_SENT: delivered}, 1)


def step_of(pending: outbox.Pending, event: Event, message_id: int) -> str | None:
    return seen.as_shown(STORED, pending, event, message_id).step


@pytest.mark.parametrize("text", ["75", "四十", "/check"])
def test_undelivered_replies_a_message_right_after_reads_the_screen(text: str) -> None:
    event = Event.command("check") if text == "/check" else Event.say(text)
    assert step_of(row(10, pos("q2", 2)), event, 11) == "q2"


@pytest.mark.parametrize("text", ["75", "41", "/help"])
def test_after_an_unknown_message_other_words_answer_what_was_delivered(text: str) -> None:
    event = Event.command("help") if text == "/help" else Event.say(text)
    pending = row(10, pos("q2", 2))
    assert step_of(pending, event, 12) == "q3"
    assert seen.unknown_between(pending, event, 12)


@pytest.mark.parametrize("text", ["40", " 40 ", "４０"])
def test_after_an_unknown_message_the_same_words_again_read_the_screen(text: str) -> None:
    pending = row(10, pos("q2", 2))
    assert step_of(pending, Event.say(text), 14) == "q2"
    assert not seen.unknown_between(pending, Event.say(text), 14)


def test_a_message_typed_before_earlier_deliveries_reads_the_screen_it_was_typed_on() -> None:
    # q1 until message 20 arrived, q2 until 25, then this row's q3 from 30.
    mark = row(26, pos("q2b", 2), delivered=30, journal=[[20, pos("q1", 1)], [25, pos("q2", 2)]])
    say = Event.say("40")
    assert step_of(mark, say, 19) == "q1"
    assert step_of(mark, say, 24) == "q2"
    assert step_of(mark, say, 27) == "q2b"
    assert step_of(mark, say, 31) == "q3"  # typed after the row's replies arrived: the stored state


def test_the_row_records_the_screen_before_its_replies_and_carries_the_journal() -> None:
    mark = row(26, pos("q2", 2), delivered=30, journal=[[20, pos("q1", 1)]])
    before = seen.as_shown(STORED, mark, Event.say("40"), 27)
    assert before.step == "q2"
    assert seen.position_for_row(STORED, before, mark)["step"] == "q3"  # on screen since 30
    assert seen.journal_for_row(mark, Event.say("40"), 27) == [[20, pos("q1", 1)], [30, pos("q2", 2)]]
    undelivered = row(26, pos("q2", 2), journal=[[20, pos("q1", 1)]])
    assert seen.position_for_row(STORED, before, undelivered)["step"] == "q2"
    assert seen.journal_for_row(undelivered, Event.say("75"), 29) == []  # a gap: the journal may be stale


def test_a_press_is_read_by_the_message_it_was_on() -> None:
    pending = row(10, pos("q2", 2))
    assert step_of(pending, Event.press("x"), 9) == "q2"
    assert step_of(pending, Event.press("x"), 11) == "q3"
    mark = row(10, pos("q2", 2), delivered=12)
    assert step_of(mark, Event.press("x"), 9) == "q3"  # buttons carry their own version


def press_mark(data: str, on: int, *, delivered: int | None = 12) -> outbox.Pending:
    """The row of a turn started by pressing `data` on message `on` (delivered from `delivered`)."""
    pending = row(on, pos("q2", 2), delivered=delivered)
    return outbox.Pending(pending.replies, (pending.shown or {}) | {seen.PRESSED: f"{data}@{on}"}, 1)


def test_the_same_button_pressed_again_after_its_replies_arrived_is_taken_already() -> None:
    mark = press_mark("d2:y", 9)
    assert seen.pressed_of(Event.press("d2:y"), 9) == "d2:y@9"
    assert seen.pressed_again(STORED, mark, Event.press("d2:y"), 9)  # STORED is at version 3


@pytest.mark.parametrize(
    ("pending", "event", "message_id"),
    [
        (press_mark("d2:y", 9, delivered=None), Event.press("d2:y"), 9),  # replies not seen: read as shown
        (press_mark("d2:y", 9), Event.press("d2:n"), 9),  # the other answer: a change, not a repeat
        (press_mark("d2:y", 9), Event.press("d2:y"), 7),  # the same data on another message
        (press_mark("d3:y", 9), Event.press("d3:y"), 9),  # its version is still the current one
        (press_mark("g:more", 9), Event.press("g:more"), 9),  # a global button: its handler decides
        (press_mark("d2:y", 9), Event.say("d2:y"), 9),
    ],
)
def test_anything_else_is_a_turn_of_its_own(pending: outbox.Pending, event: Event, message_id: int) -> None:
    assert not seen.pressed_again(STORED, pending, event, message_id)
