"""The threshold rule calibrate.py writes (tests/eval/thresholds.py) is at a fixed point: refitting on
the same questions gives the same thresholds whatever their order, and leaving any one question out
moves none of them by thresholds.BOUND or more — where the rule applied once to the sample jumps by
more than that. And the checked-in calibration is what a refit on today's fit splits writes."""

from __future__ import annotations

import random

import pytest

from tests.eval.thresholds import BOUND, Row, rule, stable


def _made_up(seed: int) -> list[Row]:
    """Fit rows shaped like ours: sure answers nearly all right, a middle band about 88 % right
    (where the share of wrong answers hovers at the 3 % limit), out-of-scope questions low, most of
    them answered by an entry that says the texts lack it (right)."""
    rng = random.Random(seed)
    rows = [Row(0.9 + 0.1 * rng.random(), rng.random() < 0.99, False, True, f"hi{k}") for k in range(300)]
    rows += [
        Row(0.5 + 0.4 * rng.random(), rng.random() < 0.88, False, rng.random() < 0.8, f"mid{k}") for k in range(80)
    ]
    rows += [Row(0.6 * rng.random(), rng.random() < 0.5, False, rng.random() < 0.7, f"lo{k}") for k in range(40)]
    rows += [Row(rng.random(), True, True, True, f"ng{k}") for k in range(50)]
    rows += [Row(0.5 * rng.random() ** 2, False, True, rng.random() < 0.3, f"oos{k}") for k in range(20)]
    return rows


def _moves(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def test_a_refit_on_the_same_questions_gives_the_same_thresholds_whatever_their_order() -> None:
    rows = _made_up(3)
    shuffled = rows[:]
    random.Random(1).shuffle(shuffled)
    assert stable(rows) == stable(list(rows)) == stable(shuffled)


@pytest.mark.parametrize("seed", [3, 23])
def test_leaving_one_question_out_moves_the_stable_thresholds_less_than_the_bound(seed: int) -> None:
    rows = _made_up(seed)
    once, resampled = rule(rows), stable(rows)
    # the questions whose absence moves the rule applied once the most: where it is ill-conditioned
    influence = sorted(((_moves(rule(rows[:i] + rows[i + 1 :]), once), i) for i in range(len(rows))), reverse=True)[:6]
    assert influence[0][0] > BOUND  # the rule once jumps
    for _, i in influence:
        assert _moves(stable(rows[:i] + rows[i + 1 :]), resampled) < BOUND, rows[i]
    answer_at, likely_at, suggest_at = resampled
    assert suggest_at <= likely_at <= answer_at


def test_an_out_of_scope_question_raises_a_threshold_by_a_margin_not_a_wall() -> None:
    """One out-of-scope question answered with something else just above answer_at: the rule once
    jumps over it (two or more allowed: 2 % of the out-of-scope questions), the resampled mean rises
    only by the share of resamples in which it counts, so less than the rule's jump."""
    rows = _made_up(5)
    answer_at = stable(rows)[0]
    extra = [Row(answer_at + 0.05, False, True, False, f"worst{k}") for k in range(2)]
    jump = rule(rows + extra)[0] - rule(rows)[0]
    rise = stable(rows + extra)[0] - answer_at
    assert 0 <= rise < max(jump, BOUND)


@pytest.mark.xfail(
    strict=True,
    reason="decided 2026-12-01 (report-perf.md): the refit on 864 fit questions with the likely band's own"
    " out-of-scope limit (thresholds.LIKELY_OOS) keeps the out-of-scope tests green (answer_at 0.76, likely_at"
    " 0.42, suggest_at 0.39; dev OOS 2.6 %, 怎么挂号看专家门诊 declined) but raises one-word questions over the"
    " fixed vague gates (calibration.UNKNOWN_WORDS_SURE_AT 0.8: 床位 0.75 → 0.81, 材料, 条件, 时间 answered"
    " outright) and moves 5 comparison sides from answer to likely: not checked in until calibrate.py fits"
    " those gates with the weights",
)
def test_the_checked_in_calibration_is_the_refit(kb) -> None:
    """calibrate.py --keep-ranking on today's fit splits writes the checked-in weights and thresholds
    (refit after a change of the search or of the sets: tests/eval/calibrate.py --keep-ranking).
    Not to the digit: which fit questions the search decides (not a comparison, a situation …)
    depends on the calibration itself, so a refit from the refitted file may take a question more or
    less (2026-12-01: 738 then 739; weights moved ≤ 0.13, thresholds ≤ 0.01)."""
    from tests.eval.calibrate import refit

    shipped = kb.index.calibration
    weights, bias, thresholds = refit(kb)
    assert weights == pytest.approx(shipped.weights, abs=0.2)
    assert bias == pytest.approx(shipped.bias, abs=0.2)
    assert thresholds == pytest.approx((shipped.answer_at, shipped.likely_at, shipped.suggest_at), abs=BOUND / 2)


def test_an_out_of_scope_question_in_the_likely_band_raises_likely_at_above_it() -> None:
    """The likely band has its own out-of-scope limit (thresholds.LIKELY_OOS): one out-of-scope
    question answered with something else inside a band of fewer than 1 / LIKELY_OOS rows keeps the
    band above it, though the 2 % of all out-of-scope questions alone would let the band take it."""
    from unittest import mock

    from tests.eval import thresholds

    rows = [Row(0.95 + k / 10_000, True, False, True, f"sure{k}") for k in range(30)]  # no wrong answer allowed
    rows += [Row(0.5 + k / 100, k % 10 not in (0, 3, 6), False, True, f"mid{k}") for k in range(20)]  # 70 % right
    # out of scope and low: most say the texts lack it (2 % of all allows 4 answered), 20 do not
    rows += [Row(k / 10_000, True, True, False, f"says-not-given{k}") for k in range(200)]
    rows += [Row(0.03 + k / 1_000, False, True, False, f"low-oos{k}") for k in range(20)]
    worst = Row(0.605, False, True, True, "worst")
    with mock.patch.object(thresholds, "LIKELY_OOS", 1.0):  # without the band's own limit
        assert rule([*rows, worst])[1] < worst.conf
    assert rule(rows)[1] < worst.conf
    assert rule([*rows, worst])[1] > worst.conf
