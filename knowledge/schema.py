"""The shapes of the YAML files under knowledge/data, as pydantic models.

Each loader validates its file with these models and turns a `ValidationError` into messages in
the `file: entry: message` shape that `kb check` prints ("faq/jilin-2020.yaml: jilin-2020-open-beds:
citations.0.quote: missing or empty"). What needs another file (a profile field named by a rule,
a document named by a citation) is checked by the loader that has both; what needs the source texts
(quotes) by `kb check`. This module holds the shared helpers and the models of documents, regions,
FAQ entries and governing texts; the rule and calendar models sit beside their loaders
(knowledge/eligibility/schema.py, knowledge/calendar/schema.py).

Models are frozen and forbid unknown keys, so a misspelt key ("phrasing:") is an error, not a
silently ignored line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from knowledge.yaml_read import read_yaml as read_yaml  # the loaders import it from here

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]

DocumentKind = Literal["official", "secondary"]
Dates = Literal["yearly", "one-off", "rolling", "none"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class CitationModel(Model):
    document: Text
    section: Text
    quote: Text


# ---------------------------------------------------------------- documents and regions


class PeriodModel(Model):
    """When a text governs: see the header of documents.yaml."""

    start: dt.date
    end: dt.date | None = None
    dates: Dates
    inferred: bool = False
    note: str = ""
    citation: CitationModel | None = None

    @model_validator(mode="after")
    def _consistent(self) -> PeriodModel:
        if self.end is not None and self.end < self.start:
            raise ValueError("end is before start")
        if self.inferred and not self.note.strip():
            raise ValueError("an inferred period needs a note saying how it was read")
        if not self.inferred and self.citation is None and self.dates != "none":
            raise ValueError("a period the text states needs the citation that states it (or inferred: true)")
        return self


class DocumentModel(Model):
    id: Id
    title: Text
    short: Text
    number: str
    issuer: Text
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}-\d{2})?$")]
    date_note: str = ""
    region: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://")] | None
    kind: DocumentKind
    note: str = ""
    names: Annotated[list[Text], Field(min_length=1)]
    periods: Annotated[list[PeriodModel], Field(min_length=1)]

    @model_validator(mode="after")
    def _periods_in_order(self) -> DocumentModel:
        for before, after in pairwise(self.periods):
            if before.end is None or after.start <= before.end:
                raise ValueError("periods must follow each other without overlapping")
        return self


class RegionModel(Model):
    id: Id
    name: Text
    short: Text
    aliases: list[Text]
    municipality: bool = False
    # the entry on the province-level plan this region's plan rests on (not held), shown to the
    # province's other places (重庆渝北区 → 渝卫办发〔2021〕7号, cited by 渝中's plan)
    province_plan: Id | None = None


# ---------------------------------------------------------------- FAQ


class FaqModel(Model):
    id: Id
    regions: Annotated[list[Text], Field(min_length=1)]
    topic: Id | None = None
    question: Text
    phrasings: Annotated[list[Text], Field(min_length=1)]
    answer: Text
    citations: Annotated[list[CitationModel], Field(min_length=1)]
    secondary: bool = False
    provenance: str | None = None
    overview: bool = False
    section_overview: bool = False

    @model_validator(mode="after")
    def _secondary_has_provenance(self) -> FaqModel:
        if self.secondary and not (self.provenance or "").strip():
            raise ValueError("a secondary entry needs provenance (who reported it, when)")
        return self


# ---------------------------------------------------------------- governing texts


class ProvisionModel(Model):
    """Where a text speaks to a point: a whole section, or (with quote) the sentence holding it."""

    section: Text
    quote: Text | None = None


class GoverningTextModel(Model):
    """One text's say on a point: where it says it, and what it says (Chinese, with the citation
    that shows it)."""

    document: Id
    provisions: Annotated[list[ProvisionModel], Field(min_length=1)]
    says: Text
    citation: CitationModel

    @model_validator(mode="after")
    def _citation_is_one_of_the_provisions(self) -> GoverningTextModel:
        sections = {p.section for p in self.provisions}
        if self.citation.document != self.document or not any(self.citation.section.startswith(s) for s in sections):
            raise ValueError("the citation must be in one of the text's own provisions")
        return self


class PointModel(Model):
    id: Id
    name: Text
    texts: Annotated[list[GoverningTextModel], Field(min_length=1)]  # oldest first


class GoverningModel(Model):
    region: Text
    ask: Text  # whom to ask when no loaded text covers a date
    points: Annotated[list[PointModel], Field(min_length=1)]


# ---------------------------------------------------------------- error messages


def messages(error: ValidationError) -> list[str]:
    """One line per fault: "field.path: what is wrong" (pydantic's wording, shortened)."""
    return [line(e) for e in error.errors()]


def line(e: Any, skip: int = 0) -> str:
    """One pydantic error as "field.path: what is wrong", leaving out the first `skip` path parts."""
    path = ".".join(str(part) for part in e["loc"][skip:])
    return f"{path}: {_reason(e)}" if path else _reason(e)


def _reason(e: Any) -> str:
    kind = e["type"]
    if kind == "missing":
        return "missing"
    if kind == "extra_forbidden":
        return "unknown key"
    if kind in ("string_too_short", "too_short"):
        return "missing or empty"
    if kind == "string_pattern_mismatch":
        return f"must match {e['ctx']['pattern']}"
    if kind == "value_error":
        return str(e["msg"]).removeprefix("Value error, ")
    return str(e["msg"])


def entry_name(raw: Any, i: int, key: str = "id") -> str:
    """How an error names an entry: its id (or name), else its position."""
    if isinstance(raw, dict) and raw.get(key):
        return str(raw[key])
    return f"entry {i}"


def validate_list(model: type[Model], raw: Any, where: str, key: str = "id") -> tuple[list[tuple[Any, Any]], list[str]]:
    """Validate a YAML list of entries: (model, raw) pairs for the good ones, and one message per
    fault of the others in the `file: entry: message` shape."""
    if raw is None:
        return [], []
    if not isinstance(raw, list):
        return [], [f"{where}: -: the file must be a list of entries"]
    good: list[tuple[Any, Any]] = []
    errors: list[str] = []
    for i, item in enumerate(raw, 1):
        try:
            good.append((model.model_validate(item), item))
        except ValidationError as exc:
            errors.extend(f"{where}: {entry_name(item, i, key)}: {m}" for m in messages(exc))
    return good, errors


def duplicates(ids: Iterable[str]) -> list[str]:
    """The ids that occur more than once, in order of their second occurrence."""
    seen: set[str] = set()
    twice: list[str] = []
    for i in ids:
        if i in seen and i not in twice:
            twice.append(i)
        seen.add(i)
    return twice
