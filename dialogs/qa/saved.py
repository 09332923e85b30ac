"""A situation reply reads the director's saved /check answers for the criteria the message does
not state (newcomer trial 3, N6): a director who answered 32张 and 75% in /check and then asks
"我们业务用房两千五百平够不够" is not told that beds and occupancy are unknown. What the message
states wins over what was saved; a range or a bound stated for a field keeps the saved value out.
The reply says which values it took from the self-assessment ("按您自评填的：…"). A field the message
names is never filled from a saved answer, even when its figure went unread."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dialogs.qa.collective import named_fields
from dialogs.qa.facts import Stated
from dialogs.texts import qa as T
from knowledge.eligibility import FieldSpec, RuleSet
from knowledge.eligibility.evaluate import number_text


def saved_answers(state: Any, stated: Mapping[str, Stated], rule_set: RuleSet, text: str = "") -> dict[str, Any]:
    """The saved answers (not 不清楚) of the rule set's fields the message (`text`) neither states nor
    names: a field named with a figure left unread ("三个满意度都…" once) is not filled from an old answer
    that may contradict what was just said (newcomer trial 8, N1: 79 % from /check against "八成五以上")."""
    profile = getattr(state, "profile", None) or {}
    needed = set(rule_set.fields_needed()) - named_fields(text)
    return {f: v for f, v in profile.items() if f in needed and f not in stated and v is not None}


def saved_note(saved: Mapping[str, Any], shown_fields: set[str], specs: Mapping[str, FieldSpec]) -> str:
    """ "按您自评填的：实际开放床位数 32 张、床位使用率 75%" for the saved values the reply used."""
    used = [f for f in saved if f in shown_fields and f in specs]
    if not used:
        return ""
    values = T.FACT_SEPARATOR.join(
        T.SAVED_VALUE.format(label=specs[f].label, value=_show(specs[f], saved[f])) for f in used
    )
    return T.SITUATION_SAVED.format(values=values)


def _show(spec: FieldSpec, value: Any) -> str:
    if spec.kind == "bool":
        return T.SAVED_YES if value else T.SAVED_NO
    if spec.kind == "choice":
        return spec.choice_label(value)
    number = number_text(value, 2)
    return f"{number}%" if spec.kind == "percent" else f"{number}{spec.unit}"
