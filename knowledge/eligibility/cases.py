"""Test cases that sit beside each rule set (knowledge/data/rules/cases/<region>.yaml), as OpenFisca does.

A case is a profile and what evaluating it must give:
  - name: 床位差2张
    profile: {open_beds: 28, ...}        # absent fields are unknown
    verdict: not_eligible                 # eligible | not_eligible | incomplete
    conditional: false                    # optional (Verdict.conditional)
    reported_only: false                  # optional (Verdict.reported_only)
    statuses: {open-beds: fail}           # optional, criterion id -> status (those listed only)
    values: {c6-gps-per-10k: 2.5}         # optional, criterion id -> value (derived ones: computed)
    gaps: {open-beds: 2}                  # optional, criterion id -> gap
    messages: {open-beds: 还差2张}         # optional, criterion id -> text the message must contain
    audit: [C1]                           # optional: the audit items this case would have caught
Run by `kb check` and by tests/knowledge/eligibility/test_cases.py (model: knowledge/schema.py CaseModel).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.eligibility.evaluate import evaluate
from knowledge.eligibility.model import FieldSpec, RuleSet
from knowledge.eligibility.schema import CaseModel
from knowledge.eligibility.validate import validate_profile
from knowledge.schema import read_yaml, validate_list


class CaseError(ValueError):
    """A cases file does not follow the schema (the message names file, case and field)."""


@dataclass(frozen=True)
class Case:
    name: str
    profile: dict[str, Any]
    verdict: str
    conditional: bool | None = None
    statuses: dict[str, str] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    gaps: dict[str, Any] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)
    reported_only: bool | None = None
    audit: tuple[str, ...] = ()


def read_cases(root: Path, region: str) -> tuple[list[Case], list[str]]:
    """rules/cases/<region>.yaml: the cases that follow the schema, and one message per fault."""
    where = f"rules/cases/{region}.yaml"
    path = root / "rules" / "cases" / f"{region}.yaml"
    if not path.exists():
        return [], []
    try:
        raw = read_yaml(path)
    except yaml.YAMLError as exc:
        return [], [f"{where}: -: YAML does not parse: {exc}".replace("\n", " ")]
    good, errors = validate_list(CaseModel, raw, where, key="name")
    cases = [
        Case(
            name=m.name,
            profile=dict(m.profile),
            verdict=m.verdict,
            conditional=m.conditional,
            statuses=dict(m.statuses),
            values=dict(m.values),
            gaps=dict(m.gaps),
            messages=dict(m.messages),
            reported_only=m.reported_only,
            audit=tuple(m.audit),
        )
        for m, _ in good
    ]
    return cases, errors


def load_cases(root: Path, region: str) -> list[Case]:
    """rules/cases/<region>.yaml ([] when there is none); raises CaseError naming every fault."""
    cases, errors = read_cases(root, region)
    if errors:
        raise CaseError("; ".join(errors))
    return cases


def run_case(case: Case, rule_set: RuleSet, fields: dict[str, FieldSpec]) -> list[str]:
    """What differs from the expectation (empty when the case passes)."""
    faults = [f"profile: {e}" for e in validate_profile(case.profile, fields)]
    ids = {c.id for c in rule_set.criteria}
    for key in (*case.statuses, *case.values, *case.gaps, *case.messages):
        if key not in ids:
            faults.append(f"names unknown criterion {key!r}")
    if faults:
        return faults
    verdict = evaluate(case.profile, rule_set)
    if verdict.verdict != case.verdict:
        faults.append(f"verdict {verdict.verdict}, expected {case.verdict}")
    if case.conditional is not None and verdict.conditional != case.conditional:
        faults.append(f"conditional {verdict.conditional}, expected {case.conditional}")
    if case.reported_only is not None and verdict.reported_only != case.reported_only:
        faults.append(f"reported_only {verdict.reported_only}, expected {case.reported_only}")
    results = {r.id: r for r in verdict.criteria}
    for cid, status in case.statuses.items():
        if results[cid].status != status:
            faults.append(f"{cid}: status {results[cid].status}, expected {status} ({results[cid].message})")
    for cid, value in case.values.items():
        if not _same(results[cid].value, value):
            faults.append(f"{cid}: value {results[cid].value!r}, expected {value!r}")
    for cid, gap in case.gaps.items():
        if not _same(results[cid].gap, gap):
            faults.append(f"{cid}: gap {results[cid].gap!r}, expected {gap!r}")
    for cid, text in case.messages.items():
        if text not in results[cid].message:
            faults.append(f"{cid}: message {results[cid].message!r} lacks {text!r}")
    return faults


def _same(actual: Any, expected: Any) -> bool:
    if isinstance(expected, float | int) and not isinstance(expected, bool) and isinstance(actual, float | int):
        return math.isclose(actual, expected, rel_tol=1e-9, abs_tol=0.005)
    return actual == expected
