"""Cold start of `python -m bot ask` as a whole process (run by hand:
`PYTHONPATH=$PWD .venv/bin/python tests/bench/bench_cold_start.py [--runs 7]`).

Times the real command, one process per run, on a question that is logged as uncertain (so the log
write counts) and on one that is answered, beside a bare `python -c pass`; wall and CPU (user +
sys of the child) per run, medians printed with the load average of the moment (the machine is
shared: quote the load with the figure). The first run, which may build the index cache, is not
counted: it also writes the bytecode, as any installed program's first start does, into a
temporary PYTHONPYCACHEPREFIX. This machine sets PYTHONDONTWRITEBYTECODE=1, under which the project's
~190 modules are compiled again at every start (1.5–1.8 s instead of 1.2 s at load 0.7); the row
"no bytecode" (an empty prefix, nothing written: the libraries compiled too) is the worst case of a
read-only install, printed, outside the limit. Also lists the heavy modules a cold question
imported (none should be: cn2an, alembic, SQLAlchemy, pypinyin, pkg_resources; jieba segments
every question, imported without
pkg_resources by knowledge.search.tokens.import_jieba). Exits 1 when the answered question's median wall
time is over LIMIT_S (issue 12: < 1.5 s at quiet load), so `&&` chains can check it.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT_S = 1.5
QUESTIONS = {"answered": "吉林床位使用率要多少", "logged": "床位要多少张"}
HEAVY = ("cn2an", "alembic", "sqlalchemy", "pypinyin", "pkg_resources")
_PROBE = (
    "import sys\n"
    "from bot.__main__ import main\n"
    "main(['ask', '--no-log', sys.argv[1]])\n"
    "print(' '.join(m for m in {heavy!r} if m in sys.modules) or '-', file=sys.stderr)\n"
)


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cold-start-") as data:
        env = {**os.environ, "DATA_DIR": data, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": f"{data}/pyc"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        never = {**env, "PYTHONPYCACHEPREFIX": f"{data}/no-pyc", "PYTHONDONTWRITEBYTECODE": "1"}
        return _bench(args.runs, env, never)


def _bench(runs: int, env: dict[str, str], never: dict[str, str]) -> int:
    """`env`: bytecode written and read (the figure held to the limit); `never`: no bytecode at all."""
    env.pop("DATABASE_URL", None)
    never.pop("DATABASE_URL", None)
    commands = {name: [sys.executable, "-m", "bot", "ask", q] for name, q in QUESTIONS.items()}
    commands["no bytecode"] = commands["answered"]
    commands["bare python"] = [sys.executable, "-c", "pass"]
    envs = {name: never if name == "no bytecode" else env for name in commands}
    for name, cmd in commands.items():
        timed(cmd, envs[name])  # warm-up: builds the index cache, the database and the bytecode once
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():  # interleaved, so a change of load hits all alike
            figures[name].append(timed(cmd, envs[name]))
    print(f"load average {os.getloadavg()[0]:.2f} (1 min), {runs} runs each, python {sys.version.split()[0]}")
    for name, runs in figures.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(
            f"  {name:12} wall median {statistics.median(walls):6.3f} s (min {min(walls):.3f}, max {max(walls):.3f})"
            f"   cpu median {statistics.median(cpus):6.3f} s"
        )
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=HEAVY), QUESTIONS["answered"]],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    print(f"  heavy modules a cold question imported: {probe.stderr.strip().splitlines()[-1]}")
    median = statistics.median(w for w, _ in figures["answered"])
    verdict = "within" if median < LIMIT_S else "OVER"
    print(f"  answered question's median wall {median:.3f} s: {verdict} the limit of {LIMIT_S} s")
    return 0 if median < LIMIT_S else 1


if __name__ == "__main__":
    sys.exit(main())
