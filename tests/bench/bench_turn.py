"""The Q&A turn's latency, as the bot runs it (run by hand:
`PYTHONPATH=$PWD .venv/bin/python tests/bench/bench_turn.py [--rounds 3] [--set devblind]`).

Every question of the development sets (tests/eval/devset.yaml and devblind.yaml, or one of them)
goes through the conversation's one entry point, `dialogs.router.handle`, as an idle user whose
region is set (the item's region, else Jilin's), on the index the bot loads (bot/index_cache.py)
after the bot's own warm-up (bot.wiring.warm_up: the tables a first question builds are built) and
its freezing of what start-up made (gc.freeze: no full collection walks the index mid-turn). Each
turn is timed in this process's CPU (time.process_time: less at the mercy of the shared machine's
load than the wall clock) and in wall time, `--rounds` times, round after round, so that a change of
load hits every question alike. Printed: p50 / p99 / max of CPU and wall over every turn, the p99 of
each question's best round (the least noisy figure), the slowest questions, and beside them the same
figures for the search alone (KnowledgeBase.search on the same questions and regions): the baseline a
turn builds on. Each turn is a fresh `one_turn()` (knowledge/search/memo.py): nothing kept from one
turn serves the next, so the rounds time the same work.

Exit status 1 when the turn's CPU p99 (over every turn) is not below LIMIT_MS (issue 12: p99 < 50 ms),
so `&&` chains can check it. Quote the load printed with the figure.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

LIMIT_MS = 50.0
SETS = {"dev": ROOT / "tests" / "eval" / "devset.yaml", "devblind": ROOT / "tests" / "eval" / "devblind.yaml"}
DEFAULT_REGION = "jilin"  # an item asked with no region is asked by a Jilin director here: the region is set
SLOWEST = 8

Timing = tuple[float, float]  # (CPU ms, wall ms) of one call


def questions(names: Sequence[str]) -> list[tuple[str, str]]:
    """(question, region) of every item of the named sets, in file order; region never None."""
    import yaml

    out: list[tuple[str, str]] = []
    for name in names:
        for item in yaml.safe_load(SETS[name].read_text(encoding="utf-8")) or []:
            out.append((str(item["q"]), item.get("region") or DEFAULT_REGION))
    return out


def percentile(values: Sequence[float], p: float) -> float:
    """The nearest-rank percentile `p` (0–100) of `values` (not empty)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


def timed(call: Callable[[], Any]) -> Timing:
    """(CPU ms, wall ms) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    call()
    return (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000


def rounds_of(items: Sequence[tuple[str, str]], run: Callable[[str, str], Any], rounds: int) -> list[list[Timing]]:
    """Each item's timings, one per round; the rounds run one after the other over all items."""
    out: list[list[Timing]] = [[] for _ in items]
    for _ in range(rounds):
        for k, (q, region) in enumerate(items):
            out[k].append(timed(lambda q=q, region=region: run(q, region)))
    return out


def summary(name: str, per_item: list[list[Timing]]) -> dict[str, float]:
    """The figures of one system over every turn (and each item's best round), printed as one row."""
    cpu = [c for runs in per_item for c, _ in runs]
    wall = [w for runs in per_item for _, w in runs]
    best = [min(c for c, _ in runs) for runs in per_item]
    figures = {
        "cpu p50": percentile(cpu, 50),
        "cpu p99": percentile(cpu, 99),
        "cpu max": max(cpu),
        "best p99": percentile(best, 99),
        "wall p50": percentile(wall, 50),
        "wall p99": percentile(wall, 99),
    }
    print(f"  {name:22} " + "  ".join(f"{k} {v:7.2f}" for k, v in figures.items()))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--set", choices=sorted(SETS), action="append", dest="sets")
    args = parser.parse_args()

    from bot.index_cache import use_cache
    from bot.wiring import warm_up
    from core.model import Event, UserState
    from dialogs.router import handle
    from knowledge.base import load
    from tests.eval.blind import NOW

    kb = load()
    use_cache(kb, ROOT / "data" / "cache")
    warm_up(kb)
    gc.freeze()  # as the bot does after its warm-up (bot/telegram/handlers.py): no full collection walks the index
    items = questions(args.sets or list(SETS))

    def turn(q: str, region: str) -> Any:
        return handle(UserState(user_id=1, region=region), Event.say(q), kb, NOW)

    def search(q: str, region: str) -> Any:
        return kb.search(q, region)

    turns = rounds_of(items, turn, args.rounds)
    searches = rounds_of(items, search, args.rounds)
    print(f"{len(items)} questions × {args.rounds} rounds, load {os.getloadavg()[0]:.1f} (1 min), ms:")
    figures = summary("Q&A turn (router)", turns)
    summary("search alone (baseline)", searches)
    slowest = sorted(range(len(items)), key=lambda k: -min(c for c, _ in turns[k]))[:SLOWEST]
    print("  slowest turns (best round's CPU ms):")
    for k in slowest:
        print(f"    {min(c for c, _ in turns[k]):6.1f}  [{items[k][1]}] {items[k][0]}")
    p99 = figures["cpu p99"]
    verdict = "within" if p99 < LIMIT_MS else "OVER"
    print(f"  turn CPU p99 {p99:.1f} ms: {verdict} the limit of {LIMIT_MS:g} ms")
    return 0 if p99 < LIMIT_MS else 1


if __name__ == "__main__":
    sys.exit(main())
