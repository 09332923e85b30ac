"""Checking profile values against the field specs: type and plausible range.

Used by `python -m bot check` for profile files and by the questionnaire for typed answers, so the
same limits apply everywhere. Returns Chinese messages naming the field; an empty list means valid.
"""

from __future__ import annotations

from typing import Any

from knowledge.eligibility.model import FieldSpec


def validate_value(spec: FieldSpec, value: Any) -> str | None:
    """None when the value fits the field (None itself means "unknown" and is allowed), else a message."""
    name = f"字段 {spec.name}（{spec.label}）"
    if value is None:
        return None if spec.allow_unknown else f"{name}必须填写"
    if spec.kind == "bool":
        return None if isinstance(value, bool) else f"{name}应为 true 或 false（是/否），收到的是 {value!r}"
    if spec.kind == "choice":
        allowed = [v for v, _ in spec.choices]
        if value in allowed:
            return None
        options = "、".join(f"{v}（{label}）" for v, label in spec.choices)
        return f"{name}应为以下之一：{options}，收到的是 {value!r}"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{name}应为数字，收到的是 {value!r}"
    if spec.kind == "int" and value != int(value):
        return f"{name}应为整数，收到的是 {value!r}"
    unit = spec.unit
    if spec.min is not None and value < spec.min:
        return f"{name}不能小于 {fmt(spec.min)}{unit}，收到的是 {fmt(value)}{unit}"
    if spec.max is not None and value > spec.max:
        return f"{name}不能大于 {fmt(spec.max)}{unit}，收到的是 {fmt(value)}{unit}"
    return None


def validate_profile(profile: dict[str, Any], fields: dict[str, FieldSpec]) -> list[str]:
    """Every fault in a profile: unknown fields, wrong types, values out of range."""
    if not isinstance(profile, dict):
        return ["机构信息文件应为“字段: 值”的映射（YAML 字典）"]
    errors: list[str] = []
    for key, value in profile.items():
        spec = fields.get(str(key))
        if spec is None:
            errors.append(f"未知字段 {key}：不是本助手使用的机构信息字段，请检查拼写")
            continue
        error = validate_value(spec, value)
        if error:
            errors.append(error)
    return errors


def fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
