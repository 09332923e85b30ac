"""A criterion about what the institution IS (社区卫生服务中心 or 乡镇卫生院), missed, is no failed item
(newcomer trial 8, N23: a 乡镇卫生院's type was listed under "未达到的：" as "主要依托社区卫生服务中心建设：
未达到"). The plans say what they build on mainly and do not exclude the other type; the chat says that
— "贵机构是乡镇卫生院，方案以此为主，但没有说乡镇卫生院不能参加" — and never counts it among the conditions
not met. Only a norm (never deciding) on a field that names the institution's type is such a note."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dialogs.texts import questionnaire as T
from knowledge.eligibility import CriterionResult, FieldSpec

TYPE_FIELDS = frozenset({"institution_type"})  # fields saying what the institution is, not how it does


def type_note(r: CriterionResult) -> bool:
    """`r` is a missed norm on the institution's type: a note, not a condition not met."""
    return r.force == "norm" and r.status == "warning" and bool(r.fields) and set(r.fields) <= TYPE_FIELDS


def type_status(r: CriterionResult, specs: Mapping[str, FieldSpec], profile: Mapping[str, Any]) -> str:
    """What the chat says of such a note: the institution's type as the questionnaire shows it (乡镇卫生院),
    that the plan builds mainly on the other and does not exclude it."""
    field = r.fields[0] if r.fields else ""
    spec = specs.get(field)
    if spec is None or profile.get(field) is None:
        return T.TYPE_STATUS_UNNAMED
    return T.TYPE_STATUS.format(value=spec.choice_label(profile[field]))
