"""One run of the questionnaire: its rule set and field specs, and moving between steps.

The dialog state is
  step  = the field being asked
  data  = {"region": …, "answered": [fields answered in this run], "mode": …, "candidate": …,
           "prefilled": [fields a question stated, not asked again], "conflicts": {field: value a
           question stated that differs from the stored answer, asked as 改为/沿用 when reached}}
with mode "ask" (the question), "reuse" (上次填的是…，沿用吗), "confirm" (a value to confirm before it
is saved: data["confirm"] says why — "percent" 0.75 → 您是指 75% 吗, "plausible" outside the field's
usual range, "offered" a bare number typed where 沿用 was offered) or "resume" (/check while a run
is in progress: 继续 / 重新开始). Each step bumps `state.version`, so a button pressed on an earlier
question is answered as stale by the router.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.model import UserState
from knowledge.base import KnowledgeBase
from knowledge.eligibility import FieldSpec, RuleSet
from knowledge.eligibility.relevance import field_matters, next_field, previous_field

NAME = "questionnaire"
NUMERIC = ("int", "number", "percent")
MODES = ("ask", "reuse", "confirm", "resume")


@dataclass(frozen=True)
class Flow:
    """The region's rule set, its questions in order, and the field specs."""

    rule_set: RuleSet
    specs: Mapping[str, FieldSpec]

    @property
    def fields(self) -> list[str]:
        return self.rule_set.fields_needed()

    def spec(self, name: str) -> FieldSpec:
        return self.specs[name]

    def position(self, name: str) -> int:
        return self.fields.index(name)

    def number(self, profile: Mapping[str, Any], name: str) -> tuple[int, int]:
        """(i, n) of "第 i/n 题": counting only the questions that matter on the answers so far, so a
        conditional question skipped (乡镇卫生院 only, after 社区卫生服务中心) leaves no gap (newcomer trial 5, N19)."""
        fields, pos = self.fields, self.position(name)
        before = sum(1 for f in fields[:pos] if field_matters(self.rule_set, self.specs, profile, f))
        after = sum(1 for f in fields[pos + 1 :] if field_matters(self.rule_set, self.specs, profile, f))
        return before + 1, before + 1 + after

    def next_needed(self, profile: Mapping[str, Any], start: int) -> str | None:
        return next_field(self.rule_set, self.specs, profile, start)

    def previous_needed(self, profile: Mapping[str, Any], before: int) -> str | None:
        return previous_field(self.rule_set, self.specs, profile, before)


def flow_for(region: str | None, kb: KnowledgeBase) -> Flow | None:
    """The flow of a region, or None when the knowledge base has no rule set for it."""
    rule_set = kb.rules.get(region) if region else None
    return Flow(rule_set, kb.fields) if rule_set is not None else None


def current_flow(state: UserState, kb: KnowledgeBase) -> Flow | None:
    """The flow of the run in progress (its region is fixed when the run starts)."""
    return flow_for(state.data.get("region"), kb)


def mode(state: UserState) -> str:
    return str(state.data.get("mode", "ask"))


def go(state: UserState, step: str | None, new_mode: str) -> None:
    """Move to a step/mode; the new version makes buttons of the previous step stale."""
    if new_mode not in ("resume", "confirm"):  # resume keeps a pending 0.75 → 75% for 继续
        for key in ("candidate", "confirm", "typed", "approximate"):
            state.data.pop(key, None)
    state.step = step
    state.data["mode"] = new_mode
    state.version += 1


def arrive(state: UserState, field: str) -> None:
    """Ask a field: offer the stored answer when there is one from an earlier run or region; a figure
    a question stated that differs from the stored one is offered beside it (改为 / 沿用), never
    written over it unasked."""
    conflicts = state.data.get("conflicts") or {}
    if field in conflicts and state.profile.get(field) is not None:
        go(state, field, "confirm")
        state.data.update(candidate=conflicts[field], confirm="offered", typed="")
        return
    stored = state.profile.get(field)
    fresh = field not in state.data.get("answered", [])
    go(state, field, "reuse" if stored is not None and fresh else "ask")


def has_current(state: UserState, field: str) -> bool:
    """The field was answered in this run (or filled from a question) and is shown as 目前填的是…,
    so 沿用 keeps it."""
    return state.profile.get(field) is not None and field in state.data.get("answered", [])


def next_open(flow: Flow, state: UserState, start: int) -> str | None:
    """The next field from position `start` that still matters and was not filled from a question
    (those are not asked again: "下面只问其余的题"; 上一步 still reaches them)."""
    prefilled = state.data.get("prefilled") or []
    while True:
        field = flow.next_needed(state.profile, start)
        if field is None or field not in prefilled:
            return field
        start = flow.position(field) + 1


def first_unanswered(state: UserState, flow: Flow) -> str:
    answered = state.data.get("answered", [])
    return next((f for f in flow.fields if f not in answered), flow.fields[-1])
