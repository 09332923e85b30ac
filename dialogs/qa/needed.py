"""A ratio rule with its base stated ("辖区常住人口12万，全科医生至少得配几个", "年诊疗人次达到服务人口
2倍怎么算，我们服务人口5万"): the least count that meets the rule for that base, worked out from the
region's rule (knowledge/data/rules; the ratio inverted as need.py does beside a verdict) and said
before the answer, with the rule and its source. Only when the question names the count the rule is
about and does not state it (stated, it is a situation and gets a verdict); never for a news figure."""

from __future__ import annotations

import math

from dialogs import render
from dialogs.qa.facts import read_situation
from dialogs.qa.method_words import COUNT_SUFFIX, MULTIPLE
from dialogs.texts import qa as T
from knowledge.base import KnowledgeBase
from knowledge.eligibility.derived import DERIVED, compute
from knowledge.eligibility.evaluate import number_text


def note(text: str, region: str | None, kb: KnowledgeBase) -> str:
    """The worked-out least count, one line per rule that applies ("" when none does)."""
    rule_set = kb.rules.get(region or "")
    if rule_set is None:
        return ""
    stated = read_situation(MULTIPLE.sub("", text), kb.fields)
    lines = []
    for c in rule_set.criteria:
        spec = DERIVED.get(c.derived or "")
        if spec is None or spec.kind != "number" or len(spec.inputs) != 2 or c.compare != ">=" or c.secondary:
            continue
        count, base = spec.inputs
        named = kb.fields[count].label.removesuffix(COUNT_SUFFIX)
        if base not in stated or count in stated or named not in text:
            continue
        per_one = compute(c.derived, {count: 1, base: stated[base].value}) if c.source else None
        if not per_one:
            continue
        least = float(c.limit) / float(per_one)
        lines.append(
            T.NEEDED_COUNT.format(
                base=stated[base].words,
                count=named,
                least=_figure(least),
                unit=kb.fields[count].unit,
                rule=c.title,
                source=render.citation(c.source),
            )
        )
    return "\n".join(lines)


def _figure(value: float) -> str:
    """A count rounded up (23.2 people need 24)."""
    return number_text(math.ceil(value - 1e-9), 0)
