"""Benchmark: evaluating profiles against the rule sets, and building the self-assessment .docx.

Run by hand: `python tests/bench/bench_eligibility.py`. Prints the figures and, in the same run, a
baseline: Jilin's four numeric selection conditions as a hand-written if-chain (what the data-driven
rules cost over code that knows nothing of citations or messages). Exits 1 when a hard limit is missed.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dialogs.report import build_docx
from knowledge.eligibility import FieldSpec, evaluate, load_fields, load_rule_sets
from knowledge.regions import DATA, region_by_id

PROFILES_PER_REGION = 5000
DOCX_RUNS = 40
LIMITS = {
    "load_ms": 1000.0,  # fields + four rule sets from YAML, cold
    "evaluate_p99_ms": 1.0,
    "evaluate_per_s": 5000.0,
    "docx_p99_ms": 300.0,
}


def random_profile(rng: random.Random, fields: dict[str, FieldSpec], names: list[str]) -> dict:
    profile: dict = {}
    for name in names:
        spec = fields[name]
        if rng.random() < 0.15:
            continue  # unknown
        if spec.kind == "bool":
            profile[name] = rng.random() < 0.7
        elif spec.kind == "choice":
            profile[name] = rng.choice(spec.choices)[0]
        else:
            low, high = spec.min or 0, min(spec.max or 100, 200000)
            value = rng.uniform(low, high)
            profile[name] = round(value) if spec.kind == "int" else round(value, 1)
    return profile


def jilin_baseline(p: dict) -> str:
    keys = ("open_beds", "bed_occupancy_rate", "floor_area_m2", "local_government_support")
    values = tuple(p.get(k) for k in keys)
    if (values[0] is not None and values[0] < 30) or (values[1] is not None and values[1] < 75):
        return "not_eligible"
    if (values[2] is not None and values[2] < 3000) or values[3] is False:
        return "not_eligible"
    return "incomplete" if None in values else "eligible"


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    t0 = time.perf_counter()
    fields = load_fields(DATA)
    rules = load_rule_sets(DATA)
    load_ms = (time.perf_counter() - t0) * 1000

    rng = random.Random(20240424)
    per_region: dict[str, list[dict]] = {
        region: [random_profile(rng, fields, rs.fields_needed()) for _ in range(PROFILES_PER_REGION)]
        for region, rs in rules.items()
    }
    samples: list[float] = []
    verdicts: dict[str, int] = {}
    start = time.perf_counter()
    for region, profiles in per_region.items():
        rule_set = rules[region]
        for profile in profiles:
            t = time.perf_counter()
            v = evaluate(profile, rule_set)
            samples.append((time.perf_counter() - t) * 1000)
            verdicts[v.verdict] = verdicts.get(v.verdict, 0) + 1
    total_s = time.perf_counter() - start
    per_s = len(samples) / total_s

    base_samples = []
    for profile in per_region["jilin"]:
        t = time.perf_counter()
        jilin_baseline(profile)
        base_samples.append((time.perf_counter() - t) * 1000)
    jilin_samples = []
    for profile in per_region["jilin"]:
        t = time.perf_counter()
        evaluate(profile, rules["jilin"])
        jilin_samples.append((time.perf_counter() - t) * 1000)

    docx_samples = []
    for i in range(DOCX_RUNS):
        region = list(rules)[i % len(rules)]
        profile = per_region[region][i]
        verdict = evaluate(profile, rules[region])
        t = time.perf_counter()
        content = build_docx(verdict, profile, fields, region_by_id(region).name, rules[region].title)
        docx_samples.append((time.perf_counter() - t) * 1000)
        assert content[:2] == b"PK"

    figures = {
        "load_ms": load_ms,
        "evaluate_p50_ms": statistics.median(samples),
        "evaluate_p99_ms": percentile(samples, 0.99),
        "evaluate_per_s": per_s,
        "docx_p50_ms": statistics.median(docx_samples),
        "docx_p99_ms": percentile(docx_samples, 0.99),
    }
    print(f"profiles evaluated: {len(samples)} over {len(rules)} regions; verdicts: {verdicts}")
    print(f"load fields + rule sets: {load_ms:.1f} ms")
    print(f"evaluate: p50 {figures['evaluate_p50_ms'] * 1000:.1f} µs, p99 {figures['evaluate_p99_ms'] * 1000:.1f} µs, "
          f"{per_s:,.0f} evaluations/s")  # fmt: skip
    n = len(rules["jilin"].criteria)
    print(f"jilin, data-driven ({n} criteria, messages, sources): p50 {statistics.median(jilin_samples) * 1000:.1f} µs")
    print(f"jilin, baseline if-chain (4 conditions, verdict only): p50 {statistics.median(base_samples) * 1000:.2f} µs")
    docx_p50, docx_p99 = figures["docx_p50_ms"], figures["docx_p99_ms"]
    print(f"build_docx ({DOCX_RUNS} documents): p50 {docx_p50:.1f} ms, p99 {docx_p99:.1f} ms")

    failed = []
    for key, limit in LIMITS.items():
        value = figures[key]
        ok = value >= limit if key.endswith("per_s") else value <= limit
        if not ok:
            failed.append(f"{key} = {value:.2f} (limit {limit})")
    for line in failed:
        print("LIMIT MISSED:", line)
    print("all limits met" if not failed else f"{len(failed)} limit(s) missed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
