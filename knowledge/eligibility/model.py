"""The eligibility model: profile fields, criteria, rule sets and what an evaluation returns.

Force of a criterion (what the text makes it; issue 9, DESIGN "Every rule has a force"):
  condition     a 遴选条件 / 验收指标 for the 社区医院 name: decides the verdict
  disqualifier  a 否决情形 the text states for the name: decides it when present (only where the text
                makes it one)
  principle     a "原则上" requirement: not met shows ⚠️ and makes the verdict conditional
  priority      an 优先遴选条件: never changes the verdict
  norm          a general staffing or service norm stated elsewhere in a plan (not a condition for the
                name): shows its figure, citation and ⚠️ when not met, never decides
  reported      a figure known only from news reports (the 2019 basic standard): ⚠️ with its
                provenance when not met; never decides alone (see Verdict.reported_only)

Statuses of one criterion:
  pass     the condition holds (for a disqualifier: the disqualifying fact is absent)
  fail     a condition is not met, or a disqualifier applies
  unknown  an input it needs is missing (never counted as a fail)
  warning  a principle, norm or reported criterion is not met (⚠️)
  not_met  a priority condition is not met: it only helps selection, so it never fails

The verdict (rules in evaluate.py):
  not_eligible  a condition fails or a disqualifier applies (overriding all passes); or a principle is
                not met (conditional=True); or nothing official is known and a reported figure is
                missed (reported_only=True)
  incomplete    nothing failed, but a condition, disqualifier or principle is unknown
  eligible      every condition, disqualifier and principle passes
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

from knowledge.documents import Citation
from knowledge.eligibility.schema import Comparison, FieldKind, Force, Status, VerdictValue
from knowledge.search.model import Source

__all__ = [
    "DECIDING",
    "KIND_OF_FORCE",
    "Comparison",
    "Criterion",
    "CriterionKind",
    "CriterionResult",
    "FieldKind",
    "FieldSpec",
    "Force",
    "Messages",
    "RuleSet",
    "Status",
    "Verdict",
    "VerdictValue",
]

CriterionKind = Literal["required", "disqualifier", "priority"]
# The forces that decide the verdict; the others (priority, norm, reported) never do alone.
DECIDING: tuple[Force, ...] = ("condition", "disqualifier", "principle")
# The yes/no field "resources meet 《社区医院基本标准（试行）》": the condition that ties a region's rules
# (北京, 渝中, national) to the basic standard, whose figures are known only from news reports.
BASIC_STANDARD_FIELD = "meets_basic_standard_resources"
# The older three-way grouping the front ends still render by (required / disqualifier / priority).
KIND_OF_FORCE: dict[Force, CriterionKind] = {
    "condition": "required",
    "principle": "required",
    "norm": "required",
    "reported": "required",
    "disqualifier": "disqualifier",
    "priority": "priority",
}


class HasForce:
    """The readings of a `force` shared by a criterion and its result."""

    force: Force

    @property
    def kind(self) -> CriterionKind:
        """required / disqualifier / priority, the grouping the front ends render by."""
        return KIND_OF_FORCE[self.force]

    @property
    def principle(self) -> bool:
        """A condition the text states "in principle": an exception is possible."""
        return self.force == "principle"

    @property
    def secondary(self) -> bool:
        """The fact comes from a news report, not the official text."""
        return self.force == "reported"


@dataclass(frozen=True)
class FieldSpec:
    """One profile field: how to ask for it and which values are plausible."""

    name: str
    kind: FieldKind
    label: str  # 实际开放床位数
    unit: str  # "张", "%", "平方米", "人", "人次", "种", "所", "支", ""
    question: str  # the question to ask, one sentence
    help: str  # what the sources say about it (only that), or that they do not define it
    min: float | None = None
    max: float | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for kind "choice"
    allow_unknown: bool = True
    citations: tuple[Citation, ...] = ()  # what the help text rests on
    # The usual range (not a rule): a typed value outside it is taken only after the director confirms.
    plausible: tuple[float, float] | None = None

    def implausible(self, value: Any) -> bool:
        """True when a number lies outside the field's usual range (never for a field without one)."""
        if self.plausible is None or isinstance(value, bool) or not isinstance(value, int | float):
            return False
        return not self.plausible[0] <= value <= self.plausible[1]

    def choice_label(self, value: Any) -> str:
        return next((label for v, label in self.choices if v == value), str(value))


@dataclass(frozen=True)
class Messages:
    """Templates with {value} {limit} {gap} {unit} (and {label}); unknown has a default."""

    pass_: str
    fail: str
    unknown: str = ""
    at_limit: str = ""  # a strict comparison failing at the limit itself (gap 0): no gap shown
    unsure: str = ""  # unknown because every missing input was answered 不清楚 (default wording only)


@dataclass(frozen=True)
class Criterion(HasForce):
    id: str
    force: Force
    title: str
    fields: tuple[str, ...]  # profile fields read (inputs of the derived function when there is one)
    why: str
    citation: Citation
    compare: Comparison = "is_true"
    limit: Any = None
    derived: str | None = None  # name of a function in knowledge.eligibility.derived
    unit: str = ""
    messages: Messages = field(default_factory=lambda: Messages("", ""))
    provenance: str | None = None  # who reported a `reported` figure, and when
    decimals: int = 2  # at most this many digits after the point in messages (more only to show a miss)
    source: Source | None = None  # the citation with the document's short name and number, set by the loader
    premise: str | None = None  # a 是/否 field presupposed: answered 否, missed with premise_fail (not asked)
    premise_fail: str = ""

    @property
    def deciding(self) -> bool:
        return self.force in DECIDING


@dataclass(frozen=True)
class RuleSet:
    region: str
    title: str
    criteria: tuple[Criterion, ...]
    notes: tuple[str, ...] = ()
    file: str = ""
    conditions_from: tuple[tuple[str, str], ...] = ()  # (document, section) stating the conditions
    # the plan's work targets (norms): weighed when a question states their figure, never asked by /check
    targets: tuple[Criterion, ...] = ()

    def weighed(self) -> RuleSet:
        """The rule set a stated situation is weighed against: its criteria and its work targets."""
        return replace(self, criteria=(*self.criteria, *self.targets), targets=()) if self.targets else self

    def fields_needed(self) -> list[str]:
        """Distinct profile fields in asking order (the order they appear in the YAML)."""
        seen: dict[str, None] = {}
        for c in self.criteria:
            for f in c.fields:
                seen.setdefault(f, None)
        return list(seen)

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)

    def documents(self) -> tuple[str, ...]:
        """The documents its criteria cite, in order of first use (for the governing notes)."""
        return tuple(dict.fromkeys(c.citation.document for c in self.criteria))


@dataclass(frozen=True)
class CriterionResult(HasForce):
    id: str
    force: Force
    title: str
    status: Status
    message: str  # "实际开放床位28张，要求≥30张，还差2张"
    value: Any
    limit: Any
    gap: float | None
    unit: str
    source: Source
    why: str = ""
    compare: str = ""  # the comparison, to show the limit ("≥30张", "是", "推荐标准")
    fields: tuple[str, ...] = ()  # the profile fields it read
    derived: str | None = None  # the derived function, when value was computed
    provenance: str | None = None  # for a reported criterion: who reported it, when


@dataclass(frozen=True)
class Verdict:
    region: str
    verdict: VerdictValue
    criteria: tuple[CriterionResult, ...]
    conditional: bool = False  # not_eligible only because a principle (原则上) requirement is not met
    # The verdict rests only on news-reported figures: no condition, disqualifier or principle is
    # known, and a reported figure is missed. Front ends say so in the headline; `check --json` prints it.
    reported_only: bool = False

    def _with(self, statuses: tuple[str, ...], forces: tuple[str, ...]) -> tuple[CriterionResult, ...]:
        return tuple(r for r in self.criteria if r.status in statuses and r.force in forces)

    def failed(self) -> tuple[CriterionResult, ...]:
        """Conditions not met and disqualifiers that apply; when the verdict rests only on reported
        figures, the reported figures missed (they are what it rests on)."""
        missed = self._with(("fail",), ("condition", "disqualifier"))
        return missed + self._with(("warning",), ("reported",)) if self.reported_only else missed

    def warnings(self) -> tuple[CriterionResult, ...]:
        """Principle (原则上) requirements not met: the ones that make the verdict conditional."""
        return self._with(("warning",), ("principle",))

    def cautions(self) -> tuple[CriterionResult, ...]:
        """Norms and reported figures not met: shown with ⚠️, never deciding alone."""
        return self._with(("warning",), ("norm", "reported"))

    def reported_missed(self) -> tuple[CriterionResult, ...]:
        """News-reported figures of 《社区医院基本标准（试行）》 the profile misses. With an eligible verdict
        they still keep it from reading as met (breaker B12: ✅ 符合 under 20张 against the reported ≥30):
        front ends show ⚠️ 待核实, never ✅, and `check --json` lists them."""
        return self._with(("warning", "fail"), ("reported",))

    def awaited(self) -> tuple[CriterionResult, ...]:
        """The reported figures an eligible verdict's 待核实 waits on: listed as missed, never counted among
        the side notes that 不影响结论 (empty for any other verdict)."""
        return self.reported_missed() if self.verdict == "eligible" else ()

    def unknown(self) -> tuple[CriterionResult, ...]:
        """Deciding criteria (condition, disqualifier, principle) that could not be decided."""
        return self._with(("unknown",), DECIDING)

    def passed(self) -> tuple[CriterionResult, ...]:
        return self._with(("pass",), DECIDING)

    def priority(self) -> tuple[CriterionResult, ...]:
        return tuple(r for r in self.criteria if r.force == "priority")

    def of_force(self, force: Force) -> tuple[CriterionResult, ...]:
        return tuple(r for r in self.criteria if r.force == force)
