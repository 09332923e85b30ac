"""A figure said as a bound, not a value: "我们没有30张床", "床位不到三十张", "超过40张".

"没有30张床" tells us the beds are fewer than 30; reading it as 30 would call ≥30 met and pre-fill
/check with a figure the director just denied (newcomer trial 2, A1). A bound decides a criterion
only when every value it allows falls on one side of the limit:

    beds < 30   against ≥30  -> not met (every allowed value is below 30)
    beds < 40   against ≥30  -> it depends (29 fails, 35 passes): said so, never ✅
    beds > 40   against ≥30  -> met

A bound is a one-sided range (facts.Stated: only `high` for 没有30张, only `low` for 超过40张), so
"depends" is the same verdict as for a two-sided range (二三十张) in the situation reply: ❔ 要看准确数字.
Its end is open or closed, and one end is unbounded, which is why it is decided here on the interval
rather than at the corners the situation evaluates a two-sided range on.

bound_at() reads the words around a number (vocabulary.UPPER_BEFORE …); apply() turns the results
of the criteria a bound speaks to into pass / not met (by force) / "depends", with a message that
says the bound back. Bounds are never put into a profile, so /check never starts with them filled in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from dialogs.qa.vocabulary import (
    INCLUSIVE_BOUNDS,
    LOWER_AFTER,
    LOWER_BEFORE,
    NOT_NEGATING,
    UPPER_AFTER,
    UPPER_BEFORE,
)
from dialogs.texts import qa as T
from knowledge.eligibility import FieldSpec, RuleSet, Verdict
from knowledge.eligibility.evaluate import MISSED, number_text
from knowledge.eligibility.texts import SECONDARY_SUFFIX

BoundOp = str  # "<", "<=", ">", ">="


@dataclass(frozen=True)
class Bound:
    """What a bound says of a field: value `op` `figure` (beds < 30)."""

    op: BoundOp
    figure: float


def bound_at(clause_before: str, after: str) -> BoundOp:
    """The bound the words around a number make of it ("" = the number is the value itself).

    `clause_before`: the clause up to the number ("我们没有"); `after`: the text from the number's end
    ("张床能报吗"). Question forms (有没有, 够不够) are not negations."""
    before = NOT_NEGATING.sub("", clause_before)
    if m := UPPER_BEFORE.search(before):
        return "<=" if m.group().startswith(INCLUSIVE_BOUNDS) else "<"
    if m := UPPER_AFTER.match(after):
        return "<=" if m.group().endswith(INCLUSIVE_BOUNDS) else "<"
    if LOWER_BEFORE.search(before):
        return ">"
    if m := LOWER_AFTER.match(after):
        return ">=" if m.group().endswith(INCLUSIVE_BOUNDS) else ">"
    return ""


def decides(bound: Bound, compare: str, limit: float) -> bool | None:
    """Whether every value the bound allows meets `compare limit` (True), none does (False), or some
    do and some do not (None: it depends on the exact figure)."""
    lo, lo_open, hi, hi_open = _interval(bound)
    if compare in (">=", ">"):
        strict = compare == ">"
        if lo is not None and (lo > limit or (lo == limit and (lo_open or not strict))):
            return True
        if hi is not None and (hi < limit or (hi == limit and (hi_open or strict))):
            return False
        return None
    if compare in ("<=", "<"):
        strict = compare == "<"
        if hi is not None and (hi < limit or (hi == limit and (hi_open or not strict))):
            return True
        if lo is not None and (lo > limit or (lo == limit and (lo_open or strict))):
            return False
        return None
    return None


def _interval(bound: Bound) -> tuple[float | None, bool, float | None, bool]:
    """(low, low open, high, high open) of the values a bound allows."""
    if bound.op in ("<", "<="):
        return None, False, bound.figure, bound.op == "<"
    return bound.figure, bound.op == ">", None, False


def apply(
    verdict: Verdict, rule_set: RuleSet, bounds: Mapping[str, Bound], specs: Mapping[str, FieldSpec]
) -> tuple[Verdict, set[str]]:
    """The verdict with each criterion a bound speaks to (one field, compared with a number, not
    otherwise known) decided by the bound or marked as depending on the exact figure; and the ids of
    those criteria (they are shown as stated even while unknown)."""
    touched: set[str] = set()
    results = []
    for r in verdict.criteria:
        criterion = rule_set.criterion(r.id)
        field = criterion.fields[0] if criterion is not None and len(criterion.fields) == 1 else ""
        bound = bounds.get(field)
        if (
            r.status != "unknown"
            or criterion is None
            or criterion.derived
            or bound is None
            or criterion.compare not in (">=", ">", "<=", "<")
            or not isinstance(criterion.limit, int | float)
        ):
            results.append(r)
            continue
        touched.add(r.id)
        met = decides(bound, criterion.compare, float(criterion.limit))
        spec = specs.get(field)
        unit = _unit(spec)
        said = said_back(bound, spec)
        limit = f"{T.BOUND_COMPARE[criterion.compare]}{number_text(criterion.limit, criterion.decimals)}{unit}"
        template = T.BOUND_DEPENDS if met is None else T.BOUND_MET if met else T.BOUND_NOT_MET
        message = template.format(said=said, limit=limit)
        if criterion.secondary and criterion.provenance:  # a news figure says so, as evaluate() does
            message += SECONDARY_SUFFIX.format(provenance=criterion.provenance)
        status = r.status if met is None else "pass" if met else MISSED[r.force]
        results.append(dataclasses.replace(r, status=status, message=message))
    return dataclasses.replace(verdict, criteria=tuple(results)), touched


def said_back(bound: Bound, spec: FieldSpec | None) -> str:
    """The bound as said back to the director: Bound("<", 30) of beds -> "不到30张"."""
    return T.BOUND_SAID[bound.op].format(figure=number_text(bound.figure, 2), unit=_unit(spec))


def _unit(spec: FieldSpec | None) -> str:
    return "%" if spec is not None and spec.kind == "percent" else (spec.unit if spec else "")
