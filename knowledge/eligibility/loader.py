"""Loading profile fields (knowledge/data/fields.yaml) and rule sets (knowledge/data/rules/<region>.yaml).

The loader checks the shape of every entry and raises RuleError naming file, entry and fault, so a
typo in the YAML is found by `kb check` and the tests, not by a director.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from knowledge.eligibility import texts as T
from knowledge.eligibility.derived import DERIVED
from knowledge.eligibility.model import Criterion, FieldSpec, Messages, RuleSet
from knowledge.faq import Citation
from knowledge.search.model import Source

FIELD_KINDS = ("bool", "int", "number", "percent", "choice")
CRITERION_KINDS = ("required", "disqualifier", "priority")
COMPARISONS = (">=", "<=", ">", "<", "==", "in", "is_true", "is_false")
NUMERIC_COMPARISONS = (">=", "<=", ">", "<")


class RuleError(ValueError):
    """A fields or rules YAML entry is malformed."""


def load_fields(root: Path) -> dict[str, FieldSpec]:
    path = root / "fields.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    fields: dict[str, FieldSpec] = {}
    for item in raw:
        spec = field_from_dict(item, path.name)
        if spec.name in fields:
            raise RuleError(f"{path.name}: field {spec.name}: defined twice")
        fields[spec.name] = spec
    return fields


def field_from_dict(raw: dict[str, Any], file: str = "") -> FieldSpec:
    name = str(raw.get("name", ""))
    where = f"{file}: field {name or '?'}"
    kind = raw.get("kind")
    if kind not in FIELD_KINDS:
        raise RuleError(f"{where}: kind must be one of {', '.join(FIELD_KINDS)}, not {kind!r}")
    for key in ("name", "label", "question", "help"):
        if not str(raw.get(key) or "").strip():
            raise RuleError(f"{where}: {key} is missing")
    choices = tuple((str(c["value"]), str(c["label"])) for c in raw.get("choices") or ())
    if kind == "choice" and not choices:
        raise RuleError(f"{where}: a choice field needs choices")
    plausible = raw.get("plausible")
    if plausible is not None:
        ok = isinstance(plausible, list) and len(plausible) == 2 and all(isinstance(x, int | float) for x in plausible)
        if not ok or plausible[0] > plausible[1] or kind not in ("int", "number", "percent"):
            raise RuleError(f"{where}: plausible must be [low, high] on a numeric field, not {plausible!r}")
    return FieldSpec(
        name=name,
        kind=kind,
        label=str(raw["label"]).strip(),
        unit=str(raw.get("unit") or ""),
        question=str(raw["question"]).strip(),
        help=str(raw["help"]).strip(),
        min=None if raw.get("min") is None else float(raw["min"]),
        max=None if raw.get("max") is None else float(raw["max"]),
        choices=choices,
        allow_unknown=bool(raw.get("allow_unknown", True)),
        plausible=None if plausible is None else (float(plausible[0]), float(plausible[1])),
    )


def load_rule_sets(root: Path) -> dict[str, RuleSet]:
    fields = load_fields(root)
    documents = document_metadata(root)
    sets: dict[str, RuleSet] = {}
    for path in sorted((root / "rules").glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rule_set = rule_set_from_dict(raw, fields, path.name, documents)
        if rule_set.region != path.stem:
            raise RuleError(f"{path.name}: region {rule_set.region!r} does not match the file name")
        sets[rule_set.region] = rule_set
    return sets


def document_metadata(root: Path) -> dict[str, dict[str, Any]]:
    """documents.yaml by id (short name, number, kind), to show a citation as a Source."""
    path = root / "documents.yaml"
    if not path.exists():
        return {}
    return {str(d["id"]): d for d in yaml.safe_load(path.read_text(encoding="utf-8")) or []}


def rule_set_from_dict(
    raw: dict[str, Any],
    fields: dict[str, FieldSpec],
    file: str = "",
    documents: dict[str, dict[str, Any]] | None = None,
) -> RuleSet:
    """A rule set from its YAML; with `documents` (documents.yaml by id) every citation must name a
    known document, and a secondary criterion must cite a secondary one."""
    if not raw.get("region") or not raw.get("title"):
        raise RuleError(f"{file}: region and title are required")
    criteria = tuple(criterion_from_dict(c, fields, file, documents) for c in raw.get("criteria") or ())
    ids = [c.id for c in criteria]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuleError(f"{file}: criterion ids used twice: {', '.join(duplicates)}")
    return RuleSet(
        region=str(raw["region"]),
        title=str(raw["title"]).strip(),
        criteria=criteria,
        notes=tuple(str(n).strip() for n in raw.get("notes") or ()),
        file=file,
    )


def criterion_from_dict(
    raw: dict[str, Any],
    fields: dict[str, FieldSpec],
    file: str = "",
    documents: dict[str, dict[str, Any]] | None = None,
) -> Criterion:
    cid = str(raw.get("id", ""))
    where = f"{file}: criterion {cid or '?'}"
    for key in ("id", "kind", "title", "why", "citation", "pass", "fail"):
        if raw.get(key) in (None, ""):
            raise RuleError(f"{where}: {key} is missing")
    kind = raw["kind"]
    if kind not in CRITERION_KINDS:
        raise RuleError(f"{where}: kind must be one of {', '.join(CRITERION_KINDS)}, not {kind!r}")
    compare = raw.get("compare", "is_true")
    if compare not in COMPARISONS:
        raise RuleError(f"{where}: compare must be one of {', '.join(COMPARISONS)}, not {compare!r}")

    derived = raw.get("derived")
    if derived is not None:
        if derived not in DERIVED:
            raise RuleError(f"{where}: unknown derived function {derived!r} (known: {', '.join(DERIVED)})")
        if "field" in raw:
            raise RuleError(f"{where}: give either field or derived, not both")
        inputs = DERIVED[derived].inputs
    else:
        if not raw.get("field"):
            raise RuleError(f"{where}: field (or derived) is missing")
        inputs = (str(raw["field"]),)
    for name in inputs:
        if name not in fields:
            raise RuleError(f"{where}: unknown profile field {name!r} (not in fields.yaml)")

    limit = raw.get("limit")
    if compare in NUMERIC_COMPARISONS and not isinstance(limit, int | float):
        raise RuleError(f"{where}: compare {compare} needs a numeric limit")
    if compare == "in":
        if not isinstance(limit, list) or not limit:
            raise RuleError(f"{where}: compare in needs a list limit")
        limit = tuple(limit)
    if compare in ("is_true", "is_false") and limit is not None:
        raise RuleError(f"{where}: compare {compare} takes no limit")
    if derived is not None:
        value_kind = DERIVED[derived].kind
        if compare in ("==", "in"):
            raise RuleError(f"{where}: compare {compare} is not allowed on a derived value")
    else:
        value_kind = fields[inputs[0]].kind
    if compare in NUMERIC_COMPARISONS and value_kind not in ("int", "number", "percent"):
        raise RuleError(f"{where}: compare {compare} on a non-numeric value ({value_kind})")
    if compare in ("is_true", "is_false") and value_kind != "bool":
        raise RuleError(f"{where}: compare {compare} on a non-bool value ({value_kind})")
    if compare in ("==", "in") and derived is None:
        spec = fields[inputs[0]]
        allowed = {v for v, _ in spec.choices}
        values = limit if compare == "in" else (limit,)
        if spec.kind == "choice" and not set(values) <= allowed:
            raise RuleError(f"{where}: limit {limit!r} is not among the choices of {spec.name}")

    cite = raw["citation"]
    if not isinstance(cite, dict) or not all(cite.get(k) for k in ("document", "section", "quote")):
        raise RuleError(f"{where}: citation needs document, section and quote")
    citation = Citation(str(cite["document"]), str(cite["section"]), str(cite["quote"]))
    secondary = bool(raw.get("secondary", False))
    if secondary and not raw.get("provenance"):
        raise RuleError(f"{where}: a secondary criterion needs provenance (who reported it, when)")
    source = None
    if documents is not None:
        meta = documents.get(citation.document)
        if meta is None:
            raise RuleError(f"{where}: citation names unknown document {citation.document!r}")
        if (meta.get("kind") == "secondary") != secondary:
            raise RuleError(f"{where}: secondary must be true exactly when the cited document is a secondary note")
        source = Source(
            document=str(meta.get("short") or meta.get("title") or citation.document),
            number=str(meta.get("number") or ""),
            section=citation.section,
            quote=citation.quote,
            secondary=secondary,
        )
    if kind == "priority" and raw.get("principle"):
        raise RuleError(f"{where}: a priority criterion cannot be 'principle'")

    unknown = str(raw.get("unknown") or "").strip() or unknown_message(inputs, derived, fields)
    unit = raw.get("unit")
    if unit is None:
        unit = DERIVED[derived].unit if derived else fields[inputs[0]].unit
    return Criterion(
        id=cid,
        kind=kind,
        title=str(raw["title"]).strip(),
        fields=inputs,
        why=str(raw["why"]).strip(),
        citation=citation,
        principle=bool(raw.get("principle", False)),
        compare=compare,
        limit=limit,
        derived=derived,
        unit=str(unit),
        messages=Messages(str(raw["pass"]).strip(), str(raw["fail"]).strip(), unknown),
        secondary=secondary,
        provenance=raw.get("provenance"),
        decimals=int(raw.get("decimals", 2)),
        source=source,
    )


def unknown_message(inputs: tuple[str, ...], derived: str | None, fields: dict[str, FieldSpec]) -> str:
    """The default text of an unknown criterion, naming what is missing by its Chinese label."""
    labels = (T.JOIN_ANY if derived else T.JOIN_ALL).join(T.LABEL.format(label=fields[f].label) for f in inputs)
    if derived:
        return T.UNKNOWN_DERIVED.format(labels=labels, quantity=DERIVED[derived].label)
    return T.UNKNOWN_INPUTS.format(labels=labels)
