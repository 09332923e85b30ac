"""The kill checks' counting (tests/chaos/doubt.py): each check must be able to fail on a bad run,
and a reminder left in doubt by two kills is counted twice only when it was delivered in between;
a scenario cut off by its budget still reports what it finished (tests/chaos/run.py)."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from pathlib import Path

import pytest

from tests.chaos import run
from tests.chaos.doubt import DoubtTally, judge_kills
from tests.chaos.results import Ctx, Result


def _broken(**run: object) -> set[str]:
    res = Result("pace_latency", "postgres")
    judge_kills(res, "300ms", **run)  # type: ignore[arg-type]
    return {c.key.rsplit(".", 1)[1] for c in res.broken}


def _tally(*kills: tuple[set[str], dict[str, int]]) -> DoubtTally:
    tally = DoubtTally()
    for in_doubt, deliveries in kills:
        tally.add(in_doubt, Counter(deliveries))
    return tally


def test_a_reminder_sent_again_and_left_in_doubt_again_counts_at_both_kills() -> None:
    # kill 1 leaves r1 in doubt (delivered once); the restart sends it again (2) and is killed
    # before its mark: in doubt again, and it will go out a third time.
    tally = _tally(({"r1", "r2"}, {"r1": 1, "r2": 1}), ({"r1"}, {"r1": 2, "r2": 2}))
    assert tally.at_each_kill == [2, 1]
    assert tally.total == 3


def test_a_reminder_still_in_doubt_from_an_earlier_kill_is_not_new() -> None:
    # nobody has sent r1 since kill 1: kill 2 finds the same doubt (one more delivery to come, not two)
    tally = _tally(({"r1"}, {"r1": 1}), ({"r1", "r3"}, {"r1": 1, "r3": 1}), ({"r1"}, {"r1": 1}))
    assert tally.at_each_kill == [1, 1, 0]
    assert tally.total == 2


@pytest.mark.parametrize(
    ("twice", "doubt", "kills", "broken"),
    [
        (13, [4, 5, 3], 3, {"kill_twice_300ms"}),  # more sent twice than the kills left in doubt
        (0, [], 0, {"kill_made_300ms"}),  # no kill made: nothing was tested
        (2, [2], 1, {"kill_made_300ms"}),  # fewer kills than planned
        (4, [20, 1, 1], 3, {"kill_doubt_300ms"}),  # one kill left more in doubt than the window's places
    ],
)
def test_the_kill_checks_fail_on_a_bad_run(twice: int, doubt: list[int], kills: int, broken: set[str]) -> None:
    tally = DoubtTally()
    tally.at_each_kill = list(doubt)
    assert _broken(twice=twice, tally=tally, kills=kills, planned=3, lost=0, all_delivered=True, most=16) == broken


def test_a_lost_reminder_breaks_the_run() -> None:
    tally = _tally(({"r1"}, {"r1": 1}))
    tally.at_each_kill = [1, 0, 0]
    broken = _broken(twice=1, tally=tally, kills=3, planned=3, lost=1, all_delivered=False, most=16)
    assert broken == {"kill_lost_300ms"}


def test_a_good_run_breaks_nothing() -> None:
    tally = DoubtTally()
    tally.at_each_kill = [4, 5, 4]
    assert not _broken(twice=13, tally=tally, kills=3, planned=3, lost=0, all_delivered=True, most=16)


async def test_a_scenario_cut_off_by_its_budget_keeps_the_parts_it_finished(tmp_path: Path) -> None:
    async def slow(ctx: Ctx, kind: str) -> Result:
        res = Result("slow_part", kind)
        res.check("first", "the part that finished", 0, "= 0", True, 3)
        await asyncio.sleep(10)
        return res

    run.SCENARIOS["slow_part"] = (slow, ("sqlite",), ("sqlite",), 0.2, 0.2)
    try:
        ctx = Ctx(True, tmp_path, None, None, 0.0, random.Random(1))  # type: ignore[arg-type]
        res = await run.run_one("slow_part", "sqlite", ctx, 0.2)
    finally:
        del run.SCENARIOS["slow_part"]
    assert res.error is not None and "TimeoutError" in res.error
    assert [c.key for c in res.checks] == ["slow_part.sqlite.first"]
