"""Fit the search's ranking weights and confidence on the FIT split of the development set and
write knowledge/data/search_calibration.yaml. The held-out split is never looked at here.

    .venv/bin/python tests/eval/calibrate.py          # fit and write
    .venv/bin/python tests/eval/calibrate.py --dry    # fit and print only

1. Ranking: a small grid over the three ranking weights, keeping the one with the best top-1
   accuracy on the fit split (ties: the smaller weights).
2. Confidence: logistic regression of "the top entry is right" on the top candidate's features
   (out-of-scope and vague questions are negatives).
3. Thresholds: `answer_at` is the lowest confidence at which, on the fit split, at most 5 % of
   out-of-scope questions (the target) and 20 % of vague ones would be answered, and at most 5 % of
   the answered in-scope questions would get a wrong answer
   (half the 5 % target, as a margin for unseen questions); `suggest_at` the lowest at which at
   least 80 % of out-of-scope questions are still declined outright.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from itertools import product
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from knowledge.base import load
from knowledge.search.calibration import FEATURES, Calibration, Ranking
from tests.eval.fit import fit_logistic
from tests.eval.harness import Question, load_devset

OUT = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "search_calibration.yaml"
GRID = {
    "answer_weight": (0.1, 0.2, 0.3, 0.5),
    "fuzz_weight": (0.2, 0.35, 0.5, 0.75),
    "local_bonus": (0.0, 0.05, 0.1),
}


def top(index, q: Question):
    ranked = index.rank(q.q, index.named_region(q.q) or q.region)
    return ranked[0] if ranked else None


def top1(index, fit: list[Question]) -> float:
    hits = 0
    for q in fit:
        c = top(index, q)
        hits += c is not None and index.answers[c.index].entry_id in q.expect
    return hits / len(fit)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--dry", action="store_true")
    args = p.parse_args()
    kb = load()
    index = kb.index
    base = index.calibration
    fit = [q for q in load_devset(kb.faq) if q.split == "fit"]
    in_scope = [q for q in fit if q.in_scope]

    best: tuple[float, Ranking] | None = None
    for values in product(*GRID.values()):
        ranking = Ranking(**dict(zip(GRID, values, strict=True)))
        index.calibration = dataclasses.replace(base, ranking=ranking)
        acc = top1(index, in_scope)
        if best is None or acc > best[0] + 1e-9:
            best = (acc, ranking)
    assert best is not None
    ranking = best[1]
    index.calibration = dataclasses.replace(base, ranking=ranking)
    print(f"ranking {ranking} top-1 on fit {best[0]:.3f}")

    rows, labels, kinds = [], [], []
    for q in fit:
        c = top(index, q)
        features = c.features if c else (0.0,) * len(FEATURES)
        right = c is not None and q.in_scope and index.answers[c.index].entry_id in q.expect
        rows.append(features)
        labels.append(int(right))
        kinds.append("in" if q.in_scope else "vague" if q.vague else "oos")
    weights, bias = fit_logistic(rows, labels, l2=0.001)
    model = Calibration(weights, bias, 1.0, 1.0, ranking)
    conf = [model.confidence(r) for r in rows]

    n_oos = kinds.count("oos")
    n_vague = kinds.count("vague")
    answer_at = 1.0
    for t in sorted(set(conf), reverse=True):
        answered = [(k, y) for k, y, c in zip(kinds, labels, conf, strict=True) if c >= t]
        oos = sum(k == "oos" for k, _ in answered)
        vague = sum(k == "vague" for k, _ in answered)
        wrong_in = sum(k == "in" and y == 0 for k, y in answered)
        n_in_answered = sum(k == "in" for k, _ in answered)
        if oos <= 0.05 * n_oos and vague <= 0.2 * n_vague and wrong_in <= 0.05 * max(n_in_answered, 1):
            answer_at = t  # the lowest threshold that keeps both rates within bounds
    oos_conf = sorted((c for k, c in zip(kinds, conf, strict=True) if k == "oos"), reverse=True)  # not vague
    allowed = int(0.2 * len(oos_conf))
    suggest_at = min(answer_at, oos_conf[allowed] + 1e-6 if len(oos_conf) > allowed else 0.0)
    suggest_at = max(suggest_at, 0.05)

    text = render(weights, bias, answer_at, suggest_at, ranking, len(fit))
    print(text)
    if not args.dry:
        OUT.write_text(text, encoding="utf-8")
        print(f"written {OUT}")
    return 0


def render(weights, bias, answer_at, suggest_at, ranking: Ranking, n: int) -> str:
    w = ", ".join(f"{name}: {value:.4f}" for name, value in zip(FEATURES, weights, strict=True))
    r = ", ".join(f"{k}: {v}" for k, v in dataclasses.asdict(ranking).items())
    return (
        "# Fitted by tests/eval/calibrate.py on the fit split of tests/eval/devset.yaml"
        f" ({n} questions); do not edit by hand.\n"
        "# confidence = logistic(bias + sum(weight * feature)) over the best candidate's features\n"
        "# (knowledge/search/calibration.py); answer from answer_at, suggest from suggest_at.\n"
        f"weights: {{{w}}}\n"
        f"bias: {bias:.4f}\n"
        f"answer_at: {answer_at:.4f}\n"
        f"suggest_at: {suggest_at:.4f}\n"
        f"ranking: {{{r}}}\n"
    )


if __name__ == "__main__":
    sys.exit(main())
