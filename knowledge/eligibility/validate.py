"""Checking profile values against the field specs: type and plausible range.

Used by `python -m bot check` for profile files and by the questionnaire for typed answers, so the
same limits apply everywhere. Returns Chinese messages naming the field; an empty list means valid.
"""

from __future__ import annotations

from typing import Any

from knowledge.eligibility import texts as T
from knowledge.eligibility.model import FieldSpec


def validate_value(spec: FieldSpec, value: Any) -> str | None:
    """None when the value fits the field (None itself means "unknown" and is allowed), else a message."""
    name = T.FIELD_NAME.format(name=spec.name, label=spec.label)
    if value is None:
        return None if spec.allow_unknown else T.REQUIRED.format(field=name)
    if spec.kind == "bool":
        return None if isinstance(value, bool) else T.NOT_BOOL.format(field=name, value=value)
    if spec.kind == "choice":
        allowed = [v for v, _ in spec.choices]
        if value in allowed:
            return None
        options = T.JOIN_ALL.join(T.CHOICE_OPTION.format(value=v, label=label) for v, label in spec.choices)
        return T.NOT_A_CHOICE.format(field=name, options=options, value=value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return T.NOT_A_NUMBER.format(field=name, value=value)
    if spec.kind == "int" and value != int(value):
        return T.NOT_AN_INTEGER.format(field=name, value=value)
    unit = spec.unit
    if spec.min is not None and value < spec.min:
        return T.BELOW_MIN.format(field=name, limit=fmt(spec.min), unit=unit, value=fmt(value))
    if spec.max is not None and value > spec.max:
        return T.ABOVE_MAX.format(field=name, limit=fmt(spec.max), unit=unit, value=fmt(value))
    return None


def validate_profile(profile: dict[str, Any], fields: dict[str, FieldSpec]) -> list[str]:
    """Every fault in a profile: unknown fields, wrong types, values out of range."""
    if not isinstance(profile, dict):
        return [T.NOT_A_MAPPING]
    errors: list[str] = []
    for key, value in profile.items():
        spec = fields.get(str(key))
        if spec is None:
            errors.append(T.UNKNOWN_FIELD.format(key=key))
            continue
        error = validate_value(spec, value)
        if error:
            errors.append(error)
    return errors


def fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
