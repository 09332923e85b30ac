"""Every reply of the development sets as `python -m bot ask --json` gives it, one JSON line a
question, to compare two versions of the code byte for byte (a speed change must not change a reply).

Run by hand from the checkout to measure: `PYTHONPATH=$PWD python tests/bench/replies_snapshot.py
OUT.jsonl`, once before and once after the change, then `cmp` the two files. The questions of
tests/eval/devset.yaml and devblind.yaml are answered in one process with the user's region, in
file order, through bot.commands.ask.answer_one (the router's reply text, the Q&A turn's decision,
kind, sources, confidence and suggestions). With --first, only the first question of each set in a
fresh process each, for what a cold process answers.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETS = (ROOT / "tests" / "eval" / "devset.yaml", ROOT / "tests" / "eval" / "devblind.yaml")


def questions() -> list[tuple[str, str | None]]:
    """(question, region) of every item of the development sets, in file order."""
    import yaml

    out: list[tuple[str, str | None]] = []
    for path in SETS:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            out.append((str(item["q"]), item.get("region")))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--first", type=int, default=0, help="this many questions, each in a fresh `bot ask`")
    args = parser.parse_args()
    items = questions()
    lines: list[str] = []
    if args.first:
        for q, region in items[: args.first]:
            cmd = [sys.executable, "-m", "bot", "ask", "--json", "--no-log", q]
            if region:
                cmd += ["--region", region]
            lines.append(subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip())
    else:
        sys.path.insert(0, str(ROOT))
        from bot.commands.ask import answer_one
        from bot.index_cache import use_cache
        from knowledge.base import load

        kb = load()
        use_cache(kb, ROOT / "data" / "cache")
        for q, region in items:
            record, _ = answer_one(q, region, kb)
            lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} replies -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
