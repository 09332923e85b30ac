"""Eligibility: profile fields and per-region rule sets as YAML data, and evaluating a profile.

API (used by the questionnaire dialog, `python -m bot check` and `kb check`):
  load_fields(root) -> dict[str, FieldSpec]        knowledge/data/fields.yaml (or kb.fields)
  load_rule_sets(root) -> dict[str, RuleSet]       knowledge/data/rules/<region>.yaml (or kb.rules)
  evaluate(profile, rule_set) -> Verdict           each criterion acts by its force (model.py)
  validate_profile(profile, fields) -> list[str]   Chinese messages naming the faulty field
  validate_value(spec, value) -> str | None
"""

from knowledge.eligibility.evaluate import evaluate, evaluate_criterion
from knowledge.eligibility.loader import RuleError, load_fields, load_rule_sets
from knowledge.eligibility.model import (
    Criterion,
    CriterionResult,
    FieldSpec,
    Force,
    Messages,
    RuleSet,
    Status,
    Verdict,
)
from knowledge.eligibility.validate import validate_profile, validate_value

__all__ = [
    "Criterion",
    "CriterionResult",
    "FieldSpec",
    "Force",
    "Messages",
    "RuleError",
    "RuleSet",
    "Status",
    "Verdict",
    "evaluate",
    "evaluate_criterion",
    "load_fields",
    "load_rule_sets",
    "validate_profile",
    "validate_value",
]
