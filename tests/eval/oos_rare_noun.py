"""Figures of the near-topic set (tests/knowledge/search/oos_rare_noun.yaml), with the rare-noun check
(knowledge/search/asked_of.py) on and off:

    PYTHONPATH=$PWD .venv/bin/python tests/eval/oos_rare_noun.py [--half tune|held] [--show]
    PYTHONPATH=$PWD .venv/bin/python tests/eval/oos_rare_noun.py --fresh   # oos_fresh.yaml (brief oos4)

Per half: out-of-scope items answered confidently (answer or likely) — by the dev harness's rule (an
answer from any not-covered-* entry is honest) and strictly (only from an entry the item lists as
`honest`) — over the five regions, and in-scope items answered with one of their right entries.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import yaml

SET = Path(__file__).parents[1] / "knowledge" / "search" / "oos_rare_noun.yaml"
FRESH = SET.with_name("oos_fresh.yaml")  # held out, run once at the end (brief oos4)
REGIONS = ("jilin", "beijing", "chongqing-yuzhong", "national", None)
ANSWERED = ("answer", "likely")


def load_set(path: Path = SET) -> dict[str, list[dict[str, Any]]]:
    """The set's two lists (`oos`, `inscope`) of items, as written."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {"oos": list(raw["oos"]), "inscope": list(raw["inscope"])}


def figures(kb: Any, items: dict[str, list[dict[str, Any]]], half: str, show: bool) -> tuple[str, ...]:
    """(OOS answered by the harness's rule, strictly, in-scope right) as 'k/n' strings."""
    loose = strict = n_oos = 0
    for item in (i for i in items["oos"] if i["half"] == half):
        for region in REGIONS:
            r = kb.search(item["q"], region)
            top = r.answers[0].entry_id if r.answers else ""
            n_oos += 1
            if r.decision in ANSWERED:
                loose += not top.startswith("not-covered-")
                strict += top not in (item.get("honest") or ())
                if show:
                    print(f"  oos answered: {item['q']} ({region}) → {top}")
    right = n_in = 0
    for item in (i for i in items["inscope"] if i["half"] == half):
        r = kb.search(item["q"], item["region"])
        top = r.answers[0].entry_id if r.answers else ""
        n_in += 1
        ok = r.decision in ANSWERED and top in (item.get("entries") or ())
        right += ok
        if show and not ok:
            print(f"  in-scope miss: {item['q']} ({item['region']}) → {r.decision} {top}")
    return f"{loose}/{n_oos}", f"{strict}/{n_oos}", f"{right}/{n_in}"


def main() -> int:
    from knowledge.base import load
    from knowledge.search.subject import SubjectCheck

    p = argparse.ArgumentParser()
    p.add_argument("--half", choices=("tune", "held"), action="append")
    p.add_argument("--show", action="store_true")
    p.add_argument("--fresh", action="store_true", help="the fresh held-out set (oos_fresh.yaml)")
    args = p.parse_args()
    kb, items = load(), load_set(FRESH if args.fresh else SET)
    on = SubjectCheck.rare_asked
    print(f"{'half':6} {'check':5} {'OOS answered':>13} {'… strictly':>11} {'in-scope right':>15}")
    for half in ("fresh",) if args.fresh else args.half or ("tune", "held"):
        for label, method in (("off", lambda *_: None), ("on", on)):
            SubjectCheck.rare_asked = method  # type: ignore[method-assign]
            loose, strict, right = figures(kb, items, half, args.show and label == "on")
            print(f"{half:6} {label:5} {loose:>13} {strict:>11} {right:>15}")
        SubjectCheck.rare_asked = on  # type: ignore[method-assign]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
