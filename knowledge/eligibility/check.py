"""`kb check` for eligibility: fields and rule sets load (schema, known fields and documents, forces
that fit where they are cited — see loader.py), a priority cites a passage that speaks of 优先, every
citation (criteria and field help) verifies against the stored source text, every region has a rule
set, and its cases pass."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.citations import verify
from knowledge.eligibility.cases import read_cases, run_case
from knowledge.eligibility.loader import read_fields, read_rule_sets

if TYPE_CHECKING:  # a check reads the knowledge base it is given; the base does not depend on it
    from knowledge.base import KnowledgeBase

MIN_CASES = 10
PRIORITY_WORD = "优先"


def check_rules(kb: KnowledgeBase) -> list[str]:
    """kb check for fields, rule sets and their cases (see the module docstring)."""
    fields, errors = read_fields(kb.root)
    for spec in fields.values():
        for j, c in enumerate(spec.citations, 1):
            if fault := verify(kb.documents, c.document, c.section, c.quote):
                errors.append(f"fields.yaml: {spec.name}: citation {j}: {fault}")
    if errors:
        return errors
    rule_sets, errors = read_rule_sets(kb.root, fields, kb.catalogue)
    for rule_set in rule_sets.values():
        where = f"rules/{rule_set.file}"
        for c in rule_set.weighed().criteria:
            if fault := verify(kb.documents, c.citation.document, c.citation.section, c.citation.quote):
                errors.append(f"{where}: {c.id}: citation: {fault}")
                continue
            section = kb.documents[c.citation.document].sections.get(c.citation.section, "")
            if c.force == "priority" and PRIORITY_WORD not in section:
                errors.append(f"{where}: {c.id}: a priority must cite a passage that speaks of {PRIORITY_WORD}遴选")
        for document, section in rule_set.conditions_from:
            doc = kb.documents.get(document)
            if doc is None or section not in doc.sections:
                errors.append(f"{where}: -: conditions_from: {document} has no section {section!r}")
        cases, faults = read_cases(kb.root, rule_set.region)
        errors += faults
        if len(cases) < MIN_CASES:
            errors.append(f"rules/cases/{rule_set.file}: -: {len(cases)} cases (at least {MIN_CASES} needed)")
        for case in cases:
            errors.extend(f"rules/cases/{rule_set.file}: {case.name}: {f}" for f in run_case(case, rule_set, fields))
    present = set(rule_sets)
    failed_files = {e.split(":")[0].removeprefix("rules/").removesuffix(".yaml") for e in errors}
    errors.extend(
        f"rules: -: region {r} has no rule set" for r in kb.regions.ids if r not in present and r not in failed_files
    )
    return errors
