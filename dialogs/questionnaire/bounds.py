"""A bound typed for a figure that still decides every criterion it feeds (newcomer trial 4, F16): "九成以上"
at a ≥80 % 满意度 question is more than 90 %, so it passes whatever the exact figure; recorded as the
bound's figure, and said so. A bound that does not decide (不到90% at ≥80 %) is still asked as one number."""

from __future__ import annotations

from dialogs.quantities import ParseError
from dialogs.questionnaire.flow import Flow
from knowledge.eligibility import FieldSpec


def decided_above(flow: Flow, spec: FieldSpec, error: ParseError) -> bool:
    """A lower bound (超过/以上) at or above the limit of every criterion of the run that reads the field,
    each a plain ≥ or > comparison of the field itself."""
    if error.reason != "bound" or not error.above or error.value is None:
        return False
    criteria = [c for c in flow.rule_set.criteria if spec.name in c.fields]
    return bool(criteria) and all(
        not c.derived and c.compare in (">=", ">") and isinstance(c.limit, int | float) and error.value >= c.limit
        for c in criteria
    )
