"""Benchmark of the question answering (run by hand: .venv/bin/python tests/bench/bench_search.py).

Prints, beside the rapidfuzz WRatio baseline measured in the same run:
- index build time (from parsed entries), and loading the pickled index from the cache;
- per-question latency p50 / p99 over the development set, on the shipped base and on a synthetic
  base 50 times larger (variants of the real entries);
- the cold start of `python -m bot ask` as a whole process (median of 7 runs, cache already built).
Exit status 1 when a target is missed: p99 < 10 ms shipped, < 50 ms at 50×, cold start < 1.5 s.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from knowledge.base import load  # noqa: E402
from knowledge.search import build_index  # noqa: E402
from tests.eval.harness import Question, WRatioBaseline, load_devset  # noqa: E402

P99_SHIPPED_MS = 10.0
P99_LARGE_MS = 50.0
COLD_START_S = 1.5
SCALE = 50
COLD_RUNS = 7


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def latencies_ms(run: Callable[[Question], Any], questions: Sequence[Question], rounds: int = 3) -> list[float]:
    for q in questions[:5]:
        run(q)  # warm up (the tokenizer is set up on first use)
    out = []
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            run(q)
            out.append((time.perf_counter() - t) * 1000)
    return out


def synthetic(faq: Sequence[Any], scale: int) -> list[Any]:
    """`scale` variants of every entry: the same wording with fragments of its own answer mixed
    into the question and phrasings, so the vocabulary and posting lists grow as a real base would."""
    rng = random.Random(7)
    out = []
    for k in range(scale):
        for e in faq:

            def vary(text: str, e: Any = e) -> str:
                start = rng.randrange(max(1, len(e.answer) - 8))
                return text + e.answer[start : start + rng.randint(2, 8)]

            out.append(
                dataclasses.replace(
                    e,
                    id=f"{e.id}-v{k}",
                    question=vary(e.question),
                    phrasings=tuple(vary(p) for p in e.phrasings),
                    topic=f"{e.topic}-v{k}" if e.topic else None,
                )
            )
    return out


def cold_start_s(data_dir: Path) -> list[float]:
    env = {**os.environ, "DATA_DIR": str(data_dir)}
    cmd = [sys.executable, "-m", "bot", "ask", "--no-log", "--region", "jilin", "床位使用率要多少"]
    subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, check=True)  # builds the cache
    times = []
    for _ in range(COLD_RUNS):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return times


def bare_python_s() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - t


def main() -> int:
    kb = load()
    faq, documents = kb.faq, kb.documents
    questions = load_devset(faq)
    failures = []

    t = time.perf_counter()
    index = build_index(faq, documents)
    build_s = time.perf_counter() - t
    blob = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    t = time.perf_counter()
    pickle.loads(blob)
    load_s = time.perf_counter() - t
    print(f"shipped base: {len(faq)} entries, {len(questions)} dev questions")
    print(f"  index build {build_s * 1000:8.0f} ms   load from cache {load_s * 1000:6.1f} ms ({len(blob) // 1024} KiB)")

    engine = latencies_ms(lambda q: index.search(q.q, q.region), questions)
    wratio = WRatioBaseline(faq)
    base = latencies_ms(lambda q: wratio.scores(q), questions, rounds=1)
    p99 = percentile(engine, 99)
    print(f"  engine   p50 {percentile(engine, 50):6.2f} ms   p99 {p99:6.2f} ms   (target p99 < {P99_SHIPPED_MS} ms)")
    print(f"  WRatio   p50 {percentile(base, 50):6.2f} ms   p99 {percentile(base, 99):6.2f} ms   (baseline)")
    if p99 >= P99_SHIPPED_MS:
        failures.append(f"p99 shipped {p99:.2f} ms")

    large_faq = synthetic(faq, SCALE)
    t = time.perf_counter()
    large = build_index(large_faq, documents)
    large_build_s = time.perf_counter() - t
    print(f"synthetic base ×{SCALE}: {len(large_faq)} entries")
    print(f"  index build {large_build_s:8.1f} s")
    engine = latencies_ms(lambda q: large.search(q.q, q.region), questions, rounds=1)
    large_wratio = WRatioBaseline(large_faq)
    base = latencies_ms(lambda q: large_wratio.scores(q), questions[::10], rounds=1)
    p99 = percentile(engine, 99)
    print(f"  engine   p50 {percentile(engine, 50):6.2f} ms   p99 {p99:6.2f} ms   (target p99 < {P99_LARGE_MS} ms)")
    base_p = f"p50 {percentile(base, 50):6.2f} ms   p99 {percentile(base, 99):6.2f} ms"
    print(f"  WRatio   {base_p}   (baseline, every 10th question)")
    if p99 >= P99_LARGE_MS:
        failures.append(f"p99 at ×{SCALE} {p99:.2f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        times = cold_start_s(Path(tmp))
    median = statistics.median(times)
    print(f"cold start of `python -m bot ask` (whole process, cache built), {COLD_RUNS} runs:")
    print(f"  median {median:.2f} s   min {min(times):.2f} s   max {max(times):.2f} s   (target < {COLD_START_S} s)")
    print(f"  bare `python -c pass`: {bare_python_s():.2f} s (baseline)")
    if median >= COLD_START_S:
        failures.append(f"cold start {median:.2f} s")

    if failures:
        print("MISSED:", "; ".join(failures))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
