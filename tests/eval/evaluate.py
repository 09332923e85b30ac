"""Evaluate the question answering beside two baselines, in one run.

    .venv/bin/python tests/eval/evaluate.py --set devblind [--split held-out] [--misses]
    .venv/bin/python tests/eval/evaluate.py --set devblind2  # figures only: all of it is held out
    .venv/bin/python tests/eval/evaluate.py --set devblind4  # figures only, like devblind2
    .venv/bin/python tests/eval/evaluate.py --set sealed     # the lead only: never while tuning
    .venv/bin/python tests/eval/evaluate.py --set dev [--misses]

--set devblind / sealed: a blind set (questions written from the source texts only), each item run
through the real chat path and graded strictly (tests/eval/blind.py); figures per kind, the
confidence's AUC, beside the baselines. devblind lives in tests/eval/devblind.yaml; the sealed set
is read from --file (default /work/blind/sealed.yaml, outside the repository while it is sealed);
a spent one is kept as tests/eval/sealed-DATE.yaml for reproduction, and is dev data from then on.

--set dev: the development set written while looking at the entries (tests/eval/devset.yaml).

Prints, for the engine and for each baseline, on the fit split, the held-out split and all:
top-1 and top-3 accuracy over in-scope questions, how many in-scope questions got a confident
right / wrong answer, and the rate of confident answers to out-of-scope questions.
Baselines: rapidfuzz WRatio of the raw question against every question and phrasing; BM25 over
jieba tokens (default dictionary, no normalisation, synonyms or pinyin). Each baseline answers when
its score passes a threshold fitted like the engine's (≤ 5 % out-of-scope answered on the fit split).
Exit status 1 when the engine misses a target (top-1 ≥ 90 %, out-of-scope answered ≤ 5 %).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from knowledge.base import load
from tests.eval.harness import (
    OOS_ANSWERED_TARGET,
    TOP1_TARGET,
    Figures,
    JiebaBM25Baseline,
    WRatioBaseline,
    engine_outcome,
    figures,
    fit_baseline_threshold,
    load_devset,
)

SPLITS = ("fit", "held-out", None)


def evaluate(show_misses: bool = False) -> dict[str, dict[str | None, Figures]]:
    kb = load()
    index = kb.index
    questions = load_devset(kb.faq)
    wratio = WRatioBaseline(kb.faq)
    wratio.threshold = fit_baseline_threshold(wratio, questions)
    bm25 = JiebaBM25Baseline(kb.faq)
    bm25.threshold = fit_baseline_threshold(bm25, questions)
    systems = {
        "engine": lambda q: engine_outcome(index, q),
        "baseline: rapidfuzz WRatio (raw)": wratio.outcome,
        "baseline: BM25 over jieba tokens": bm25.outcome,
    }
    results = {name: {s: figures(questions, run, s) for s in SPLITS} for name, run in systems.items()}
    n_in = sum(q.in_scope for q in questions)
    n_vague = sum(q.vague for q in questions)
    print(
        f"development set: {len(questions)} questions, {n_in} in scope, {n_vague} vague,"
        f" {len(questions) - n_in - n_vague} out of scope"
    )
    print(
        f"{'system':36} {'split':9} {'top-1':>7} {'top-3':>7} {'right':>7} {'wrong':>7} {'OOS ans':>8} {'vague ans':>9}"
    )
    for name, by_split in results.items():
        for split, f in by_split.items():
            print(
                f"{name:36} {split or 'all':9} {f.rate('top1'):7.1%} {f.rate('top3'):7.1%}"
                f" {f.rate('answered_right'):7.1%} {f.rate('answered_wrong'):7.1%} {f.rate('oos_answered'):8.1%}"
                f" {f.rate('vague_answered'):9.1%}"
            )
    print("right / wrong: in-scope questions given a confident answer that is right / wrong.")
    print("OOS ans / vague ans: out-of-scope / too-vague questions given a confident answer.")
    if show_misses:
        print("\nengine top-1 misses (question → top entry; expected):")
        for q, got, expected in results["engine"][None].misses:
            print(f"  {q} → {got}; {', '.join(expected)}")
        for q in questions:
            if not q.in_scope and engine_outcome(index, q).answered:
                kind = "vague" if q.vague else "OOS"
                print(f"  {kind} answered: {q.q} → {engine_outcome(index, q).ranked[:1]}")
    return results


def meets_targets(f: Figures) -> bool:
    return f.rate("top1") >= TOP1_TARGET and f.rate("oos_answered") <= OOS_ANSWERED_TARGET


BLIND_SETS = {
    "devblind": Path(__file__).parent / "devblind.yaml",
    # a second blind set, written by someone who never saw the entries: all of it is held out
    "devblind2": Path(__file__).parent / "devblind2.yaml",
    # a third, weighted to the kinds a fresh sealed set found weak (situational, in force, method,
    # comparison, not covered): development data, its misses may be read
    "devblind3": Path(__file__).parent / "devblind3.yaml",
    # a fourth, weighted the same way, held out like devblind2: figures only, so that a session's
    # fixes tuned on devblind3 and the spent sealed sets can be seen to carry (or not) to new phrasings
    "devblind4": Path(__file__).parent / "devblind4.yaml",
    "sealed": Path("/work/blind/sealed.yaml"),
}


FIGURES_ONLY = ("devblind2", "devblind4", "sealed")  # never tuned on: no misses are printed


def evaluate_blind(path: Path, split: str | None, show_misses: bool) -> int:
    from tests.eval.blind import load_items
    from tests.eval.blind_run import print_figures, print_misses, run_baseline, run_engine

    kb = load()
    items = [i for i in load_items(path) if split is None or i.split == split]
    dev = load_devset(kb.faq)
    wratio = WRatioBaseline(kb.faq)
    wratio.threshold = fit_baseline_threshold(wratio, dev)
    bm25 = JiebaBM25Baseline(kb.faq)
    bm25.threshold = fit_baseline_threshold(bm25, dev)
    systems = {
        "engine": run_engine(kb, items),
        "BM25 over jieba": run_baseline(kb, bm25, items),
        "rapidfuzz WRatio": run_baseline(kb, wratio, items),
    }
    n_answerable = sum(i.answerable for i in items)
    print_figures(systems, f"{path.name} ({split or 'all'}): {len(items)} items, {n_answerable} answerable")
    if show_misses:
        print_misses(systems["engine"])
    return 0


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--set", choices=("dev", *BLIND_SETS), default="dev", dest="which")
    p.add_argument("--file", type=Path, help="the blind set's file (default: the set's usual place)")
    p.add_argument("--split", choices=("fit", "held-out"), help="only this split of the set")
    p.add_argument("--misses", action="store_true", help="list the engine's misses")
    args = p.parse_args()
    # A spent sealed set kept in the repository (tests/eval/sealed-DATE.yaml) is development data.
    spent = (
        args.which == "sealed"
        and args.file is not None
        and args.file.resolve().is_relative_to(Path(__file__).parent)
        and args.file.name.startswith("sealed-")
    )
    if args.which in FIGURES_ONLY and not spent and (args.misses or args.split == "fit"):
        p.error(f"--set {args.which} is held out as a whole: figures only (no --misses, no fit split)")
    if args.which != "dev":
        return evaluate_blind(args.file or BLIND_SETS[args.which], args.split, args.misses)
    results = evaluate(args.misses)
    engine = results["engine"]
    ok = meets_targets(engine[None]) and meets_targets(engine["held-out"])
    targets = f"top-1 ≥ {TOP1_TARGET:.0%}, out-of-scope answered ≤ {OOS_ANSWERED_TARGET:.0%}"
    print(f"targets ({targets}, overall and held-out):", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
