"""A ratio the rules compare, said as the ratio itself: "全科医生每万人1.5个" is 渝中 第6项's own quantity
(全科医生数 per 10,000 residents), "诊疗人次是常住人口的1.5倍" its 第4项's, "每床0.6个卫技人员" the
reported 0.7 per bed. Before, such a figure was skipped as a rule's ("每万人2个" is usually the rule), so
a verdict undercounted what was missed and never gave the gap (newcomer trial 7, N4/N5).

Each is read into the derived quantity's name (knowledge/eligibility/derived.py takes a value said for
it over the one worked out from its inputs); a figure asked about as the requirement (是不是每万人2个)
is not the institution's and is left alone. Vocabulary: dialogs/qa/figure_words.py STATED_RATIOS."""

from __future__ import annotations

from core.text import fold_chinese
from dialogs.qa.facts import asks_requirement
from dialogs.qa.figure_words import RATIO_RULE_AFTER, STATED_RATIOS
from dialogs.quantities import number_value, plain_digits


def stated_ratios(text: str) -> dict[str, tuple[float, str]]:
    """{derived name: (value, words said)} for each ratio the question states as the institution's own."""
    t = plain_digits(fold_chinese(text))
    out: dict[str, tuple[float, str]] = {}
    for name, patterns in STATED_RATIOS.items():
        for pattern in patterns:
            m = pattern.search(t)
            if m is None or asks_requirement(t, m.start("num"), m.end()) or RATIO_RULE_AFTER.match(t, m.end()):
                continue
            value = number_value(m["num"])
            if value is not None and value >= 0:
                out[name] = (float(value), m.group())
                break
    return out

