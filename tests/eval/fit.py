"""Offline fitting for the search's calibration (never imported at run time): logistic regression
by Newton's method and the area under the ROC curve.

Kept here, out of knowledge/search, because only tests/eval/calibrate.py fits; the bot only reads
the fitted weights (knowledge/data/search_calibration.yaml).
"""

from __future__ import annotations

import math
from collections.abc import Sequence


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


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Area under the ROC curve: the chance that a random positive scores above a random negative
    (ties count half). 0.5 when either class is empty."""
    pairs = sorted(zip(scores, labels, strict=True))
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if not n_pos or not n_neg:
        return 0.5
    rank_sum = 0.0
    i = 0
    while i < len(pairs):  # average ranks over ties
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mid = (i + j + 1) / 2
        rank_sum += mid * sum(y for _, y in pairs[i:j])
        i = j
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
