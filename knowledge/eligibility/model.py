"""The eligibility model: profile fields, criteria, rule sets and what an evaluation returns.

Statuses of one criterion:
  pass     the condition holds (for a disqualifier: the disqualifying fact is absent)
  fail     a required condition is not met, or a disqualifier applies
  unknown  an input it needs is missing (never counted as a fail)
  warning  a "原则上" (in-principle) requirement is not met: not a hard fail, but the verdict can
           never be a plain "eligible" while one stands (see Verdict.verdict)
  not_met  a priority condition is not met: it only helps selection, so it never fails

Verdict (the rules for it are in evaluate.py):
  not_eligible  a required criterion fails or a disqualifier applies (a disqualifier overrides all passes)
  incomplete    nothing failed, but a required/disqualifier/in-principle criterion is unknown
  eligible      everything required passes
  A warning (in-principle requirement not met) makes the verdict "not_eligible" with `conditional=True`:
  the institution does not meet the rule as written, only the authority can grant an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from knowledge.faq import Citation
from knowledge.search.model import Source

FieldKind = Literal["bool", "int", "number", "percent", "choice"]
CriterionKind = Literal["required", "disqualifier", "priority"]
Status = Literal["pass", "fail", "unknown", "warning", "not_met"]
VerdictValue = Literal["eligible", "not_eligible", "incomplete"]
Comparison = Literal[">=", "<=", ">", "<", "==", "in", "is_true", "is_false"]


@dataclass(frozen=True)
class FieldSpec:
    """One profile field: how to ask for it and which values are plausible."""

    name: str
    kind: FieldKind
    label: str  # 实际开放床位数
    unit: str  # "张", "%", "平方米", "人", "人次", "种", "所", "支", ""
    question: str  # the question to ask, one sentence
    help: str  # why it is asked / how to count it
    min: float | None = None
    max: float | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for kind "choice"
    allow_unknown: bool = True
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


@dataclass(frozen=True)
class Criterion:
    id: str
    kind: CriterionKind
    title: str
    fields: tuple[str, ...]  # profile fields read (inputs of the derived function when there is one)
    why: str
    citation: Citation
    principle: bool = False  # "原则上": not met gives "warning" instead of "fail"
    compare: Comparison = "is_true"
    limit: Any = None
    derived: str | None = None  # name of a function in knowledge.eligibility.derived
    unit: str = ""
    messages: Messages = field(default_factory=lambda: Messages("", ""))
    secondary: bool = False  # the fact comes from a news report, not the official text
    provenance: str | None = None  # who reported a secondary fact, and when
    decimals: int = 2  # at most this many digits after the point in messages (more only to show a miss)
    source: Source | None = None  # the citation with the document's short name and number, set by the loader


@dataclass(frozen=True)
class RuleSet:
    region: str
    title: str
    criteria: tuple[Criterion, ...]
    notes: tuple[str, ...] = ()
    file: str = ""

    def fields_needed(self) -> list[str]:
        """Distinct profile fields in asking order (the order they appear in the YAML)."""
        seen: dict[str, None] = {}
        for c in self.criteria:
            for f in c.fields:
                seen.setdefault(f, None)
        return list(seen)

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)


@dataclass(frozen=True)
class CriterionResult:
    id: str
    kind: str
    title: str
    status: Status
    message: str  # "实际开放床位28张，要求≥30张，还差2张"
    value: Any
    limit: Any
    gap: float | None
    unit: str
    source: Source
    why: str = ""
    principle: bool = False
    secondary: bool = False
    compare: str = ""  # the comparison, to show the limit ("≥30张", "是", "推荐标准")
    fields: tuple[str, ...] = ()  # the profile fields it read
    derived: str | None = None  # the derived function, when value was computed
    provenance: str | None = None  # for a secondary criterion: who reported it, when


@dataclass(frozen=True)
class Verdict:
    region: str
    verdict: VerdictValue
    criteria: tuple[CriterionResult, ...]
    conditional: bool = False  # not_eligible only because an in-principle (原则上) requirement is not met

    def _with(
        self, *statuses: str, kinds: tuple[str, ...] = ("required", "disqualifier")
    ) -> tuple[CriterionResult, ...]:
        return tuple(r for r in self.criteria if r.status in statuses and r.kind in kinds)

    def failed(self) -> tuple[CriterionResult, ...]:
        """Required criteria not met and disqualifiers that apply."""
        return self._with("fail")

    def warnings(self) -> tuple[CriterionResult, ...]:
        return self._with("warning")

    def unknown(self) -> tuple[CriterionResult, ...]:
        """Required criteria and disqualifiers that could not be decided (priority ones: see priority())."""
        return self._with("unknown")

    def passed(self) -> tuple[CriterionResult, ...]:
        return self._with("pass")

    def priority(self) -> tuple[CriterionResult, ...]:
        return tuple(r for r in self.criteria if r.kind == "priority")
