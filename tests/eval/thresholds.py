"""The decision thresholds (answer_at, likely_at, suggest_at) from fitted confidences: a rule on one
sample of questions, and the stable rule calibrate.py uses — its median over bootstrap resamples.

Why not the rule on the fit rows alone: it takes the LOWEST confidence at which the answers above it
are at most 3 % wrong. Between about 0.55 and 0.80 that share hovers at 3 %, so one question more or
less (a merge, a refit of the weights, one out-of-scope question's confidence) moved answer_at
anywhere from 0.60 to 0.94, and on bootstrap resamples of the same 738 fit rows it ranged 0.24–0.82.
The mean of the same rule over resamples is where the rule lands on samples like ours, not the
accident of one: refitting, or leaving any one question out, moves it little (BOUND, tested in
tests/eval/test_thresholds.py). The mean, not the median: where the rule's value on resamples falls
in two clusters (one out-of-scope question at 0.41 counted twice or not), the median jumps between
them when one question is left out (0.16 on the fit rows of 2026-12-01), the mean moves by the share
of resamples that change. An out-of-scope question just below a threshold so raises it by the share of
resamples in which it would be answered: a margin from every such question, not a wall at the worst.

Resamples are Poisson bootstraps: each row is counted k ~ Poisson(1) times in resample b, k drawn
from a hash of (b, the row's question). Leaving one question out therefore changes that question's
counts only, not every resample's draw, and two refits give the same thresholds.
"""

from __future__ import annotations

import functools
import hashlib
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

WRONG_ANSWERS = 0.03  # at most this share of the answers wrong …
OOS_ANSWERED = 0.02  # … and of the out-of-scope questions answered (answer or likely band)
LIKELY_PRECISION = 0.6  # the likely band's best entries right at least this often
# … and at most this share of the band's shown entries are out-of-scope questions answered with
# something else: a band of its own limit, besides the 2 % of all out-of-scope questions the answer
# and likely bands share. A refit on 739 fit rows (2026-12-01) lowered likely_at to 0.33 with one
# out-of-scope question allowed in 2 % of the rows; held-out, that showed 2 of 39 dev out-of-scope
# questions (report-cal2.md). With this limit a band that would take one needs 50 gated rows first.
LIKELY_OOS = 0.02
OOS_DECLINED = 0.9  # below suggest_at at least this share of the out-of-scope questions declined
SUGGEST_FLOOR = 0.05
RESAMPLES = 200
# Leaving any one fit question out moves no threshold by more than this (weights refitted too;
# measured on the 738 fit rows of 2026-12-01: at most 0.03 answer_at, 0.07 likely_at and suggest_at).
BOUND = 0.08
# Poisson(1) cumulative probabilities: k copies of a row where u < CDF[k]
_POISSON_CDF = tuple(sum(math.exp(-1) / math.factorial(j) for j in range(k + 1)) for k in range(12))


@dataclass(frozen=True)
class Row:
    """One fit question as the threshold rule sees it."""

    conf: float  # the fitted confidence of its best entry
    right: bool  # that entry is a right reply (an out-of-scope question's: it says the texts lack it)
    oos: bool  # out of scope: answering it with something else counts against OOS_ANSWERED
    gate: bool = True  # may be shown as the likeliest (calibration.likely_gate)
    key: str = ""  # the question: what its resample counts are drawn from


def rule(rows: Sequence[Row], weights: Sequence[int] | None = None) -> tuple[float, float, float]:
    """(answer_at, likely_at, suggest_at) on one sample (`weights`: each row's count, default 1).

    answer_at — the lowest confidence at which at most WRONG_ANSWERS of the answers would be wrong
    and at most OOS_ANSWERED of the out-of-scope questions answered; likely_at — the lowest (≤
    answer_at) from which the gated best entries below answer_at are right at least
    LIKELY_PRECISION of the time, out-of-scope questions answered still within OOS_ANSWERED and
    at most LIKELY_OOS of the band's shown rows out of scope;
    suggest_at — the lowest at which at least OOS_DECLINED of the out-of-scope questions not
    answered right are still declined outright, at most answer_at and at least SUGGEST_FLOOR. The
    likely band lies above suggest_at."""
    w = list(weights) if weights is not None else [1] * len(rows)
    order = sorted((i for i in range(len(rows)) if w[i]), key=lambda i: -rows[i].conf)
    n_oos = sum(w[i] for i in order if rows[i].oos)
    oos_allowed = OOS_ANSWERED * n_oos
    harmful = [rows[i].oos and not rows[i].right for i in range(len(rows))]

    answer_at, shown, wrong, oos = 1.0, 0, 0, 0
    for k, i in enumerate(order):
        shown, wrong, oos = shown + w[i], wrong + w[i] * (not rows[i].right), oos + w[i] * harmful[i]
        last_of_tie = k + 1 == len(order) or rows[order[k + 1]].conf < rows[i].conf
        if last_of_tie and wrong <= WRONG_ANSWERS * shown and oos <= oos_allowed:
            answer_at = rows[i].conf
    above_oos = sum(w[i] for i in order if rows[i].conf >= answer_at and harmful[i])
    likely_at, band, band_right, band_oos = answer_at, 0, 0, 0
    below = [i for i in order if rows[i].conf < answer_at]
    for k, i in enumerate(below):
        if rows[i].gate:
            band, band_right, band_oos = band + w[i], band_right + w[i] * rows[i].right, band_oos + w[i] * harmful[i]
        last_of_tie = k + 1 == len(below) or rows[below[k + 1]].conf < rows[i].conf
        band_clean = band_oos <= LIKELY_OOS * band
        if last_of_tie and band_right >= LIKELY_PRECISION * band and above_oos + band_oos <= oos_allowed and band_clean:
            likely_at = rows[i].conf
    neg = [i for i in order if harmful[i]]  # by confidence, highest first
    allowed = int((1 - OOS_DECLINED) * sum(w[i] for i in neg))
    suggest_at, seen = 0.0, 0
    for i in neg:
        seen += w[i]
        if seen > allowed:
            suggest_at = rows[i].conf + 1e-6
            break
    suggest_at = max(min(answer_at, suggest_at), SUGGEST_FLOOR)
    return answer_at, max(likely_at, suggest_at), suggest_at


@functools.cache
def poisson_counts(key: str, resamples: int = RESAMPLES) -> tuple[int, ...]:
    """A row's count in each resample: Poisson(1), drawn from a hash of (resample, key)."""
    out = []
    for b in range(resamples):
        u = int(hashlib.sha1(f"{b}\x00{key}".encode()).hexdigest()[:13], 16) / 16**13
        out.append(next((k for k, p in enumerate(_POISSON_CDF) if u < p), len(_POISSON_CDF)))
    return tuple(out)


def stable(rows: Sequence[Row], resamples: int = RESAMPLES) -> tuple[float, float, float]:
    """The thresholds calibrate.py writes: each the mean of `rule` over `resamples` Poisson
    bootstrap resamples of the rows, kept in order (suggest_at ≤ likely_at ≤ answer_at)."""
    counts = [poisson_counts(r.key or f"row{k}", resamples) for k, r in enumerate(rows)]
    samples = [rule(rows, [c[b] for c in counts]) for b in range(resamples)]
    answer_at, likely_at, suggest_at = (statistics.fmean(s[k] for s in samples) for k in range(3))
    suggest_at = min(suggest_at, answer_at)
    likely_at = min(max(likely_at, suggest_at), answer_at)
    return answer_at, likely_at, suggest_at


def thresholds(
    conf: list[float],
    labels: list[int],
    negative: list[bool],
    not_given: Sequence[bool] | None = None,
    gates: Sequence[bool] | None = None,
    questions: Sequence[str] | None = None,
    how: str = "in-sample",
) -> tuple[float, float, float]:
    """(answer_at, likely_at, suggest_at) by thresholds.rule on these rows (`how` "in-sample") or
    thresholds.stable, its mean over bootstrap resamples ("stable"); `negative` marks the
    out-of-scope questions, `not_given` those whose best entry says the texts do not give it (then
    neither out of scope answered nor a wrong answer: the reply declines), `gates` those that may be
    shown as the likeliest (calibration.likely_gate; the others get suggestions in the likely band),
    `questions` what resample counts are drawn from. None: all False / True / the row's position."""
    rows = [
        Row(c, bool(y or (neg and ng)), neg, ok, key)
        for c, y, neg, ng, ok, key in zip(
            conf,
            labels,
            negative,
            not_given or [False] * len(conf),
            gates or [True] * len(conf),
            questions or [f"row{k}" for k in range(len(conf))],
            strict=True,
        )
    ]
    return stable(rows) if how == "stable" else rule(rows)
