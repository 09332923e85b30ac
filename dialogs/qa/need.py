"""The count a ratio criterion asks for (全科医生 per 10,000 residents): "按常住人口80000人计，全科医生至少要
16人，现有15人，还差1人" — said beside a situation's verdict (dialogs/qa/situation.py)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from dialogs.qa.count_words import PART_LABEL
from dialogs.qa.counts import Told
from dialogs.texts import qa as T
from dialogs.texts.qa_situation import SITUATION_SHARE_NEED
from knowledge.eligibility import CriterionResult, FieldSpec, RuleSet
from knowledge.eligibility.derived import DERIVED, compute
from knowledge.eligibility.evaluate import number_text


@dataclass(frozen=True)
class Need:
    """What a ratio criterion asks of its counted input for the director's base: at least `need`
    (全科医生 12人) for `base` (辖区常住人口 60000人); `have` is the count stated (None when not)."""

    need: float
    have: float | None
    numerator: FieldSpec
    denominator: FieldSpec
    base: float

    @property
    def gap(self) -> float:
        return max(self.need - (self.have or 0), 0)


def needed(result: CriterionResult, profile: Mapping, specs: Mapping[str, FieldSpec]) -> Need | None:
    """For a ratio criterion (a derived quantity linear in its first input, compared with ≥) whose
    other input is known: the count the first input must reach (None for any other criterion)."""
    if not result.derived or result.compare != ">=" or result.derived not in DERIVED:
        return None
    spec = DERIVED[result.derived]
    if spec.kind != "number" or len(spec.inputs) != 2:
        return None
    numerator, denominator = spec.inputs
    if profile.get(denominator) is None or numerator not in specs or denominator not in specs:
        return None
    per_one = compute(result.derived, {numerator: 1, denominator: profile[denominator]})
    if not per_one:
        return None
    need = float(result.limit) / float(per_one)
    num = specs[numerator]
    if num.kind == "int":
        need = math.ceil(need - 1e-9)
    return Need(need, profile.get(numerator), num, specs[denominator], profile[denominator])


def count_needed(result: CriterionResult, rule_set: RuleSet, profile: dict, specs: Mapping[str, FieldSpec]) -> str:
    """For a ratio criterion whose other input is known: the count the first input must reach, and
    how far the stated one is (a line under the criterion)."""
    n = needed(result, profile, specs) if rule_set.criterion(result.id) is not None else None
    if n is None:
        return ""
    # a news figure whose Chinese term is not confirmed (0.7名医务人员/床) is not restated as a count of
    # one staff kind without its own caveat (its why says what is and is not known)
    unconfirmed = result.secondary and result.status == "unknown"
    caveat = T.SITUATION_NEED_CAVEAT.format(why=result.why) if unconfirmed else ""
    num, den = n.numerator, n.denominator
    text = T.SITUATION_NEED.format(
        denominator_label=den.label,
        denominator=number_text(n.base, 2),
        denominator_unit=den.unit,
        numerator_label=num.label,
        need=number_text(n.need, 2),
        numerator_unit=num.unit,
    )
    if n.have is None:
        return text + caveat
    if n.have >= n.need:
        return text + T.SITUATION_ENOUGH.format(have=number_text(n.have, 2), numerator_unit=num.unit) + caveat
    return (
        text
        + T.SITUATION_HAVE.format(have=number_text(n.have, 2), gap=number_text(n.gap, 2), numerator_unit=num.unit)
        + caveat
    )


def share_needed(result: CriterionResult, told: Mapping[str, Told], specs: Mapping[str, FieldSpec]) -> str:
    """For a share at least a limit whose part and whole were told as counts (专业技术人员编制80个，公卫
    18个: s7a066): the count the part must reach for that whole and how far the stated one is
    ("按专业技术人员编制80个计，公共卫生人员至少要20个（25%），现有18个，还差2个"); "" otherwise."""
    field = result.fields[0] if len(result.fields) == 1 else ""
    counts = told.get(field)
    spec = specs.get(field)
    if counts is None or spec is None or spec.kind != "percent" or result.compare not in (">=", ">"):
        return ""
    if not isinstance(result.limit, int | float):
        return ""
    share = float(result.limit) / 100 * counts.whole
    need = math.floor(share) + 1 if result.compare == ">" else math.ceil(share - 1e-9)
    part_label = PART_LABEL.match(spec.label)
    text = SITUATION_SHARE_NEED.format(
        whole=counts.whole_words,
        part_label=part_label["part"] if part_label else spec.label,
        need=need,
        unit=counts.unit,
        limit=number_text(result.limit, 2),
        compare=T.BOUND_COMPARE[result.compare],
        share=number_text(round(counts.part / counts.whole * 100, 1), 1),
        part=number_text(counts.part, 2),
        whole_n=number_text(counts.whole, 2),
    )
    if counts.part >= need:
        return text + T.SITUATION_ENOUGH.format(have=number_text(counts.part, 2), numerator_unit=counts.unit)
    gap = number_text(need - counts.part, 2)
    return text + T.SITUATION_HAVE.format(have=number_text(counts.part, 2), gap=gap, numerator_unit=counts.unit)
