"""Turning ranking features into a confidence, and the confidence into a decision.

The confidence is a logistic model over a few features of the ranking (how well the best entry
matches, how far ahead of the next different question it is, how much of the question the index
knows at all). Its weights and the two thresholds are fitted on the fit split of the development
set (tests/eval/calibrate.py, with the fitter in tests/eval/fit.py) and stored in
knowledge/data/search_calibration.yaml; nothing here is tuned per question.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FEATURES = ("score", "margin", "coverage", "fuzz", "known", "specificity", "attribute", "local", "secondary", "matter")


@dataclass(frozen=True)
class Ranking:
    """How candidates are scored (fitted on the fit split like the confidence)."""

    answer_weight: float = 0.3  # BM25 over the answer text, relative to the question field
    fuzz_weight: float = 0.5  # rapidfuzz similarity to the closest phrasing
    local_bonus: float = 0.05  # an entry of the user's own region over a national one
    secondary_penalty: float = 0.0  # a news report below an official text
    attribute_weight: float = 0.0  # an answer that gives what was asked (a date for 什么时候)


@dataclass(frozen=True)
class Calibration:
    weights: tuple[float, ...]
    bias: float
    answer_at: float  # confidence from which the best entry is shown as the answer
    suggest_at: float  # confidence from which "您是不是想问" suggestions are offered
    ranking: Ranking = field(default_factory=Ranking)
    likely_at: float | None = None  # from here the best entry is shown as the likeliest (None: = answer_at)

    def confidence(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def decide(self, confidence: float) -> str:
        if confidence >= self.answer_at:
            return "answer"
        if self.likely_at is not None and confidence >= self.likely_at:
            return "likely"
        if confidence >= self.suggest_at:
            return "suggest"
        return "decline"


def load_calibration(path: Path) -> Calibration:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    weights = raw["weights"]
    return Calibration(
        weights=tuple(float(weights.get(name, 0.0)) for name in FEATURES),  # a new feature starts at 0
        bias=float(raw["bias"]),
        answer_at=float(raw["answer_at"]),
        suggest_at=float(raw["suggest_at"]),
        ranking=Ranking(**{k: float(v) for k, v in (raw.get("ranking") or {}).items()}),
        likely_at=float(raw["likely_at"]) if raw.get("likely_at") is not None else None,
    )
