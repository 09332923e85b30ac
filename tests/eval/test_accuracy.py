"""The evaluation as a test: the engine meets its accuracy targets on the development set, on the
held-out split as well as overall, and beats both baselines (accuracy, not timing)."""

from __future__ import annotations

from tests.eval.harness import (
    OOS_ANSWERED_TARGET,
    TOP1_TARGET,
    JiebaBM25Baseline,
    WRatioBaseline,
    engine_outcome,
    figures,
    fit_baseline_threshold,
    load_devset,
)


def test_devset_is_big_enough_and_maps_to_real_entries(kb) -> None:
    questions = load_devset(kb.faq)
    ids = {e.id for e in kb.faq}
    assert len(questions) >= 200
    assert sum(q.out_of_scope for q in questions) >= 30
    assert all(i in ids for q in questions for i in q.expect)
    for tag in ("typo", "trad", "numeral", "fullwidth", "oneword", "named"):
        assert sum(tag in q.tags for q in questions) >= 5, tag


def test_engine_meets_targets_overall_and_held_out(kb) -> None:
    questions = load_devset(kb.faq)
    for split in (None, "held-out"):
        f = figures(questions, lambda q: engine_outcome(kb.index, q), split)
        assert f.rate("top1") >= TOP1_TARGET, (split, f.rate("top1"), f.misses)
        assert f.rate("oos_answered") <= OOS_ANSWERED_TARGET, (split, f.rate("oos_answered"))
        assert f.rate("answered_wrong") <= 0.05, (split, f.rate("answered_wrong"))
        assert f.rate("vague_answered") <= 0.25, (split, f.rate("vague_answered"))


def test_engine_beats_both_baselines_on_top1(kb) -> None:
    questions = load_devset(kb.faq)
    engine = figures(questions, lambda q: engine_outcome(kb.index, q)).rate("top1")
    for baseline in (WRatioBaseline(kb.faq), JiebaBM25Baseline(kb.faq)):
        baseline.threshold = fit_baseline_threshold(baseline, questions)
        assert engine > figures(questions, baseline.outcome).rate("top1"), type(baseline).__name__
