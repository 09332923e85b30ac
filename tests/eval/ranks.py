"""Where the right entry stands when the chat misses: the kind "right entry exists but another is
chosen" (brief para2), counted per blind set and question kind.

    .venv/bin/python tests/eval/ranks.py --set devblind [--kinds fact,colloquial,typo] [--list]
    .venv/bin/python tests/eval/ranks.py --file tests/eval/sealed-2026-11-30d.yaml --list

Every answerable item is run through the chat (tests/eval/blind.py, graded strictly); for each one
the chat got wrong, the search's distinct ranking (the question's named region, else the item's)
is walked: the first entry whose rendered text would be a right reply (its facts and a source of
an expected document; with no region known, the entry beside the other regions' entries of its
topic, as the chat shows them) gives the rank. Printed per kind: answerable, right, and the misses
whose right entry is 1st (ranked first but not shown as the answer: confidence, a turn of another
kind), 2nd–3rd, 4th–10th, or in none of the first 10 (no entry holds it as written, or the search
never finds it). Nothing here is tuned on: it only says which misses are ranking misses.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from knowledge.base import load
from tests.eval.blind import Item, chat, content_faults, grade, load_items

HERE = Path(__file__).parent
SETS = {"devblind": HERE / "devblind.yaml"}
BUCKETS = ("1st", "2-3", "4-10", "none")
DEPTH = 10


def right_rank(kb, item: Item) -> int | None:
    """1-based rank of the first distinct entry whose text would be a right reply, within DEPTH."""
    from dialogs.qa.entries import format_answer

    index = kb.index
    region = index.named_region(item.q) or item.region
    ranked = index.distinct(index.rank(item.q, region))[:DEPTH]
    for k, c in enumerate(ranked, 1):
        entry = index.answers[c.index]
        shown = [entry]
        if region is None and entry.topic:
            shown += [index.answers[j] for j in index.topic_members.get(entry.topic, []) if j != c.index]
        text = "\n\n".join(format_answer(a) for a in shown)
        if not content_faults(kb, item, text, need_source=True):
            return k
    return None


def bucket(rank: int | None) -> str:
    if rank is None:
        return "none"
    return "1st" if rank == 1 else "2-3" if rank <= 3 else "4-10"


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--set", choices=tuple(SETS), help="a development blind set by name")
    p.add_argument("--file", type=Path, help="a blind set's file (a spent sealed set)")
    p.add_argument("--kinds", default="", help="comma-separated kinds to count (default: every answerable kind)")
    p.add_argument("--list", action="store_true", help="list each miss with its right entry's rank")
    args = p.parse_args()
    path = args.file or SETS[args.set or "devblind"]
    if "devblind2" in path.name:
        p.error("devblind2 is held out: figures only (evaluate.py)")
    kinds = {k for k in args.kinds.split(",") if k}
    kb = load()
    items = [i for i in load_items(path) if i.answerable and (not kinds or i.kind in kinds)]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    listed: list[str] = []
    for item in items:
        seen = chat(kb, item.q, item.region)
        g = grade(kb, item, seen)
        c = counts[item.kind]
        c["n"] += 1
        if g.right:
            c["right"] += 1
            continue
        rank = right_rank(kb, item)
        c[bucket(rank)] += 1
        listed.append(
            f"  [{item.id} {item.kind} {item.region or '-'} {seen.decision}] rank {rank or '>' + str(DEPTH)}: {item.q}"
            f"\n      {'; '.join(g.reasons)[:160]}"
        )
    print(f"{path.name}: answerable misses by the rank of the first right entry (distinct, top {DEPTH})")
    print(f"{'kind':12} {'n':>4} {'right':>6} " + " ".join(f"{b:>5}" for b in BUCKETS))
    total: Counter[str] = Counter()
    for kind, c in sorted(counts.items()):
        total.update(c)
        print(f"{kind:12} {c['n']:4} {c['right']:6} " + " ".join(f"{c[b]:5}" for b in BUCKETS))
    print(f"{'all':12} {total['n']:4} {total['right']:6} " + " ".join(f"{total[b]:5}" for b in BUCKETS))
    if args.list:
        print("\n".join(listed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
