"""Walking /check to a given question, for tests of what a question's screen does with a message."""

from __future__ import annotations

import datetime as dt

from core.model import Event, UserState
from dialogs.router import handle

MAX_QUESTIONS = 40  # more than any region's questionnaire asks


def at_question(kb, region: str, step: str, now: dt.datetime) -> UserState:
    """The state of a user of `region` whose /check waits at question `step` (a field id), every
    question before it answered with its first choice or 不清楚. AssertionError when /check never
    asks it."""
    state = handle(UserState(region=region), Event.command("check"), kb, now).state
    for _ in range(MAX_QUESTIONS):
        if state.step == step:
            return state
        answer = "1" if kb.fields[state.step].kind == "choice" else "不清楚"
        state = handle(state, Event.say(answer), kb, now).state
    raise AssertionError(f"never reached {step}")
