"""Test cases that sit beside each rule set (knowledge/data/rules/cases/<region>.yaml), as OpenFisca does.

A case is a profile and what evaluating it must give:
  - name: 床位差2张
    profile: {open_beds: 28, ...}        # absent fields are unknown
    verdict: not_eligible                 # eligible | not_eligible | incomplete
    conditional: false                    # optional (Verdict.conditional)
    statuses: {open-beds: fail}           # optional, criterion id -> status (those listed only)
    values: {c6-gps-per-10k: 2.5}         # optional, criterion id -> value (derived ones: computed)
    gaps: {open-beds: 2}                  # optional, criterion id -> gap
    messages: {open-beds: 还差2张}         # optional, criterion id -> text the message must contain
Run by `kb check` and by tests/knowledge/test_eligibility.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.eligibility.evaluate import evaluate
from knowledge.eligibility.model import FieldSpec, RuleSet
from knowledge.eligibility.validate import validate_profile

CASE_KEYS = {"name", "profile", "verdict", "conditional", "statuses", "values", "gaps", "messages"}


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


def load_cases(root: Path, region: str) -> list[Case]:
    path = root / "rules" / "cases" / f"{region}.yaml"
    if not path.exists():
        return []
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    cases = []
    for i, item in enumerate(raw, 1):
        unknown = set(item) - CASE_KEYS
        if unknown:
            raise ValueError(f"rules/cases/{region}.yaml: case {i}: unknown keys {sorted(unknown)}")
        cases.append(
            Case(
                name=str(item.get("name") or f"case {i}"),
                profile=dict(item.get("profile") or {}),
                verdict=str(item["verdict"]),
                conditional=item.get("conditional"),
                statuses=dict(item.get("statuses") or {}),
                values=dict(item.get("values") or {}),
                gaps=dict(item.get("gaps") or {}),
                messages=dict(item.get("messages") or {}),
            )
        )
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
