"""An answer to another 是/否 or choice question of the run, typed where it cannot be this question's
answer: "去年刚评上甲级" at 建立双向转诊关系的上级医院数 (newcomer trial 9, finding 8: "没有看懂", and 第1题 kept 否).
It is offered as a correction of that question ("这是第1题的答案，要改为“是”吗？") with buttons, never
written over the stored answer unasked; then the pending question is asked again. Figures named with their
field's words are moved without asking (elsewhere.py): a sentence read as 是/否 is less certain.
Held in the confirm mode (flow.py) with confirm = "earlier", data["earlier"] the field it is about."""

from __future__ import annotations

import datetime as dt

from core.model import Outcome, Reply, UserState
from core.text import clip
from dialogs.qa.facts import Stated, read_situation
from dialogs.quantities import ParsedValue, parse_quantity
from dialogs.questionnaire.elsewhere import save_stated
from dialogs.questionnaire.flow import NUMERIC, Flow, go, mode
from dialogs.questionnaire.prompts import prompt, show_value
from dialogs.texts import questionnaire as T
from dialogs.words import asks, parse_choice, parse_yes_no
from knowledge.base import KnowledgeBase
from knowledge.eligibility.relevance import field_matters

EARLIER = "earlier"  # data["confirm"] and the key of the field it is about
TYPED_CHARS = 30


def offer(state: UserState, flow: Flow, text: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    """The correction offered when `text` answers exactly one other closed question of the run, differently
    from what is stored, and cannot be the pending question's answer; None otherwise."""
    current = state.step or ""
    if mode(state) not in ("ask", "reuse") or asks(text) or _reads_as_current(flow, current, text):
        return None
    facts = read_situation(text, flow.specs)
    closed = [
        s
        for f, s in facts.items()
        if f != current and f in flow.fields and flow.spec(f).kind not in NUMERIC and s.value is not None
    ]
    if len(closed) != 1 or state.profile.get(closed[0].field) == closed[0].value:
        return None
    stated = closed[0]
    go(state, current, "confirm")
    state.data.update(confirm=EARLIER, candidate=stated.value, typed=clip(text.strip(), TYPED_CHARS))
    state.data[EARLIER] = stated.field
    return Outcome(state, prompt(state, kb, now))


def question_text(state: UserState, flow: Flow) -> tuple[str, str, str]:
    """(the question's number, its label, the value offered) for the confirmation's words and buttons."""
    field = str(state.data.get(EARLIER))
    spec = flow.spec(field)
    number = flow.number(state.profile, field)[0]
    return str(number), spec.label, show_value(spec, state.data.get("candidate"))


def settle(state: UserState, flow: Flow, take: bool, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    """改为: the earlier question's answer changed; 不改: kept. Then the pending question again (or the
    next one that still matters, when the change made it moot)."""
    field, value = str(state.data.get(EARLIER)), state.data.get("candidate")
    number, label, shown = question_text(state, flow)
    state.data.pop(EARLIER, None)
    current = state.step or ""
    if not take:
        go(state, current, "ask")
        return Outcome(state, [Reply(T.EARLIER_KEPT.format(n=number)), *prompt(state, kb, now)])
    old = state.profile.get(field)
    save_stated(state, flow, Stated(field, value, str(value)))
    said = T.EARLIER_CHANGED.format(n=number, label=label, value=shown, old=show_value(flow.spec(field), old))
    go(state, current, "ask")
    if not field_matters(flow.rule_set, flow.specs, state.profile, current):  # 否 → 是 may make it moot
        from dialogs.questionnaire.record import answer  # record imports prompts: here, not at the top

        moved = answer(state, flow, state.profile.get(current), kb, now)
        return Outcome(moved.state, [Reply(said), *moved.replies], moved.effects)
    return Outcome(state, [Reply(said), *prompt(state, kb, now)])


def _reads_as_current(flow: Flow, current: str, text: str) -> bool:
    spec = flow.spec(current)
    if spec.kind == "bool":
        return parse_yes_no(text) is not None
    if spec.kind == "choice":
        return parse_choice(text, spec.choices) is not None
    return isinstance(parse_quantity(text, spec), ParsedValue)
