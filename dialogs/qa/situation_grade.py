"""An institution's grade read with its type (sealed set 7, s7a070): a rule of "社区甲级标准或乡镇乙级
以上标准" asks 甲级 of a 社区卫生服务中心 and 乙级 or above of a 乡镇卫生院. A 乙级 社区卫生服务中心 told
the rule's whole wording ("尚未达到社区甲级（乡镇乙级以上）标准") may read 乙级以上 as met; it is told
the part of the rule for its own type, the grade it said, and plainly that it cannot apply yet."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from dialogs.qa.situation_words import GRADE_PART_OF
from dialogs.qa.stated import Stated
from dialogs.qa.vocabulary import GRADE_FIELD, GRADE_WORDS
from dialogs.texts.qa_situation import INSTITUTION_KIND, SITUATION_GRADE_BELOW
from knowledge.eligibility import CriterionResult, RuleSet

TYPE_FIELD = "institution_type"


def read_with_type(
    shown: list[CriterionResult], rule_set: RuleSet, stated: Mapping[str, Stated]
) -> list[CriterionResult]:
    """`shown` with a grade criterion not met said for the stated type and grade ("社区卫生服务中心要达到
    社区甲级标准…您说的是乙级社区卫生服务中心…目前还不能申请"); unchanged when the type or the grade
    was not said, or the quote names no part for that type."""
    kind, grade = stated.get(TYPE_FIELD), stated.get(GRADE_FIELD)
    if kind is None or grade is None or kind.value not in GRADE_PART_OF:
        return shown
    out = []
    for r in shown:
        criterion = rule_set.criterion(r.id)
        part = GRADE_PART_OF[kind.value].search(criterion.citation.quote) if criterion is not None else None
        if r.fields == (GRADE_FIELD,) and r.status == "fail" and part is not None:
            said = next((w for w in GRADE_WORDS if w in grade.words), grade.words)
            message = SITUATION_GRADE_BELOW.format(
                kind=INSTITUTION_KIND[kind.value], needed=part.group(), quote=criterion.citation.quote, said=said
            )
            r = replace(r, message=message)
        out.append(r)
    return out
