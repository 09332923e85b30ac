"""Evaluating a profile against a rule set: one result per criterion, then the verdict.

A missing answer (absent or None) makes a criterion "unknown", never "fail". Each criterion acts by
its force (knowledge/eligibility/model.py; issue 9):
  - condition not met, disqualifier present: "fail", and the verdict is not_eligible (a disqualifier
    overrides every pass);
  - principle (原则上) not met: "warning"; the verdict is not_eligible with conditional=True unless
    something fails outright;
  - norm or reported figure not met: "warning" (⚠️) that never decides alone; only when no condition,
    disqualifier or principle is known at all does a missed reported figure make the verdict
    not_eligible, with reported_only=True so that the front ends say what it rests on;
  - priority: pass, not_met or unknown, never changing the verdict.
Otherwise the verdict is incomplete while a condition, disqualifier or principle is unknown, and
eligible when they all pass.
"""

from __future__ import annotations

from typing import Any

from knowledge.eligibility import texts as T
from knowledge.eligibility.derived import compute
from knowledge.eligibility.model import DECIDING, Criterion, CriterionResult, RuleSet, Status, Verdict, VerdictValue
from knowledge.search.model import Source

MAX_DECIMALS = 6
# The status of a criterion that is not met, by force.
MISSED: dict[str, Status] = {
    "condition": "fail",
    "disqualifier": "fail",
    "principle": "warning",
    "norm": "warning",
    "reported": "warning",
    "priority": "not_met",
}


def evaluate(profile: dict[str, Any], rule_set: RuleSet) -> Verdict:
    """Profile (field name -> value; absent or None = unknown) against a rule set: one result per
    criterion in YAML order, and the verdict (see the module docstring)."""
    results = tuple(evaluate_criterion(profile, c) for c in rule_set.criteria)
    deciding = [r for r in results if r.force in DECIDING]
    hard_fail = any(r.status == "fail" for r in deciding)
    warned = any(r.status == "warning" for r in deciding)
    reported_missed = any(r.force == "reported" and r.status == "warning" for r in results)
    nothing_official_known = all(r.status == "unknown" for r in deciding)
    reported_only = False
    verdict: VerdictValue
    if hard_fail or warned:
        verdict = "not_eligible"
    elif nothing_official_known and reported_missed:
        verdict, reported_only = "not_eligible", True
    elif any(r.status == "unknown" for r in deciding):
        verdict = "incomplete"
    else:
        verdict = "eligible"
    return Verdict(rule_set.region, verdict, results, conditional=warned and not hard_fail, reported_only=reported_only)


def value_of(profile: dict[str, Any], criterion: Criterion) -> Any:
    """The value a criterion compares: the profile field, or its derived quantity (None = unknown)."""
    if criterion.derived:
        return compute(criterion.derived, profile)
    return profile.get(criterion.fields[0])


def holds(criterion: Criterion, value: Any) -> bool:
    """Whether the criterion's condition is true of a (known) value."""
    c, limit = criterion.compare, criterion.limit
    if c == "is_true":
        return value is True
    if c == "is_false":
        return value is False
    if c == "==":
        return value == limit
    if c == "in":
        return value in limit
    if c == ">=":
        return value >= limit
    if c == "<=":
        return value <= limit
    if c == ">":
        return value > limit
    if c == "<":
        return value < limit
    raise ValueError(f"unknown comparison {c!r}")


def gap_of(criterion: Criterion, value: Any) -> float | None:
    """How far a numeric value is from its limit when the condition fails (always positive)."""
    if criterion.compare not in (">=", "<=", ">", "<") or not isinstance(value, int | float):
        return None
    gap = abs(float(criterion.limit) - float(value))
    return round(gap, 6)


def evaluate_criterion(profile: dict[str, Any], criterion: Criterion) -> CriterionResult:
    """One criterion on a profile: status by its force, message, value, limit, gap and source."""
    value = value_of(profile, criterion)
    moot = moot_by_premise(profile, criterion)
    status: Status
    if moot:  # no 特色科室: its 门诊量 cannot reach the bar, and was not asked
        value, status, gap = None, MISSED[criterion.force], None
    elif value is None:
        status, gap = "unknown", None
    elif holds(criterion, value):
        status, gap = "pass", None
    else:
        gap = gap_of(criterion, value)
        status = MISSED[criterion.force]
    return CriterionResult(
        id=criterion.id,
        force=criterion.force,
        title=criterion.title,
        status=status,
        message=criterion.premise_fail
        if moot
        else message_for(criterion, status, value, gap, _answered_unsure(profile, criterion)),
        value=value,
        limit=criterion.limit,
        gap=gap,
        unit=criterion.unit,
        source=criterion.source or source_without_metadata(criterion),
        why=criterion.why,
        compare=criterion.compare,
        fields=criterion.fields,
        derived=criterion.derived,
        provenance=criterion.provenance,
    )


def moot_by_premise(profile: dict[str, Any] | Any, criterion: Criterion) -> bool:
    """The 是/否 field the criterion presupposes was answered 否 (schema: premise)."""
    return bool(criterion.premise) and profile.get(criterion.premise) is False


def number_text(x: Any, decimals: int) -> str:
    """At most `decimals` digits after the point, trailing zeros dropped: 78.0 -> "78", 2.345 -> "2.35"."""
    if isinstance(x, bool) or not isinstance(x, int | float):
        return str(x)
    text = f"{x:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def precise_text(x: float, decimals: int, differs_from: float | None = None) -> str:
    """Like number_text, with more digits when rounding would hide the point: a value that misses its
    limit must not be shown equal to it (1.99998 is not "2"), and a gap above zero must not read "0"."""
    for d in range(decimals, MAX_DECIMALS + 1):
        text = number_text(x, d)
        if differs_from is not None and x != differs_from and text == number_text(differs_from, d):
            continue
        if x != 0 and float(text) == 0:
            continue
        return text
    return number_text(x, MAX_DECIMALS)


def _answered_unsure(profile: dict[str, Any], criterion: Criterion) -> bool:
    """Every input the criterion lacks is in the profile as None: answered 不清楚, not left unanswered."""
    missing = [f for f in criterion.fields if profile.get(f) is None]
    return bool(missing) and all(f in profile for f in missing)


def message_for(criterion: Criterion, status: Status, value: Any, gap: float | None, unsure: bool = False) -> str:
    """The criterion's message for a status, with value, limit, gap and unit filled in; a
    reported criterion's message ends with its provenance. `unsure`: its missing inputs were answered
    不清楚, said so (the default wording only)."""
    if status == "unknown":
        template = (criterion.messages.unsure if unsure else "") or criterion.messages.unknown
    elif status == "pass":
        template = criterion.messages.pass_
    elif gap == 0 and criterion.messages.at_limit:
        template = criterion.messages.at_limit  # exactly at a strict limit: "正好15%", never "高0个百分点"
    else:
        template = criterion.messages.fail
    limit = criterion.limit
    limit_text = "、".join(map(str, limit)) if isinstance(limit, tuple) else number_text(limit, criterion.decimals)
    numeric = isinstance(value, int | float) and not isinstance(value, bool) and isinstance(limit, int | float)
    if value is None:
        value_text = T.UNKNOWN_VALUE
    elif numeric:
        value_text = precise_text(value, criterion.decimals, limit)
    else:
        value_text = number_text(value, criterion.decimals)
    text = template.format(
        value=value_text,
        limit=limit_text,
        gap=precise_text(gap, criterion.decimals) if gap is not None else "",
        unit=criterion.unit,
    )
    if criterion.secondary and criterion.provenance:
        text += T.SECONDARY_SUFFIX.format(provenance=criterion.provenance)
    return text


def source_without_metadata(criterion: Criterion) -> Source:
    c = criterion.citation
    return Source(document=c.document, number="", section=c.section, quote=c.quote, secondary=criterion.secondary)
