"""An earlier answer corrected in words while another question waits (breaker brk11, B16): "第2题改成35张",
"上一题改成90%", "刚才床位填错了，应该是35张" got "这里只需要一个数字" or "没有看懂", and the wrong answer stayed.
The question meant is found by its number as shown (第 i/n 题), as the one before the pending one, or by its
subject's words (the Q&A's field words, its label); the new answer is read with that question's own reader.
It is saved and said with the old value, then the pending question is asked again. A new answer that
question's reader does not take (a range, an unusual value, words) is not saved: that question is asked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.model import Outcome, UserState
from core.text import chinese_int, fold_chinese
from dialogs.correction_words import CHANGE, NAMED, NUMBERED
from dialogs.field_words import NUMBER_WORDS
from dialogs.quantities import ParsedValue, parse_quantity
from dialogs.questionnaire.flow import NUMERIC, Flow, arrive, mode
from dialogs.questionnaire.prompts import prompt, show_value
from dialogs.questionnaire.record import again
from dialogs.texts import questionnaire as T
from dialogs.unit_words import fraction_as_percent
from dialogs.words import asks, parse_choice, parse_unknown, parse_yes_no
from knowledge.base import KnowledgeBase

_UNKNOWN = object()  # 不清楚 said as the new answer: recorded as unknown, like the question's own button


def corrected(state: UserState, flow: Flow, text: str, kb: KnowledgeBase, now: dt.datetime) -> Outcome | None:
    """The outcome of a correction of an earlier question typed at the pending one; None when `text` is none."""
    if mode(state) not in ("ask", "reuse") or asks(text):  # 第2题是什么意思: a question, for the router
        return None
    found = _target(state, flow, fold_chinese(text).strip())
    if found is None:
        return None
    field, words = found
    spec = flow.spec(field)
    value = _UNKNOWN if parse_unknown(words) and spec.allow_unknown else _read(spec, words)
    if value is None and not CHANGE.search(text):  # 第2题是三十来张: no change said, read as usual
        return None
    if value is None:  # not a value that question takes as it is: that question itself is asked
        arrive(state, field)
        return Outcome(state, prompt(state, kb, now))
    old, value = state.profile.get(field), None if value is _UNKNOWN else value
    state.profile[field] = value
    answered = state.data.setdefault("answered", [])
    if field not in answered:
        answered.append(field)
    shown = show_value(spec, value)
    said = (
        T.ELSEWHERE_CHANGED.format(label=spec.label, value=shown, old=show_value(spec, old))
        if old != value
        else T.CORRECTED_SAME.format(label=spec.label, value=shown)
    )
    return again(state, kb, now, said + "\n" + T.ELSEWHERE_NOW)


def _target(state: UserState, flow: Flow, t: str) -> tuple[str, str] | None:
    """(the earlier question's field, the new answer's words), or None."""
    current = state.step or ""
    earlier = [f for f in flow.fields[: flow.position(current)] if f in state.data.get("answered", [])]
    m = NUMBERED.match(t)
    if m is not None:
        if m["prev"]:
            field = flow.previous_needed(state.profile, flow.position(current))
        else:
            n = chinese_int(m["n"])
            field = next((f for f in earlier if flow.number(state.profile, f)[0] == n), None)
        return (field, m["value"]) if field in earlier else None
    m = NAMED.match(t)
    if m is None:
        return None
    named = [(len(w), f) for f in earlier for w in _words(flow, f) if w in m["subject"]]
    return (max(named)[1], m["value"]) if named else None


def _words(flow: Flow, field: str) -> tuple[str, ...]:
    return (*NUMBER_WORDS.get(field, ()), flow.spec(field).label)


def _read(spec: Any, words: str) -> Any:
    """The value `words` give the question of `spec`, read as at that question; None when not one usual value."""
    if spec.kind == "bool":
        return parse_yes_no(words)
    if spec.kind == "choice":
        return parse_choice(words, spec.choices)
    if spec.kind not in NUMERIC:
        return None
    parsed = parse_quantity(fraction_as_percent(words) if spec.kind == "percent" else words, spec)
    ok = isinstance(parsed, ParsedValue) and not parsed.approximate and not parsed.confirm_percent
    return parsed.value if ok and isinstance(parsed, ParsedValue) and not spec.implausible(parsed.value) else None
