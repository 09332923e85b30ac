"""A ratio typed where one of its counts is asked: "年诊疗人次是常住人口的两倍" at 渝中's 年诊疗人次数 question,
"每万人口有3个全科医生" at 全科医生数 (newcomer trial 9, finding 3: a whole situation verdict of about 1,200
characters came in the middle of /check, and nothing was recorded). A criterion computed from two counts
(knowledge/eligibility/derived.py) takes the counts, not the ratio said about them: the reply says so in one
line and asks for this question's count, then the question again. Nothing is guessed or recorded."""

from __future__ import annotations

from core.text import fold_chinese
from dialogs.questionnaire.flow import Flow
from dialogs.texts import questionnaire as T
from dialogs.unit_words import MULTIPLE, MULTIPLE_UNIT, PER_10K, PER_10K_WORD
from dialogs.words import asks
from knowledge.eligibility import FieldSpec
from knowledge.eligibility.derived import DERIVED


def ratio_at_count(flow: Flow, spec: FieldSpec, text: str) -> str | None:
    """What to say when `text` states a ratio at a question that is one count of a criterion computed from
    several ("this item is worked out from X and Y; please give X"); None for anything else (a question
    about the ratio, "要达到几倍？", is answered by the router as usual)."""
    folded = fold_chinese(text)
    multiple, per_10k = bool(MULTIPLE.search(folded)), bool(PER_10K.search(folded))
    if asks(text) or not (multiple or per_10k):
        return None
    # the criterion of the kind said: 常住人口 is a count of both 年诊疗人次÷人口 (倍) and 每万人口全科医生
    computed = [c for c in flow.rule_set.criteria if c.derived in DERIVED and spec.name in c.fields]
    criterion = next((c for c in computed if len(c.fields) > 1 and _said_kind(c.derived, multiple, per_10k)), None)
    if criterion is None:
        return None
    others = T.RATIO_JOIN.join(flow.spec(f).label for f in criterion.fields if f != spec.name and f in flow.specs)
    return T.RATIO_AT_COUNT.format(title=criterion.title, label=spec.label, others=others)


def _said_kind(derived: str | None, multiple: bool, per_10k: bool) -> bool:
    """The derived quantity is of the kind said: a multiple (倍) or a rate per 10,000 (每万)."""
    found = DERIVED.get(derived or "")
    if found is None:
        return False
    return (multiple and found.unit == MULTIPLE_UNIT) or (per_10k and PER_10K_WORD in found.label)
