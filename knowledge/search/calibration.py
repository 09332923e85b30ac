"""Turning ranking features into a confidence, and the confidence into a decision.

The confidence is a logistic model over a few features of the ranking (how well the best entry
matches, how far ahead of the next different question it is, how much of the question the index
knows at all). Its weights and the two thresholds are fitted on the fit split of the development
set (tests/eval/calibrate.py) and stored in knowledge/data/search_calibration.yaml; nothing here is
tuned per question.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FEATURES = ("score", "margin", "coverage", "fuzz", "known", "specificity")


@dataclass(frozen=True)
class Ranking:
    """How candidates are scored (fitted on the fit split like the confidence)."""

    answer_weight: float = 0.3  # BM25 over the answer text, relative to the question field
    fuzz_weight: float = 0.5  # rapidfuzz similarity to the closest phrasing
    local_bonus: float = 0.05  # an entry of the user's own region over a national one


@dataclass(frozen=True)
class Calibration:
    weights: tuple[float, ...]
    bias: float
    answer_at: float  # confidence from which the best entry is shown as the answer
    suggest_at: float  # confidence from which "您是不是想问" suggestions are offered
    ranking: Ranking = field(default_factory=Ranking)

    def confidence(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def decide(self, confidence: float) -> str:
        if confidence >= self.answer_at:
            return "answer"
        if confidence >= self.suggest_at:
            return "suggest"
        return "decline"


def load_calibration(path: Path) -> Calibration:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    weights = raw["weights"]
    return Calibration(
        weights=tuple(float(weights[name]) for name in FEATURES),
        bias=float(raw["bias"]),
        answer_at=float(raw["answer_at"]),
        suggest_at=float(raw["suggest_at"]),
        ranking=Ranking(**{k: float(v) for k, v in (raw.get("ranking") or {}).items()}),
    )


def fit_logistic(
    rows: Sequence[Sequence[float]], labels: Sequence[int], l2: float = 0.01, steps: int = 100
) -> tuple[tuple[float, ...], float]:
    """Logistic regression by Newton's method (a handful of features: no library needed),
    with a small L2 penalty so that separable data does not send the weights to infinity."""
    n = len(rows[0])
    w = [0.0] * (n + 1)  # last one is the bias
    xs = [[*r, 1.0] for r in rows]
    for _ in range(steps):
        grad = [0.0] * (n + 1)
        hess = [[0.0] * (n + 1) for _ in range(n + 1)]
        for x, y in zip(xs, labels, strict=True):
            z = sum(a * b for a, b in zip(w, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for i in range(n + 1):
                grad[i] += (p - y) * x[i]
                for j in range(n + 1):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(n):  # no penalty on the bias
            grad[i] += l2 * w[i] * len(xs)
            hess[i][i] += l2 * len(xs)
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return tuple(w[:n]), w[n]


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting for the small Newton system."""
    n = len(b)
    m = [[*row, rhs] for row, rhs in zip(a, b, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(n):
            if r != col:
                factor = m[r][col] / m[col][col]
                for c in range(col, n + 1):
                    m[r][c] -= factor * m[col][c]
    return [m[i][n] / m[i][i] if abs(m[i][i]) >= 1e-12 else 0.0 for i in range(n)]
