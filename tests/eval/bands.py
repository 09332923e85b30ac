"""How the decision bands behave on questions the calibration was not fitted on.

    .venv/bin/python tests/eval/bands.py [--out rows.json] [--sets devblind,sealed-2026-11-30c]

Every item of the blind development sets (devblind, devblind2) and of the spent sealed sets
(tests/eval/sealed-*.yaml) is run through the chat (tests/eval/blind.chat) and graded strictly
(blind.grade). Printed per set: answerable strictly right (right or first suggestion right), and the
out-of-scope (decline) items answered with something else; then, over the HELD-OUT splits only
(Item.split; devblind2 is held out as a whole), the confidence's AUC (best entry right), and per
band (the turn's decision: answer / likely / suggest / decline) how many items fell in it and how
many of those were right. `--out` keeps the rows (JSON) to compare two runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from knowledge.base import load
from tests.eval.blind import ANSWERED, Item, load_items
from tests.eval.blind_run import run_engine
from tests.eval.fit import auc

HERE = Path(__file__).parent
SETS = {
    "devblind": HERE / "devblind.yaml",
    "devblind2": HERE / "devblind2.yaml",
    **{p.stem: p for p in sorted(HERE.glob("sealed-*.yaml")) if not p.stem.endswith(".judged")},
}
BANDS = ("answer", "likely", "suggest", "decline")


def held_out(name: str, item: Item) -> bool:
    """devblind2 was never split (all of it is held out); the others by Item.split."""
    return name == "devblind2" or item.split == "held-out"


def run(names: list[str]) -> list[dict]:
    kb = load()
    rows = []
    for name in names:
        items = load_items(SETS[name])
        for r in run_engine(kb, items).rows:
            rows.append(
                {
                    "set": name,
                    "id": r.item.id,
                    "q": r.item.q,
                    "kind": r.item.kind,
                    "item_decision": r.item.decision,
                    "held_out": held_out(name, r.item),
                    "decision": r.seen.decision,
                    "turn": r.seen.kind,
                    "right": r.grade.right,
                    "right_or_first": r.grade.right_or_first,
                    "confidence": r.confidence,
                    "top_right": r.top_right,
                }
            )
    return rows


def report(rows: list[dict]) -> None:
    by_set: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_set[r["set"]].append(r)
    print(f"{'set':22} {'answerable':>10} {'right':>7} {'or 1st':>7} {'OOS ans':>9} {'held-out right':>15}")
    for name, rs in by_set.items():
        ans = [r for r in rs if r["item_decision"] in ("answer", "verdict")]
        oos = [r for r in rs if r["item_decision"] == "decline"]
        oos_ans = sum(r["decision"] in ANSWERED and not r["right"] for r in oos)
        held = [r for r in ans if r["held_out"]]
        print(
            f"{name:22} {len(ans):10} {_pct(ans, 'right'):>7} {_pct(ans, 'right_or_first'):>7}"
            f" {oos_ans:>3}/{len(oos):<3}  {_pct(held, 'right'):>7} of {len(held)}"
        )
    held = [r for r in rows if r["held_out"]]
    search = [r for r in held if r["turn"] == "search"]
    print(
        f"\nheld-out splits: {len(held)} items; AUC of the confidence (best entry right):"
        f" all {auc([r['confidence'] for r in held], [r['top_right'] for r in held]):.3f},"
        f" search-decided {auc([r['confidence'] for r in search], [r['top_right'] for r in search]):.3f}"
    )
    oos = [r for r in held if r["item_decision"] == "decline"]
    oos_ans = [r for r in oos if r["decision"] in ANSWERED and not r["right"]]
    print(f"held-out out-of-scope answered with something else: {len(oos_ans)}/{len(oos)}")
    for r in oos_ans:
        print(f"    [{r['set']} {r['decision']} {r['confidence']:.2f}] {r['q']}")
    print(f"{'band':8} {'items':>6} {'right':>6} {'prec.':>6} {'answerable':>10} {'right':>6} {'OOS':>4}  (held-out)")
    for band in BANDS:
        b = [r for r in held if r["decision"] == band]
        a = [r for r in b if r["item_decision"] in ("answer", "verdict")]
        n_oos = sum(r["item_decision"] == "decline" for r in b)
        right = sum(r["right"] for r in b)
        print(
            f"{band:8} {len(b):6} {right:6} {right / max(1, len(b)):6.1%} {len(a):10}"
            f" {sum(r['right'] for r in a):6} {n_oos:4}"
        )


def _pct(rows: list[dict], key: str) -> str:
    return f"{sum(r[key] for r in rows) / max(1, len(rows)):.1%}"


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--sets", default=",".join(SETS))
    p.add_argument("--out", type=Path, help="keep the rows as JSON")
    p.add_argument("--rows", type=Path, help="report on rows kept earlier instead of running")
    args = p.parse_args()
    rows = json.loads(args.rows.read_text()) if args.rows else run(args.sets.split(","))
    if args.out:
        args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
