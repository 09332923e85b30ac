"""The shapes of the YAML files under knowledge/data, as pydantic models.

Each loader validates its file with these models and turns a `ValidationError` into messages in
the `file: entry: message` shape that `kb check` prints ("faq/jilin-2020.yaml: jilin-2020-open-beds:
citations.0.quote: missing or empty"). What needs another file (a profile field named by a rule,
a document named by a citation) is checked by the loader that has both; what needs the source texts
(quotes) by `kb check`.

Models are frozen and forbid unknown keys, so a misspelt key ("phrasing:") is an error, not a
silently ignored line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]

Force = Literal["condition", "disqualifier", "priority", "principle", "norm", "reported"]
FieldKind = Literal["bool", "int", "number", "percent", "choice"]
Comparison = Literal[">=", "<=", ">", "<", "==", "in", "is_true", "is_false"]
NUMERIC_COMPARISONS = (">=", "<=", ">", "<")
VerdictValue = Literal["eligible", "not_eligible", "incomplete"]
Status = Literal["pass", "fail", "unknown", "warning", "not_met"]
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

    @model_validator(mode="after")
    def _secondary_has_provenance(self) -> FaqModel:
        if self.secondary and not (self.provenance or "").strip():
            raise ValueError("a secondary entry needs provenance (who reported it, when)")
        return self


# ---------------------------------------------------------------- profile fields and rules


class ChoiceModel(Model):
    value: Text
    label: Text


class FieldModel(Model):
    """One profile field (fields.yaml). `help` says only what a source says; `citations` are the
    passages it rests on (verified like any other citation)."""

    name: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")]
    kind: FieldKind
    label: Text
    unit: str = ""
    question: Text
    help: Text
    min: float | None = None
    max: float | None = None
    choices: list[ChoiceModel] = []
    allow_unknown: bool = True
    citations: list[CitationModel] = []

    @model_validator(mode="after")
    def _choices(self) -> FieldModel:
        if self.kind == "choice" and not self.choices:
            raise ValueError("a choice field needs choices")
        if self.kind != "choice" and self.choices:
            raise ValueError("only a choice field has choices")
        return self


class CriterionModel(Model):
    """One criterion of a rule set. `force` says what it does to the verdict (see
    knowledge/eligibility/model.py); the comparison states the condition that holds, for a
    disqualifier the harmless case (is_false: "fail" means it applies)."""

    id: Id
    force: Force
    title: Text
    field: Text | None = None
    derived: Text | None = None
    compare: Comparison = "is_true"
    limit: float | int | str | list[str] | None = None
    why: Text
    pass_: Text = Field(alias="pass")
    fail: Text
    unknown: str = ""
    citation: CitationModel
    provenance: str | None = None
    unit: str | None = None
    decimals: Annotated[int, Field(ge=0, le=6)] = 2

    @model_validator(mode="after")
    def _consistent(self) -> CriterionModel:
        if (self.field is None) == (self.derived is None):
            raise ValueError("give exactly one of field and derived")
        numeric = isinstance(self.limit, int | float) and not isinstance(self.limit, bool)
        if self.compare in NUMERIC_COMPARISONS and not numeric:
            raise ValueError(f"compare {self.compare} needs a numeric limit")
        if self.compare == "in" and not (isinstance(self.limit, list) and self.limit):
            raise ValueError("compare in needs a non-empty list limit")
        if self.compare == "==" and self.limit is None:
            raise ValueError("compare == needs a limit")
        if self.compare in ("is_true", "is_false") and self.limit is not None:
            raise ValueError(f"compare {self.compare} takes no limit")
        if (self.force == "reported") != bool((self.provenance or "").strip()):
            raise ValueError("a reported criterion needs provenance (who reported it, when), and only it")
        return self


class ConditionSource(Model):
    """A passage that states conditions for the 社区医院 name (遴选条件, 验收指标, 否决情形)."""

    document: Text
    section: Text


class RuleSetModel(Model):
    region: Text
    title: Text
    notes: list[Text] = []
    # Where the conditions for the name are stated: a condition, disqualifier or principle must
    # cite one of these sections; a norm must not (it is stated elsewhere in a plan).
    conditions_from: Annotated[list[ConditionSource], Field(min_length=1)]
    criteria: Annotated[list[CriterionModel], Field(min_length=1)]


class CaseModel(Model):
    """A rule test case (rules/cases/<region>.yaml); `audit` names the audit items it guards."""

    name: Text
    profile: dict[str, Any] = {}
    verdict: VerdictValue
    conditional: bool | None = None
    reported_only: bool | None = None
    statuses: dict[str, Status] = {}
    values: dict[str, Any] = {}
    gaps: dict[str, Any] = {}
    messages: dict[str, str] = {}
    audit: list[Text] = []


# ---------------------------------------------------------------- calendars


class MaterialModel(Model):
    id: Id
    name: Text
    citation: CitationModel


class StageModel(Model):
    id: Id
    name: Text
    actor: Text
    next_step: str = ""
    citation: CitationModel | None = None
    materials: list[MaterialModel] = []


class YearlyModel(Model):
    month: Annotated[int, Field(ge=1, le=12)]
    day: Annotated[int, Field(ge=1, le=31)]
    first_year: int
    last_year: int | None = None
    exceptions: dict[int, dt.date] = {}
    exception_note: str = ""

    @model_validator(mode="after")
    def _real_day(self) -> YearlyModel:
        dt.date(2000, self.month, self.day)  # 2000 is a leap year, so 2/29 is allowed
        if self.last_year is not None and self.last_year < self.first_year:
            raise ValueError("last_year before first_year")
        return self


YearMonth = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]


class MonthlyModel(Model):
    day: Annotated[int, Field(ge=1, le=31)]
    from_: YearMonth = Field(alias="from")
    until: YearMonth | None = None

    @model_validator(mode="after")
    def _ordered(self) -> MonthlyModel:
        if self.until is not None and self.until < self.from_:
            raise ValueError("until before from")
        return self


class DeadlineModel(Model):
    id: Id
    title: Text
    actor: str = ""
    stage: Id | None = None
    yearly: YearlyModel | None = None
    once: dt.date | None = None
    monthly: MonthlyModel | None = None
    postpone: bool = False  # true only where the text says 顺延
    note: str = ""
    citation: CitationModel

    @model_validator(mode="after")
    def _one_kind(self) -> DeadlineModel:
        kinds = [k for k in ("yearly", "once", "monthly") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(f"exactly one of yearly/once/monthly, got {kinds}")
        return self


class StatusNoteModel(Model):
    """A note on the region's schedule that holds from one day to another (either end open)."""

    from_: dt.date | None = Field(default=None, alias="from")
    until: dt.date | None = None
    text: Text
    citations: Annotated[list[CitationModel], Field(min_length=1)]

    @model_validator(mode="after")
    def _ordered(self) -> StatusNoteModel:
        if self.from_ is not None and self.until is not None and self.until < self.from_:
            raise ValueError("until before from")
        return self


class CalendarModel(Model):
    region: Text
    status_notes: list[StatusNoteModel] = []
    stages: list[StageModel] = []
    deadlines: list[DeadlineModel] = []


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
    seen: set[str] = set()
    twice: list[str] = []
    for i in ids:
        if i in seen and i not in twice:
            twice.append(i)
        seen.add(i)
    return twice
