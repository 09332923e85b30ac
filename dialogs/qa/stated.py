"""One fact read from a situation (dialogs/qa/facts.py reads them; mentions.py chooses among them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Stated:
    """One fact read from the question: the profile field, its value, the words it was read from."""

    field: str
    value: Any
    words: str
    range: str = ""  # "30到40张", "二三十张", "三千左右": the director gave a range; `value` is its lower end
    low: float | None = None  # a range's two ends (units of the field); a bound's one (没有30张: high 30)
    high: float | None = None
    bound: str = ""  # "<", "<=", ">", ">=": a bound, a one-sided range open or closed at its end (`value`)

    @property
    def ranged(self) -> bool:
        """A range with two different ends (a verdict holds only when both give it)."""
        return self.low is not None and self.high is not None and self.low != self.high
