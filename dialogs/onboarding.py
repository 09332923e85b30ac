"""Greeting, choosing the region, /help and /cancel."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dialogs.buttons import dialog_button, rows
from dialogs.model import Event, Outcome, ReplanNudges, Reply, UserState
from dialogs.numbers import parse_choice_index
from dialogs.texts import common as T
from knowledge.regions import region_by_id, region_ids, region_named_in, regions


def start(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    if state.region:
        name = _name(state.region)
        if state.dialog:
            state.finish()
        return Outcome(state, [Reply(T.GREETING), Reply(T.REGION_UNCHANGED.format(name=name) + T.AFTER_REGION_HINT)])
    state.start("onboarding", "region")
    return Outcome(state, [Reply(T.GREETING), *prompt(state, kb, now)])


def choose_region(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    named = region_named_in(event.data) if event.data else None
    if named:
        return _set_region(state, named)
    return ask_region(state, kb, now)


def ask_region(state: UserState, kb: Any, now: dt.datetime, return_to: str | None = None) -> Outcome:
    """Show the region choice; `return_to` names a command to carry on with once it is chosen."""
    state.start("onboarding", "region", {"return_to": return_to})
    return Outcome(state, prompt(state, kb, now))


def show_help(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    return Outcome(state, [Reply(T.HELP)])


def cancel(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    if state.dialog is None:
        return Outcome(state, [Reply(T.NOTHING_TO_CANCEL)])
    state.finish()
    return Outcome(state, [Reply(T.CANCELLED)])


def prompt(state: UserState, kb: Any, now: dt.datetime) -> list[Reply]:
    if state.step != "region":
        return []
    choices = [dialog_button(state, f"{i}. {r.name}", f"region:{r.id}") for i, r in enumerate(regions(), 1)]
    return [Reply(T.ASK_REGION, rows(choices, 2))]


def on_event(state: UserState, event: Event, kb: Any, now: dt.datetime) -> Outcome:
    region_id: str | None = None
    if event.kind == "press" and event.data.startswith("region:"):
        region_id = event.data.split(":", 1)[1]
        if region_id not in region_ids():
            region_id = None
    elif event.kind == "text":
        index = parse_choice_index(event.text, len(regions()))
        region_id = regions()[index].id if index is not None else region_named_in(event.text)
    if region_id is None:
        return Outcome(state, [Reply(T.REGION_NOT_UNDERSTOOD.format(n=len(regions()))), *prompt(state, kb, now)])
    return _set_region(state, region_id)


def _set_region(state: UserState, region_id: str) -> Outcome:
    changed = state.region != region_id
    state.region = region_id
    if state.dialog == "onboarding":
        state.finish()
    effects = [ReplanNudges()] if changed else []
    text = T.REGION_SET.format(name=_name(region_id)) + T.AFTER_REGION_HINT
    return Outcome(state, [Reply(text)], list(effects))


def _name(region_id: str) -> str:
    region = region_by_id(region_id)
    return region.name if region else region_id
