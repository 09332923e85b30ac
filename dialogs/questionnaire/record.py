"""Recording the director's answer to the pending question and moving on: the next question that still
matters (one filled from a question is not asked again, and the skip is said), or the result."""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.model import Outcome, Reply, UserState
from dialogs.questionnaire.flow import Flow, arrive, next_open
from dialogs.questionnaire.prompts import prompt, show_value
from dialogs.questionnaire.result import APPROX, finish
from dialogs.texts import questionnaire as T
from knowledge.base import KnowledgeBase


def again(state: UserState, kb: KnowledgeBase, now: dt.datetime, problem: str) -> Outcome:
    """Say what was wrong, then ask the pending step again."""
    return Outcome(state, [Reply(problem), *prompt(state, kb, now)])


def answer(
    state: UserState, flow: Flow, value: Any, kb: KnowledgeBase, now: dt.datetime, approximate: bool = False
) -> Outcome:
    """Record `value` (None: unknown) for the pending field and move to the next one that still
    matters, or to the result."""
    spec = flow.spec(state.step or "")
    if value is None and not spec.allow_unknown:
        return again(state, kb, now, T.MUST_ANSWER)
    state.profile[spec.name] = value
    answered = state.data.setdefault("answered", [])
    if spec.name not in answered:
        answered.append(spec.name)
    recorded = T.RECORDED.format(label=spec.label, value=show_value(spec, value)) + (T.RECORDED_APPROX * approximate)
    # the fields recorded from an approximate figure: the verdict says it rests on them (newcomer trial 7, N15)
    state.data[APPROX] = [f for f in state.data.get(APPROX, []) if f != spec.name] + [spec.name] * approximate
    (state.data.get("conflicts") or {}).pop(spec.name, None)  # decided: 改为 or 沿用
    following = next_open(flow, state, flow.position(spec.name) + 1)
    if following is None:
        return finish(state, flow, kb, now, recorded)
    recorded += skipped_note(flow, state, spec.name, following)
    arrive(state, following)
    replies = prompt(state, kb, now)
    return Outcome(state, [Reply(recorded), *replies] if not replies else _prefixed(recorded, replies))


def skipped_note(flow: Flow, state: UserState, after: str, following: str) -> str:
    """ "第 2–4 题已按您说到的数填好：…" when the questions between `after` and `following` were filled from a
    question and are not asked (newcomer trial 8, N25: 第 1/10 题 then 第 5/10 题 with no word why); "" when
    none was skipped. Numbered as 第 i/n 题 numbers them; 上一步 still reaches them."""
    prefilled = state.data.get("prefilled") or []
    start, stop = flow.position(after) + 1, flow.position(following)
    skipped = [f for f in flow.fields[start:stop] if f in prefilled and f in state.profile]
    skipped = [f for f in skipped if flow.next_needed(state.profile, flow.position(f)) == f]  # still asked ones
    if not skipped:
        return ""
    numbers = [flow.number(state.profile, f)[0] for f in skipped]
    one = len(numbers) == 1
    span = T.SKIPPED_ONE.format(i=numbers[0]) if one else T.SKIPPED_SPAN.format(i=numbers[0], j=numbers[-1])
    specs = [flow.spec(f) for f in skipped]
    items = T.PREFILLED_SEPARATOR.join(
        T.PREFILLED_ITEM.format(label=s.label, value=show_value(s, state.profile[s.name])) for s in specs
    )
    return "\n" + T.SKIPPED_PREFILLED.format(span=span, items=items)


def _prefixed(recorded: str, replies: list[Reply]) -> list[Reply]:
    """ "✔ 已记录…" on top of the next question, in one message."""
    first = replies[0]
    return [Reply(recorded + "\n\n" + first.text, first.buttons, first.document, first.expects_number), *replies[1:]]
