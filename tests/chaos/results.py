"""What a scenario reports: its figures, and checks of those figures against issue 11's limits."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from knowledge.base import KnowledgeBase


@dataclass
class Check:
    key: str  # stable id, e.g. "questionnaire_kill9.sqlite.misfiled" (the pytest wrapper uses it)
    what: str
    value: Any
    limit: str
    ok: bool
    item: int  # the numbered item of issue 11 this limit belongs to
    informational: bool = False  # measured but not judged in this mode (timing on a shared machine)


# The Result each scenario made last, by (scenario, backend): a scenario cut off by its time budget
# is reported with the parts it finished (pace_latency at load 30 lost every part when cut).
STARTED: dict[tuple[str, str], Result] = {}


@dataclass
class Result:
    scenario: str
    backend: str
    seconds: float = 0.0
    figures: dict[str, Any] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        STARTED[(self.scenario, self.backend)] = self

    def check(
        self, name: str, what: str, value: Any, limit: str, ok: bool, item: int, informational: bool = False
    ) -> None:
        """Record one limit: `name` is unique within the scenario, `item` the issue's item number."""
        key = f"{self.scenario}.{self.backend}.{name}"
        self.checks.append(Check(key, what, value, limit, bool(ok), item, informational))

    @property
    def broken(self) -> list[Check]:
        """Judged limits that are not met."""
        return [c for c in self.checks if not c.ok and not c.informational]

    def as_dict(self) -> dict[str, Any]:
        """Everything, for the JSON report."""
        return asdict(self)


@dataclass
class Ctx:
    """What every scenario gets from the runner."""

    quick: bool
    workdir: Path
    pg_admin_url: str | None
    kb: KnowledgeBase
    clock_shift: float  # seconds the bot processes' wall clock is moved ahead (0 outside quiet hours)
    rng: random.Random
    kills: int | None = None  # --kills: overrides a scenario's number of kills (while developing)

    def bot_now(self) -> dt.datetime:
        """The bot processes' current time (real time plus the clock shift), aware."""
        return dt.datetime.now(dt.UTC) + dt.timedelta(seconds=self.clock_shift)

    def scale(self, quick: Any, long: Any) -> Any:
        """`quick` under --quick, else `long`."""
        return quick if self.quick else long
