"""Greeting, choosing the region, and /cancel."""

from __future__ import annotations

import datetime as dt

from core.effects import ReplanNudges
from core.model import Event, Outcome, Reply, UserState
from dialogs import render
from dialogs.buttons import dialog_button, rows
from dialogs.dialog import Dialog
from dialogs.texts import common as T
from dialogs.words import parse_choice_index
from knowledge.base import KnowledgeBase

NAME = "onboarding"


def start(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    if state.region:
        name = render.region_name(kb, state.region)
        if state.dialog:
            state.finish()
        return Outcome(state, [Reply(T.GREETING), Reply(T.REGION_UNCHANGED.format(name=name) + T.AFTER_REGION_HINT)])
    state.start(NAME, "region")
    return Outcome(state, [Reply(T.GREETING), *prompt(state, kb, now)])


def choose_region(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    named = kb.regions.named_in(event.data) if event.data else None
    if named:
        return _set_region(state, named, kb)
    return ask_region(state, kb, now)


def ask_region(
    state: UserState, kb: KnowledgeBase, now: dt.datetime, return_to: str | None = None, intro: str | None = None
) -> Outcome:
    """Show the region choice (after `intro`, when given); `return_to` names a command to carry on
    with once it is chosen."""
    state.start(NAME, "region", {"return_to": return_to})
    return Outcome(state, [*([Reply(intro)] if intro else []), *prompt(state, kb, now)])


def cancel(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    if state.dialog is None:
        return Outcome(state, [Reply(T.NOTHING_TO_CANCEL)])
    state.finish()
    return Outcome(state, [Reply(T.CANCELLED)])


def prompt(state: UserState, kb: KnowledgeBase, now: dt.datetime) -> list[Reply]:
    if state.step != "region":
        return []
    choices = [dialog_button(state, f"{i}. {r.name}", f"region:{r.id}") for i, r in enumerate(kb.regions, 1)]
    return [Reply(T.ASK_REGION, rows(choices, 2))]


def on_event(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    region_id: str | None = None
    if event.kind == "press" and event.data.startswith("region:"):
        region_id = event.data.split(":", 1)[1]
        if region_id not in kb.regions.ids:
            region_id = None
    elif event.kind == "text":
        index = parse_choice_index(event.text, len(kb.regions))
        region_id = kb.regions.all[index].id if index is not None else kb.regions.named_in(event.text)
    if region_id is None:
        n = len(kb.regions)
        return Outcome(state, [Reply(T.REGION_NOT_UNDERSTOOD.format(n=n)), *prompt(state, kb, now)])
    return _set_region(state, region_id, kb)


def _set_region(state: UserState, region_id: str, kb: KnowledgeBase) -> Outcome:
    changed = state.region != region_id
    state.region = region_id
    if state.dialog == "onboarding":
        state.finish()
    effects = [ReplanNudges()] if changed else []
    text = T.REGION_SET.format(name=render.region_name(kb, region_id)) + T.AFTER_REGION_HINT
    return Outcome(state, [Reply(text)], list(effects))


DIALOG = Dialog(NAME, prompt, on_event)
