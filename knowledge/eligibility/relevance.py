"""Which questions of a rule set still matter for a profile: the questionnaire's "calculator".

A field read only together with another one may be moot: 城乡结合部 matters for a 乡镇卫生院 and
not for a 社区卫生服务中心. Closed questions (yes/no, choices) are probed with every possible answer;
a number is always needed. Pure: the dialog asks, this decides what is worth asking."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knowledge.eligibility.evaluate import evaluate_criterion, moot_by_premise
from knowledge.eligibility.model import FieldSpec, RuleSet


def field_matters(rule_set: RuleSet, specs: Mapping[str, FieldSpec], profile: Mapping[str, Any], name: str) -> bool:
    """Whether an answer to field `name` can still change the status of one of the rule set's
    criteria, given the rest of `profile`. Raises KeyError when `name` has no spec."""
    spec = specs[name]
    for criterion in rule_set.criteria:
        if name not in criterion.fields or moot_by_premise(profile, criterion):
            continue  # 特色科室门诊量 after 没有特色科室: not asked (newcomer trial 9, finding 9)
        if len(criterion.fields) == 1 or spec.kind not in ("bool", "choice"):
            return True
        answers = [None, True, False] if spec.kind == "bool" else [None, *(v for v, _ in spec.choices)]
        statuses = {evaluate_criterion({**profile, name: a}, criterion).status for a in answers}
        if len(statuses) > 1:
            return True
    return False


def next_field(rule_set: RuleSet, specs: Mapping[str, FieldSpec], profile: Mapping[str, Any], start: int) -> str | None:
    """The first field at or after position `start` of rule_set.fields_needed() that still matters."""
    fields = rule_set.fields_needed()
    return next((f for f in fields[start:] if field_matters(rule_set, specs, profile, f)), None)


def previous_field(
    rule_set: RuleSet, specs: Mapping[str, FieldSpec], profile: Mapping[str, Any], before: int
) -> str | None:
    """The last field before position `before` that still matters (for 上一步)."""
    fields = rule_set.fields_needed()
    return next((f for f in reversed(fields[:before]) if field_matters(rule_set, specs, profile, f)), None)
