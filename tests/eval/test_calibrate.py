"""The calibration's cross-validation (tests/eval/calibrate.py) on made-up rows: every row is
scored and decided by a model fitted without it, and a held-out-only set refuses to list misses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from knowledge.search.calibration import FEATURES, Ranking
from tests.eval.calibrate import cross_validated
from tests.eval.fit import auc

ROOT = Path(__file__).resolve().parents[2]


def _rows(n: int) -> tuple[list[tuple[float, ...]], list[int], list[bool], list[str]]:
    """Right answers score high on the first feature, out-of-scope questions low."""
    features, labels, negative, questions = [], [], [], []
    for k in range(n):
        right = k % 3 != 0
        score = 2.0 + (k % 7) / 10 if right else 0.3 + (k % 5) / 10
        features.append((score, *([0.0] * (len(FEATURES) - 1))))
        labels.append(int(right))
        negative.append(not right)
        questions.append(f"问题{k}")
    return features, labels, negative, questions


def test_cross_validated_scores_and_decides_every_row() -> None:
    features, labels, negative, questions = _rows(90)
    confidences, decisions = cross_validated(features, labels, negative, questions, Ranking())
    assert len(confidences) == len(decisions) == 90
    assert auc(confidences, labels) > 0.95
    answered = [d in ("answer", "likely") for d in decisions]
    assert sum(a and y for a, y in zip(answered, labels, strict=True)) >= 0.9 * sum(labels)
    assert not any(a and n for a, n in zip(answered, negative, strict=True))


def test_cross_validation_folds_are_stable() -> None:
    features, labels, negative, questions = _rows(60)
    first = cross_validated(features, labels, negative, questions, Ranking())
    assert cross_validated(features, labels, negative, questions, Ranking()) == first


def test_a_set_held_out_as_a_whole_never_lists_its_misses() -> None:
    for args in (["--misses"], ["--split", "fit"]):
        run = subprocess.run(
            [sys.executable, str(ROOT / "tests/eval/evaluate.py"), "--set", "devblind2", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 2, run.stdout
        assert "figures only" in run.stderr
