"""The shapes of fields.yaml, rules/<region>.yaml and rules/cases/<region>.yaml, as pydantic models
(shared helpers and error messages: knowledge/schema.py)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from knowledge.schema import CitationModel, Id, Model, Text

Force = Literal["condition", "disqualifier", "priority", "principle", "norm", "reported"]
FieldKind = Literal["bool", "int", "number", "percent", "choice"]
Comparison = Literal[">=", "<=", ">", "<", "==", "in", "is_true", "is_false"]
NUMERIC_COMPARISONS = (">=", "<=", ">", "<")
VerdictValue = Literal["eligible", "not_eligible", "incomplete"]
Status = Literal["pass", "fail", "unknown", "warning", "not_met"]


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
    choices: list[ChoiceModel] = Field(default_factory=list)
    allow_unknown: bool = True
    citations: list[CitationModel] = Field(default_factory=list)
    # The usual range of a number (not a rule): a value outside it is taken only once confirmed.
    plausible: tuple[float, float] | None = None

    @model_validator(mode="after")
    def _choices(self) -> FieldModel:
        if self.kind == "choice" and not self.choices:
            raise ValueError("a choice field needs choices")
        if self.kind != "choice" and self.choices:
            raise ValueError("only a choice field has choices")
        if self.plausible is not None:
            if self.kind not in ("int", "number", "percent"):
                raise ValueError("plausible is for numeric fields")
            if self.plausible[0] > self.plausible[1]:
                raise ValueError("plausible must be [low, high]")
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
    # A strict comparison (<, >) fails at the limit itself with a gap of 0: its message for that
    # case ("正好15%"), so that no gap of 0 is ever shown ("高0个百分点").
    at_limit: str = ""
    citation: CitationModel
    provenance: str | None = None
    unit: str | None = None
    decimals: Annotated[int, Field(ge=0, le=6)] = 2
    # A 是/否 field this criterion presupposes (特色科室门诊量 presupposes 已建成特色科室): answered 否, the
    # criterion is missed with `premise_fail` and its own question is not asked (newcomer trial 9, finding 9).
    premise: Text | None = None
    premise_fail: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> CriterionModel:
        if bool(self.premise) != bool(self.premise_fail.strip()):
            raise ValueError("premise and premise_fail go together")
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
        if self.compare in ("<", ">") and "{gap}" in self.fail and not self.at_limit.strip():
            raise ValueError(f"compare {self.compare} fails at the limit with a gap of 0: give at_limit")
        return self


class ConditionSource(Model):
    """A passage that states conditions for the 社区医院 name (遴选条件, 验收指标, 否决情形)."""

    document: Text
    section: Text


class RuleSetModel(Model):
    region: Text
    title: Text
    notes: list[Text] = Field(default_factory=list)
    # Where the conditions for the name are stated: a condition, disqualifier or principle must
    # cite one of these sections; a norm must not (it is stated elsewhere in a plan).
    conditions_from: Annotated[list[ConditionSource], Field(min_length=1)]
    criteria: Annotated[list[CriterionModel], Field(min_length=1)]
    # A plan's work targets for every 基层 institution (吉林: 10项以上中医药适宜技术, 档案开放率不低于98%): norms
    # weighed when a question states their figure, never asked by /check (not conditions for the name).
    targets: list[CriterionModel] = Field(default_factory=list)


class CaseModel(Model):
    """A rule test case (rules/cases/<region>.yaml); `audit` names the audit items it guards."""

    name: Text
    profile: dict[str, Any] = Field(default_factory=dict)
    verdict: VerdictValue
    conditional: bool | None = None
    reported_only: bool | None = None
    statuses: dict[str, Status] = Field(default_factory=dict)
    values: dict[str, Any] = Field(default_factory=dict)
    gaps: dict[str, Any] = Field(default_factory=dict)
    messages: dict[str, str] = Field(default_factory=dict)
    audit: list[Text] = Field(default_factory=list)
