"""Loading profile fields (knowledge/data/fields.yaml) and rule sets (knowledge/data/rules/<region>.yaml).

The shapes are pydantic models (knowledge/schema.py FieldModel, RuleSetModel, CriterionModel); this
module adds what needs another file: a criterion's profile fields and derived function exist, its
comparison suits the field, its citation names a known document of the right kind, and its force
fits where it is cited (a condition, disqualifier or principle cites a passage that states the
conditions for the name, a norm one that does not, a principle says 原则上). Every fault is reported
as `file: entry: message`, so a typo in the YAML is found by `kb check` and the tests, not by a director.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.documents import Catalogue, Citation, load_catalogue
from knowledge.eligibility import texts as T
from knowledge.eligibility.derived import DERIVED
from knowledge.eligibility.model import Criterion, FieldSpec, Messages, RuleSet
from knowledge.eligibility.schema import NUMERIC_COMPARISONS, CriterionModel, FieldModel, RuleSetModel
from knowledge.schema import duplicates, entry_name, line, read_yaml
from knowledge.schema import validate_list as _validate_list

FIELDS_FILE = "fields.yaml"
PRINCIPLE_WORD = "原则上"


class RuleError(ValueError):
    """A fields or rules YAML entry is malformed (the message names file, entry and fault)."""


# ---------------------------------------------------------------- fields


def read_fields(root: Path) -> tuple[dict[str, FieldSpec], list[str]]:
    """fields.yaml: the good fields by name, and one `fields.yaml: name: message` per fault."""
    try:
        raw = read_yaml(root / FIELDS_FILE)
    except (OSError, yaml.YAMLError) as exc:
        return {}, [f"{FIELDS_FILE}: -: cannot read: {exc}".replace("\n", " ")]
    good, errors = _validate_list(FieldModel, raw, FIELDS_FILE, key="name")
    errors += [f"{FIELDS_FILE}: {n}: defined twice" for n in duplicates(m.name for m, _ in good)]
    return {m.name: _field(m) for m, _ in good}, errors


def load_fields(root: Path) -> dict[str, FieldSpec]:
    """fields.yaml by field name; raises RuleError naming every fault."""
    fields, errors = read_fields(root)
    if errors:
        raise RuleError("; ".join(errors))
    return fields


def _field(m: FieldModel) -> FieldSpec:
    return FieldSpec(
        name=m.name,
        kind=m.kind,
        label=m.label,
        unit=m.unit,
        question=m.question,
        help=m.help,
        min=m.min,
        max=m.max,
        choices=tuple((c.value, c.label) for c in m.choices),
        allow_unknown=m.allow_unknown,
        citations=tuple(Citation.of(c) for c in m.citations),
        plausible=m.plausible,
    )


# ---------------------------------------------------------------- rule sets


def read_rule_sets(
    root: Path, fields: dict[str, FieldSpec], catalogue: Catalogue
) -> tuple[dict[str, RuleSet], list[str]]:
    """Every rules/<region>.yaml: the rule sets that load, and every fault as `rules/file: id: message`."""
    sets: dict[str, RuleSet] = {}
    errors: list[str] = []
    for path in sorted((root / "rules").glob("*.yaml")):
        try:
            raw = read_yaml(path)
            rule_set = rule_set_from_dict(raw, fields, path.name, catalogue)
        except yaml.YAMLError as exc:
            errors.append(f"rules/{path.name}: -: YAML does not parse: {exc}".replace("\n", " "))
            continue
        except RuleError as exc:
            errors.extend(f"rules/{line}" for line in str(exc).split("\n"))
            continue
        if rule_set.region != path.stem:
            errors.append(f"rules/{path.name}: -: region {rule_set.region!r} does not match the file name")
            continue
        sets[rule_set.region] = rule_set
    return sets, errors


def load_rule_sets(
    root: Path, fields: dict[str, FieldSpec] | None = None, catalogue: Catalogue | None = None
) -> dict[str, RuleSet]:
    """Every rule set by region; raises RuleError naming each fault."""
    fields = fields if fields is not None else load_fields(root)
    catalogue = catalogue if catalogue is not None else load_catalogue(root)
    sets, errors = read_rule_sets(root, fields, catalogue)
    if errors:
        raise RuleError("\n".join(errors))
    return sets


def rule_set_from_dict(raw: Any, fields: dict[str, FieldSpec], file: str, catalogue: Catalogue) -> RuleSet:
    """A rule set from its YAML mapping; raises RuleError with one `file: entry: message` line per fault."""
    if not isinstance(raw, dict):
        raise RuleError(f"{file}: -: the file must be a mapping with region, title, criteria")
    faults: list[str] = []
    try:
        model = RuleSetModel.model_validate(raw)
    except ValidationError as exc:
        for e in exc.errors():
            loc = e["loc"]
            if len(loc) >= 2 and loc[0] == "criteria" and isinstance(loc[1], int):
                items = raw.get("criteria") or []
                item = items[loc[1]] if loc[1] < len(items) else None
                faults.append(f"{file}: {entry_name(item, loc[1] + 1)}: {line(e, skip=2)}")
            else:
                faults.append(f"{file}: -: {line(e)}")
        raise RuleError("\n".join(faults)) from exc
    conditions = tuple((s.document, s.section) for s in model.conditions_from)
    criteria, targets = [], []
    every = [(c, False) for c in model.criteria] + [(c, True) for c in model.targets]
    for c, target in every:
        problems = _cross_check(c, fields, catalogue, conditions)
        if target and c.force != "norm":
            problems.append("a target is a norm: a plan's work target, never a condition for the name")
        if problems:
            faults += [f"{file}: {c.id}: {p}" for p in problems]
        else:
            (targets if target else criteria).append(_criterion(c, fields, catalogue))
    faults += [f"{file}: {i}: criterion id used twice" for i in duplicates(c.id for c, _ in every)]
    faults += [f"{file}: -: conditions_from names unknown document {d!r}" for d, _ in conditions if d not in catalogue]
    if faults:
        raise RuleError("\n".join(faults))
    return RuleSet(
        region=model.region,
        title=model.title,
        criteria=tuple(criteria),
        targets=tuple(targets),
        notes=tuple(model.notes),
        file=file,
        conditions_from=conditions,
    )


def _cross_check(
    c: CriterionModel, fields: dict[str, FieldSpec], catalogue: Catalogue, conditions: tuple[tuple[str, str], ...]
) -> list[str]:
    """What the criterion's own model cannot know: other files, and the force against its citation."""
    problems: list[str] = []
    if c.derived is not None and c.derived not in DERIVED:
        return [f"unknown derived function {c.derived!r} (known: {', '.join(DERIVED)})"]
    inputs = DERIVED[c.derived].inputs if c.derived else (str(c.field),)
    unknown = [name for name in inputs if name not in fields]
    if unknown:
        return [f"unknown profile field {name!r} (not in fields.yaml)" for name in unknown]
    value_kind = DERIVED[c.derived].kind if c.derived else fields[inputs[0]].kind
    if c.derived and c.compare in ("==", "in"):
        problems.append(f"compare {c.compare} is not allowed on a derived value")
    if c.compare in NUMERIC_COMPARISONS and value_kind not in ("int", "number", "percent"):
        problems.append(f"compare {c.compare} on a non-numeric value ({value_kind})")
    if c.compare in ("is_true", "is_false") and value_kind != "bool":
        problems.append(f"compare {c.compare} on a non-bool value ({value_kind})")
    if c.compare in ("==", "in") and not c.derived and fields[inputs[0]].kind == "choice":
        allowed = {v for v, _ in fields[inputs[0]].choices}
        values = c.limit if isinstance(c.limit, list) else [c.limit]
        if not set(values) <= allowed:
            problems.append(f"limit {c.limit!r} is not among the choices of {inputs[0]}")
    doc = catalogue.get(c.citation.document)
    if doc is None:
        return [*problems, f"citation names unknown document {c.citation.document!r}"]
    if doc.secondary != (c.force == "reported"):
        problems.append("force reported goes exactly with a citation of a secondary note (a news report)")
    states_conditions = any(c.citation.document == d and c.citation.section.startswith(s) for d, s in conditions)
    if c.force in ("condition", "disqualifier", "principle") and not states_conditions:
        problems.append(
            f"a {c.force} must cite a passage listed in conditions_from (where the text states the "
            "conditions for the 社区医院 name); a rule stated elsewhere in a plan is a norm"
        )
    if c.force == "norm" and states_conditions:
        problems.append("a norm cites a passage that states the conditions for the name: is it a condition?")
    if c.force == "principle" and PRINCIPLE_WORD not in c.citation.quote:
        problems.append(f"a principle's quote must show the text's {PRINCIPLE_WORD}")
    return problems


def _criterion(c: CriterionModel, fields: dict[str, FieldSpec], catalogue: Catalogue) -> Criterion:
    inputs = DERIVED[c.derived].inputs if c.derived else (str(c.field),)
    citation = Citation.of(c.citation)
    unit = c.unit if c.unit is not None else (DERIVED[c.derived].unit if c.derived else fields[inputs[0]].unit)
    limit = tuple(c.limit) if isinstance(c.limit, list) else c.limit
    return Criterion(
        id=c.id,
        force=c.force,
        title=c.title,
        fields=inputs,
        why=c.why,
        citation=citation,
        compare=c.compare,
        limit=limit,
        derived=c.derived,
        unit=unit,
        messages=Messages(
            c.pass_,
            c.fail,
            c.unknown.strip() or unknown_message(inputs, c.derived, fields),
            c.at_limit.strip(),
            "" if c.unknown.strip() else unknown_message(inputs, c.derived, fields, unsure=True),
        ),
        provenance=c.provenance,
        decimals=c.decimals,
        source=catalogue.source_for(citation),
        premise=c.premise,
        premise_fail=c.premise_fail.strip(),
    )


def unknown_message(
    inputs: tuple[str, ...], derived: str | None, fields: dict[str, FieldSpec], unsure: bool = False
) -> str:
    """The default text of an unknown criterion, naming what is missing by its Chinese label; `unsure`:
    the text when what is missing was answered 不清楚 (newcomer trial 4, F37: not "尚未填写")."""
    labels = (T.JOIN_ANY if derived else T.JOIN_ALL).join(T.LABEL.format(label=fields[f].label) for f in inputs)
    if derived:
        template = T.UNSURE_DERIVED if unsure else T.UNKNOWN_DERIVED
        return template.format(labels=labels, quantity=DERIVED[derived].label)
    return (T.UNSURE_INPUTS if unsure else T.UNKNOWN_INPUTS).format(labels=labels)
