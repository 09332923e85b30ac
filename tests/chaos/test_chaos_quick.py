"""The chaos harness as part of the test command: `tests/chaos/run.py --quick` runs once (real bot
processes against the loopback fake Bot API, about 4-5 minutes), and each limit of issue 11 it
checks becomes one test here. PostgreSQL runs need TEST_DATABASE_URL; without it they are skipped
(or, where a scenario can, run on SQLite instead).

Limits the current code breaks are marked xfail with the item of issue 11 and the cause found.
Where today's failure shows on every run the mark is strict, so a fix makes the test XPASS and
fail until the mark is removed; where it depends on where a kill lands, it is not strict.
Deselect with `-m "not chaos"` for a quick local run; CHAOS_JSON=FILE keeps the run's figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.chaos

ROOT = Path(__file__).resolve().parents[2]
RUN_TIMEOUT = 900  # seconds; the quick run itself takes about five minutes on an idle machine


# check id -> (issue 11 item, cause found in phase 1, strict) for the limits broken today
BROKEN_TODAY: dict[str, tuple[int, str, bool]] = {
    # The pace is shared (peak <= 30, 0 x 429 hold; a user's due rows are claimed whole, so one chat
    # never gets two instances' messages within a second): 90-94 % at load 2-5, interleaved with
    # main's 88-94 % (the ceiling is 93.5 %: slots 7 % wider than 1/30 s). On a machine loaded beyond
    # its 2 cores (load 6-9) each instance, sending one message at a time (at most one sent and not
    # yet marked: <= 1 duplicate per kill -9) at ~8 ms of CPU each, fell to 10-13/s: 55-86 %. The
    # per-message statements now bypass SQLAlchemy (storage/driver.py): 5.0 -> 3.3 ms of bot CPU
    # per message at load 8-11, 93 % used in 3 of 3 runs; still not promised on a starved machine.
    "two_instances.used": (5, "one message in flight per instance: a CPU-starved machine cannot keep 30/s", False),
    # Over a 300 ms round trip with the in-flight window (bot/nudges/inflight.py): at load 2.4, 91 %,
    # peak 29, 0 x 429; at load 9-12 on the 2 cores (the bots and the fake Telegram starved, the
    # fake's own loop up to 52 ms late): 64-87 % used, and in 3 of 5 runs a peak of 31-32 with 1-4 x 429.
    "pace_latency.used_300ms": (5, "a CPU-starved machine (load 9-12) cannot keep 30/s over 300 ms", False),
    "pace_latency.peak_300ms": (5, "bots and fake starved (load 9-12): sends bunch, 31-32 in a second", False),
    "pace_latency.429_300ms": (5, "bots and fake starved (load 9-12): sends bunch, 1-4 x 429", False),
}
HOLDING_TODAY = [
    "questionnaire_kill9.missing",
    "tick_kill9.twice",  # only what a kill left in doubt is sent twice (bot/nudges/inflight.py)
    "tick_kill9.doubt",  # ... at most the window's places per kill
    "tick_kill9.lost",
    "tick_kill9.delivery",  # issue 11 item 3: a restarted instance takes its own claims back at once
    "tick_kill9.held_delivery",  # item 3: what the killed process held is not left to the lease
    # item 3 for replies: the outbox sweep's claim names the instance (bot/telegram/courier.py)
    "sweep_kill9.kill9_delivery",
    "sweep_kill9.kill9_once",
    "sweep_kill9.sigterm_delivery",
    "sweep_kill9.sigterm_once",
    "sweep_kill9.sigterm_exit",
    "tick_sigterm.twice",
    "tick_sigterm.lost",
    "tick_sigterm.held",  # item 3: a stop finishes the message on its way and gives back the rest
    "tick_sigterm.delivery",
    "two_instances.twice_fast",
    "two_instances.peak",  # item 5: one pace per bot, shared through PostgreSQL (bot/pace.py)
    "two_instances.429",
    # item 5 over a real network (300 ms a send): the window of messages on their way (bot/nudges/inflight.py)
    "pace_latency.twice_300ms",
    "pace_latency.all_300ms",
    "pace_latency.kill_twice_300ms",  # the decision: only what a kill left in doubt is sent twice
    "pace_latency.kill_doubt_300ms",  # ... and one kill leaves at most the window's places in doubt
    "pace_latency.kill_lost_300ms",
    "guards.forget_log",  # item 8: the unanswered log is linked to its user
    "guards.mydata_log",
    "guards.file_modes",  # item 8: DATA_DIR 0700, SQLite files 0600
    "capacity.vs_sqlite",
    "guards.forged_press",  # fixed with the architecture step: admin effects re-check rights
    "guards.removed_admin",
    "guards.webhook_json",  # item 10: bot/telegram/webhook.py answers 400
    "guards.webhook_utf8",
    # item 1: the outbox; a typed answer is read against the question the director saw
    "questionnaire_kill9.misfiled",
    "questionnaire_kill9.verdict_lost",
    "one_chat_429.delay",  # item 4: per-chat waits in our limiter, no AIORateLimiter
    # item 6: failures of a reply sorted by kind (bot/telegram/replies.py, courier.py)
    "reply_failures.5xx_silence",
    "reply_failures.5xx_alert",
    "reply_failures.400_attempts",
    "reply_failures.400_inactive",
    "reply_failures.429_answer",
]
LIMITS = [
    pytest.param(key, marks=pytest.mark.xfail(strict=strict, reason=f"issue 11 item {item}: {cause}"))
    for key, (item, cause, strict) in BROKEN_TODAY.items()
] + HOLDING_TODAY


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    # CHAOS_JSON keeps the run's figures where one can read them afterwards.
    """The JSON report of one `run.py --quick` (run once per module)."""
    out = Path(os.environ.get("CHAOS_JSON") or tmp_path_factory.mktemp("chaos") / "quick.json")
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    cmd = [sys.executable, str(ROOT / "tests" / "chaos" / "run.py"), "--quick", "--json", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT, check=False)
    if not out.exists():
        tail = f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        pytest.fail(f"the chaos run wrote no report (exit {done.returncode}):\n{tail}")
    data: dict[str, Any] = json.loads(out.read_text("utf-8"))
    data["stdout"] = done.stdout
    return data


def test_every_scenario_ran(report: dict[str, Any]) -> None:
    """No scenario crashed or ran out of its time budget."""
    errors = [f"{r['scenario']} [{r['backend']}]: {r['error']}" for r in report["results"] if r["error"]]
    assert not errors, "\n".join(errors) + "\n" + report["stdout"][-3000:]


@pytest.mark.parametrize("limit", LIMITS)
def test_limit(report: dict[str, Any], limit: str) -> None:
    """One limit of issue 11, on every backend it was measured on."""
    scenario, name = limit.split(".", 1)
    checks = [
        (r["backend"], c)
        for r in report["results"]
        if r["scenario"] == scenario
        for c in r["checks"]
        if c["key"] == f"{scenario}.{r['backend']}.{name}"
    ]
    if not checks:
        pytest.skip(f"{limit} was not measured in this run (no PostgreSQL, or the scenario failed to run)")
    if all(c["informational"] for _, c in checks):
        pytest.skip(f"{limit} is only reported in --quick: " + "; ".join(f"{b}: {c['value']}" for b, c in checks))
    failed = [f"[{b}] {c['what']}: {c['value']} (limit {c['limit']})" for b, c in checks if not c["ok"]]
    assert not failed, "\n".join(failed)
