"""An approximate answer to a /check question (差不多40张, 大概七成左右, 40来张, 将近3000平米) is read as
the range it stands for — by the same reading a situational question gets (dialogs/qa/facts.py, which
reads every figure through the questionnaire's own parser, cn2an underneath) — and is recorded (marked
按约数记录) only when the whole range is on one side of every limit the region's rules put on that
field. When the range straddles a limit (约30张 against ≥30张), neither 符合 nor 不符合 can be given:
the director is told the verdict depends on the exact figure and asked for it (or 跳过/不清楚)."""

from __future__ import annotations

from typing import Any

from dialogs.field_words import NUMBER_WORDS
from dialogs.qa.facts import read_situation
from dialogs.questionnaire.prompts import example_value
from dialogs.texts import questionnaire as T
from dialogs.words import APPROX_PREFIX
from knowledge.eligibility import FieldSpec, RuleSet, evaluate
from knowledge.eligibility.evaluate import number_text
from knowledge.eligibility.model import DECIDING


def ends(text: str, spec: FieldSpec, specs: dict[str, FieldSpec] | Any) -> tuple[float, float, str] | None:
    """The two ends of an approximate answer typed for `spec`'s question and the words as said, or None
    when it is read as one figure. The field's own word is put before it, as a situation says it."""
    words = NUMBER_WORDS.get(spec.name) or (spec.label,)
    stated = read_situation(words[0] + text.strip(), specs).get(spec.name)
    if stated is None or not stated.ranged or stated.low is None or stated.high is None:
        return None
    return float(stated.low), float(stated.high), stated.range


def straddled(profile: dict[str, Any], spec: FieldSpec, low: float, high: float, rule_set: RuleSet) -> list[str]:
    """The titles of the deciding criteria on this field whose status differs between the two ends."""
    at_low = {r.id: r.status for r in evaluate({**profile, spec.name: low}, rule_set).criteria}
    at_high = evaluate({**profile, spec.name: high}, rule_set).criteria
    return [r.title for r in at_high if spec.name in r.fields and r.force in DECIDING and at_low.get(r.id) != r.status]


def depends_note(text: str, spec: FieldSpec, specs: Any, profile: dict[str, Any], rule_set: RuleSet) -> str | None:
    """What to say instead of recording an approximate answer that straddles a limit, or None (record it)."""
    read = ends(text, spec, specs)
    if read is None:
        return None
    low, high, said = read
    titles = straddled(profile, spec, low, high, rule_set)
    if not titles:
        return None
    unit = "%" if spec.kind == "percent" else spec.unit
    return T.APPROX_DEPENDS.format(
        said=said, low=number_text(low, 2), high=number_text(high, 2), unit=unit, titles="、".join(titles)
    )


def taken_example(spec: FieldSpec, specs: Any, profile: dict[str, Any], rule_set: RuleSet) -> str:
    """An approximate example ("约6000") that this question records — never one straddling a limit of the
    region's rules, which it would refuse (newcomer trial 5, N6: the hint said “约3000” at ≥3000 m²)."""
    unit, example = ("%" if spec.kind == "percent" else spec.unit), example_value(spec)
    for factor in (1, 2, 3, 0.5, 5, 0.2, 10):
        value = int(example * factor) if spec.kind != "percent" else min(100, int(example * factor))
        if value > 0 and depends_note(f"{APPROX_PREFIX}{value}{unit}", spec, specs, profile, rule_set) is None:
            return str(value)
    return ""
