"""/check started from a Q&A answer: the answers a question stated ("床位40张、使用率70%") are saved
in the profile and count as answered, and the questionnaire asks only the rest (dialogs/prefill.py
keeps them between the answer and the press). A stated figure that differs from an answer stored
earlier does not replace it: that question is asked as 改为 40 张 / 沿用 28 张 when reached.

Only the press writes them. /check typed after such a question (a what-if asked after a /check was
opened and cancelled: 如果床位有50张…) asks first whether to use them, with the same button and one to
fill in every question instead (breaker B21: the what-if figures were saved as the self-assessment)."""

from __future__ import annotations

import datetime as dt

from core.effects import ReplanNudges
from core.model import Outcome, Reply, UserState
from dialogs import prefill, render
from dialogs.buttons import global_button
from dialogs.questionnaire.flow import NAME, Flow, arrive, next_open
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
    valid = {f: v for f, v in values.items() if f in flow.fields and validate_value(flow.spec(f), v) is None}
    conflicts = {f: v for f, v in valid.items() if state.profile.get(f) not in (None, v)}
    given = {f: v for f, v in valid.items() if f not in conflicts}
    effects = []
    if state.region is None:
        state.region = region
        effects.append(ReplanNudges())
    state.profile.update(given)
    data = {"region": region, "answered": list(given), "prefilled": list(given), "conflicts": conflicts}
    state.start(NAME, flow.fields[-1], data)
    first = next_open(flow, state, 0)
    state.step = first or flow.fields[-1]
    if given:
        filled = T.PREFILLED.format(title=rule_set.title, items=_items(flow, given))
    else:
        filled = T.PREFILLED_NONE.format(title=rule_set.title)
    if conflicts:
        filled += T.PREFILLED_CONFLICTS.format(items=_items(flow, conflicts))
    if first is None:
        outcome = finish(state, flow, kb, now, filled)
        outcome.effects.extend(effects)
        return outcome
    arrive(state, first)
    return Outcome(state, [Reply(filled), *prompt(state, kb, now)], effects)


def start_latest(state: UserState, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    """/check typed (not the button) after a question that stated figures for the user's region: ask
    whether to use them — the button that starts with them, or one that asks every question — never
    written unasked (B21); None when no such figures wait."""
    key = prefill.latest(state, state.region or "")
    waiting = (state.data.get(prefill.SLOT) or {}).get(key) if key else None
    rule_set = kb.rules.get(state.region or "")
    if not isinstance(waiting, dict) or rule_set is None:
        return None
    flow = Flow(rule_set, kb.fields)
    values = {f: v for f, v in (waiting.get("values") or {}).items() if f in flow.fields}
    if not values:
        return None
    buttons = ((global_button(T.LATEST_USE, "chk", key), global_button(T.LATEST_PLAIN, PLAIN, key)),)
    state.data[GATE] = key  # the next message may answer it in words (questionnaire.at_gate)
    return Outcome(state, [Reply(T.LATEST_OFFER.format(items=_items(flow, values)), buttons)])


GATE = "figures_offer"  # state.data of an idle user: the key of the figures offer on screen
PLAIN = "chk0"  # the global press that starts /check without the figures a question stated


def _items(flow: Flow, values: dict) -> str:
    return T.PREFILLED_SEPARATOR.join(
        T.PREFILLED_ITEM.format(label=flow.spec(f).label, value=show_value(flow.spec(f), v)) for f, v in values.items()
    )
