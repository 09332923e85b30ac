"""The count a ratio criterion asks for (全科医生 per 10,000 residents): "按常住人口80000人计，全科医生至少要
16人，现有15人，还差1人" — said beside a situation's verdict (dialogs/qa/situation.py)."""

from __future__ import annotations

import math
from collections.abc import Mapping

from dialogs.texts import qa as T
from knowledge.eligibility import CriterionResult, FieldSpec, RuleSet
from knowledge.eligibility.derived import DERIVED, compute
from knowledge.eligibility.evaluate import number_text


def count_needed(result: CriterionResult, rule_set: RuleSet, profile: dict, specs: Mapping[str, FieldSpec]) -> str:
    """For a ratio criterion (a derived quantity linear in its first input, compared with ≥) whose
    other input is known: the count the first input must reach, and how far the stated one is."""
    criterion = rule_set.criterion(result.id)
    if criterion is None or not criterion.derived or criterion.compare != ">=":
        return ""
    spec = DERIVED[criterion.derived]
    if spec.kind != "number" or len(spec.inputs) != 2:
        return ""
    numerator, denominator = spec.inputs
    if profile.get(denominator) is None or numerator not in specs or denominator not in specs:
        return ""
    per_one = compute(criterion.derived, {numerator: 1, denominator: profile[denominator]})
    if not per_one:
        return ""
    # a news figure whose Chinese term is not confirmed (0.7名医务人员/床) is not restated as a count of
    # one staff kind without its own caveat (criterion.why says what is and is not known)
    unconfirmed = criterion.secondary and result.status == "unknown"
    caveat = T.SITUATION_NEED_CAVEAT.format(why=criterion.why) if unconfirmed else ""
    need = float(criterion.limit) / float(per_one)
    num, den = specs[numerator], specs[denominator]
    if num.kind == "int":
        need = math.ceil(need - 1e-9)
    text = T.SITUATION_NEED.format(
        denominator_label=den.label,
        denominator=number_text(profile[denominator], 2),
        denominator_unit=den.unit,
        numerator_label=num.label,
        need=number_text(need, 2),
        numerator_unit=num.unit,
    )
    have = profile.get(numerator)
    if have is None:
        return text + caveat
    if have >= need:
        return text + T.SITUATION_ENOUGH.format(have=number_text(have, 2), numerator_unit=num.unit) + caveat
    return (
        text
        + T.SITUATION_HAVE.format(have=number_text(have, 2), gap=number_text(need - have, 2), numerator_unit=num.unit)
        + caveat
    )
