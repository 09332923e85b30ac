"""`kb check` for eligibility: fields and rule sets load, every criterion reads known fields, every
citation verifies against the stored source text, every region has a rule set and its cases pass."""

from __future__ import annotations

from typing import Any

import yaml

from knowledge.citations import verify
from knowledge.eligibility.cases import load_cases, run_case
from knowledge.eligibility.loader import RuleError, document_metadata, load_fields, rule_set_from_dict
from knowledge.regions import region_ids

MIN_CASES = 10
CRITERION_KEYS = {
    "id", "kind", "title", "field", "derived", "compare", "limit", "why", "pass", "fail", "unknown",
    "citation", "principle", "secondary", "provenance", "unit", "decimals",
}  # fmt: skip


def check_rules(kb: Any) -> list[str]:
    try:
        fields = load_fields(kb.root)
    except (OSError, yaml.YAMLError, RuleError, KeyError, TypeError, ValueError) as exc:
        return [f"fields.yaml: -: {exc}"]
    errors: list[str] = []
    documents = document_metadata(kb.root)
    present = set()
    for path in sorted((kb.root / "rules").glob("*.yaml")):
        where = f"rules/{path.name}"
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for item in raw.get("criteria") or ():
                extra = set(item) - CRITERION_KEYS
                if extra:
                    errors.append(f"{where}: {item.get('id', '?')}: unknown keys {sorted(extra)}")
            rule_set = rule_set_from_dict(raw, fields, path.name, documents)
        except (yaml.YAMLError, RuleError, KeyError, TypeError, ValueError, AttributeError) as exc:
            errors.append(f"{where}: -: {exc}".replace("\n", " "))
            continue
        if rule_set.region != path.stem:
            errors.append(f"{where}: -: region {rule_set.region!r} does not match the file name")
        present.add(rule_set.region)
        for c in rule_set.criteria:
            if fault := verify(kb.documents, c.citation.document, c.citation.section, c.citation.quote):
                errors.append(f"{where}: {c.id}: citation: {fault}")
        try:
            cases = load_cases(kb.root, rule_set.region)
        except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
            errors.append(f"rules/cases/{path.name}: -: {exc}".replace("\n", " "))
            continue
        if len(cases) < MIN_CASES:
            errors.append(f"rules/cases/{path.name}: -: {len(cases)} cases (at least {MIN_CASES} needed)")
        for case in cases:
            errors.extend(f"rules/cases/{path.name}: {case.name}: {f}" for f in run_case(case, rule_set, fields))
    errors.extend(f"rules: -: region {r} has no rule set" for r in region_ids(kb.root) if r not in present)
    return errors
