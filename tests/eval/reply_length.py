"""How long the replies of one kind of question are, as a director reads them on a phone.

    .venv/bin/python tests/eval/reply_length.py [--kind situational] [--each] [--json OUT]

Runs every item of that kind in the spent blind sets (tests/eval/sealed-2026-11-30*.yaml) and
devblind through the real chat path (tests/eval/blind.py) and prints, per set and over all: the
lines as sent, the characters, and the lines on a phone screen (PHONE_WIDTH full-width characters a
line; a half-width character counts half), with the median, the 90th percentile and the largest,
and how many items are graded right (the grading is blind.py's: shortening must keep every fact).
The limits the tests hold per kind are in tests/dialogs/qa/test_situation_short.py."""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from knowledge.base import load
from tests.eval.blind import HERE, chat, grade, load_items

PHONE_WIDTH = 20  # full-width characters on one line of a phone's chat bubble (about 360 px wide)
SETS = ("sealed-2026-11-30.yaml", "sealed-2026-11-30b.yaml", "sealed-2026-11-30c.yaml", "sealed-2026-11-30d.yaml")


def phone_lines(text: str, width: int = PHONE_WIDTH) -> int:
    """The lines `text` takes in a chat bubble `width` full-width characters wide (an empty line is one)."""
    total = 0
    for line in text.split("\n"):
        cells = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in line)
        total += max(1, math.ceil(cells / width))
    return total


def measure(text: str) -> dict[str, int]:
    return {"lines": len(text.split("\n")), "chars": len(text), "phone": phone_lines(text)}


def _summary(rows: list[dict]) -> str:
    if not rows:
        return "(none)"
    out = []
    for key in ("lines", "chars", "phone"):
        values = sorted(r[key] for r in rows)
        p90 = values[min(len(values) - 1, math.ceil(0.9 * len(values)) - 1)]
        out.append(f"{key}: median {statistics.median(values):g}, p90 {p90}, max {values[-1]}")
    right = sum(r["right"] for r in rows)
    return f"n={len(rows)} right={right} | " + " | ".join(out)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--kind", default="situational")
    p.add_argument("--each", action="store_true", help="print every item's figures")
    p.add_argument("--json", type=Path, help="write every item's figures here")
    args = p.parse_args()
    kb = load()
    rows: list[dict] = []
    for name in (*SETS, "devblind.yaml"):
        items = [i for i in load_items(HERE / name) if i.kind == args.kind]
        set_rows = []
        for item in items:
            seen = chat(kb, item.q, item.region)
            row = {"set": name, "id": item.id, "q": item.q, **measure(seen.text), "right": grade(kb, item, seen).right}
            set_rows.append(row)
            if args.each:
                print(f"{name} {item.id} lines={row['lines']} chars={row['chars']} phone={row['phone']} "
                      f"right={row['right']} {item.q}")
        print(f"{name}: {_summary(set_rows)}")
        rows += set_rows
    print(f"all: {_summary(rows)}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
