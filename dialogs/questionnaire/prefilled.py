"""/check started from a Q&A answer: the answers a question stated ("床位40张、使用率70%") are saved
in the profile and count as answered, and the questionnaire asks only the rest (dialogs/prefill.py
keeps them between the answer and the press)."""

from __future__ import annotations

import datetime as dt

from core.effects import ReplanNudges
from core.model import Outcome, Reply, UserState
from dialogs import prefill, render
from dialogs.questionnaire.flow import NAME, Flow, arrive
from dialogs.questionnaire.prompts import prompt, show_value
from dialogs.questionnaire.result import finish
from dialogs.texts import common as C
from dialogs.texts import questionnaire as T
from knowledge.base import KnowledgeBase
from knowledge.eligibility import validate_value


def start_prefilled(state: UserState, key: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """The "带着这些数据做完整自评" button ("g:chk:<key>"): start /check for the situation's region
    with its answers filled in. A user without a region gets that one."""
    taken = prefill.take(state, key)
    if taken is None:
        return Outcome(state, [Reply(C.STALE_BUTTON)])
    region, values = taken
    rule_set = kb.rules.get(region)
    if rule_set is None:
        return Outcome(state, [Reply(T.NO_RULES.format(name=render.region_name(kb, region)))])
    flow = Flow(rule_set, kb.fields)
    given = {f: v for f, v in values.items() if f in flow.fields and validate_value(flow.spec(f), v) is None}
    effects = []
    if state.region is None:
        state.region = region
        effects.append(ReplanNudges())
    state.profile.update(given)
    first = _first_open(flow, state.profile, given)
    state.start(NAME, first or flow.fields[-1], {"region": region, "answered": list(given)})
    items = T.PREFILLED_SEPARATOR.join(
        T.PREFILLED_ITEM.format(label=flow.spec(f).label, value=show_value(flow.spec(f), v)) for f, v in given.items()
    )
    filled = T.PREFILLED.format(title=rule_set.title, items=items)
    if first is None:
        outcome = finish(state, flow, kb, now, filled)
        outcome.effects.extend(effects)
        return outcome
    arrive(state, first)
    return Outcome(state, [Reply(filled), *prompt(state, kb, now)], effects)


def _first_open(flow: Flow, profile: dict, given: dict) -> str | None:
    """The first field that still matters and was not given."""
    start = 0
    while True:
        field = flow.next_needed(profile, start)
        if field is None or field not in given:
            return field
        start = flow.position(field) + 1
