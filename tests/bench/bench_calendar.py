"""Benchmark: Calendar.deadlines over many (region, stage, today) combinations.

Nudge planning asks a calendar once per user, so 100,000 users must cost well under the planning
budget (5 s for everything). Prints our figures and, in the same run, a simple baseline: a
day-by-day scan of the horizon matching each rule's month and day (no postponement), whose results
must agree with ours where nothing is postponed. Exits non-zero when the hard limit is missed.

    python tests/bench/bench_calendar.py
"""

from __future__ import annotations

import calendar as calendar_module
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from knowledge.base import load
from knowledge.calendar import Calendar

CALLS = 100_000
HORIZON = 400
LIMIT_TOTAL_S = 5.0  # the whole nudge-planning budget; the calendar must fit in it alone
LIMIT_P99_US = 500.0


def cases(calendars: dict[str, Calendar], n: int) -> list[tuple[Calendar, str | None, dt.date]]:
    rng = random.Random(7)
    first = dt.date(2020, 1, 1)
    out = []
    for _ in range(n):
        calendar = rng.choice(list(calendars.values()))
        stage = rng.choice([None, *[s.id for s in calendar.stages]])
        # 2020–2031: covers the official holiday years and years chinese_calendar does not know.
        out.append((calendar, stage, first + dt.timedelta(days=rng.randrange(12 * 365))))
    return out


def baseline(calendar: Calendar, stage: str | None, today: dt.date) -> list[tuple[str, dt.date]]:
    """Scan every day of the horizon and keep the days a rule names (yearly and once rules only)."""
    found = []
    for offset in range(HORIZON + 1):
        day = today + dt.timedelta(days=offset)
        for rule in calendar.rules:
            if stage is not None and rule.stage not in (None, stage):
                continue
            if rule.kind == "once" and rule.date == day:
                found.append((rule.id, day))
            elif rule.kind == "yearly" and rule.first_year <= day.year <= (rule.last_year or 9999):
                if day.year in rule.exceptions:
                    hit = rule.exceptions[day.year] == day
                else:
                    month_end = calendar_module.monthrange(day.year, day.month)[1]
                    hit = day.month == rule.month and day.day == min(rule.day, month_end)
                if hit:
                    found.append((f"{rule.id}-{day.year}", day))
    return sorted(found, key=lambda x: (x[1], x[0]))


def main() -> int:
    calendars = load().calendars
    work = cases(calendars, CALLS)

    timings = []
    start = time.perf_counter()
    results = []
    for calendar, stage, today in work:
        t0 = time.perf_counter()
        results.append(calendar.deadlines(stage, today, HORIZON))
        timings.append(time.perf_counter() - t0)
    total = time.perf_counter() - start

    sample = work[:2000]
    b_start = time.perf_counter()
    base = [baseline(c, s, t) for c, s, t in sample]
    b_per_call = (time.perf_counter() - b_start) / len(sample)

    mismatches = 0
    for (calendar, _, _), ours, theirs in zip(sample, results, base, strict=False):
        monthly = tuple(r.id for r in calendar.rules if r.kind == "monthly")  # the baseline skips these
        mismatches += [(d.id, d.date) for d in ours if not d.id.startswith(monthly or ("\0",))] != theirs

    us = sorted(t * 1e6 for t in timings)
    p99 = us[int(len(us) * 0.99)]
    print(f"calendar.deadlines: {CALLS} calls in {total:.2f} s")
    print(f"  per call: mean {statistics.mean(us):.1f} µs, median {statistics.median(us):.1f} µs, p99 {p99:.1f} µs")
    print(f"  deadlines returned: {sum(len(r) for r in results)}")
    print(f"baseline (day-by-day scan of {HORIZON} days, {len(sample)} calls): {b_per_call * 1e6:.1f} µs per call")
    print(f"  speed-up over baseline: {b_per_call / statistics.mean(timings):.0f}x; disagreements: {mismatches}")
    failed = []
    if total > LIMIT_TOTAL_S:
        failed.append(f"total {total:.2f} s > {LIMIT_TOTAL_S} s")
    if p99 > LIMIT_P99_US:
        failed.append(f"p99 {p99:.0f} µs > {LIMIT_P99_US} µs")
    if mismatches:
        failed.append(f"{mismatches} results disagree with the baseline")
    if failed:
        print("FAILED: " + "; ".join(failed))
        return 1
    print(f"OK: within limits (total ≤ {LIMIT_TOTAL_S} s, p99 ≤ {LIMIT_P99_US:.0f} µs, agrees with the baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
