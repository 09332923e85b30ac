"""Measure a passage fallback (issue 12 item 8): when no FAQ entry answers, would quoting the
best-matching sentence of the official texts (verbatim, with its citation, marked as an excerpt)
answer the question? Not shipped: this script holds the whole method and prints what it would do.

    .venv/bin/python tests/eval/passages.py [--split fit|held-out]

For the devblind items the chat does not answer (suggest / decline), the best sentence of the
texts that apply in the item's region is found with BM25 over the search's own analyser (score =
share of what the question could score at most). Printed per score threshold: answerable items
whose excerpt holds every fact and comes from an expected document (gained), and out-of-scope
items that would get an excerpt (answered with something else). Counts only: no item is printed,
so the held-out split can be measured without being looked at.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from knowledge.base import load
from knowledge.search.index import Field
from tests.eval.blind import chat, load_items, norm

DEVBLIND = Path(__file__).parent / "devblind.yaml"
_SENTENCE = re.compile(r"(?<=[。；！？])")
MIN_CHARS = 12
THRESHOLDS = (0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25)


@dataclass(frozen=True)
class Passage:
    document: str
    section: str
    region: str
    text: str


def passages_of(documents: dict[str, Any]) -> list[Passage]:
    """Every sentence of the innermost sections of the official documents."""
    out = []
    for doc_id, doc in documents.items():
        if doc.kind == "secondary":
            continue
        paths = list(doc.sections)
        for path, text in doc.sections.items():
            if any(other != path and other.startswith(path) for other in paths):
                continue
            for line in text.split("\n"):
                out += [
                    Passage(doc_id, path, doc.region, s.strip())
                    for s in _SENTENCE.split(line)
                    if len(s.strip()) >= MIN_CHARS
                ]
    return out


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--split", choices=("fit", "held-out"), default="fit")
    args = p.parse_args()
    kb = load()
    analyzer = kb.index.analyzer
    passages = passages_of(kb.documents)
    field = Field([Counter(analyzer.analyse(x.text)[1]) for x in passages])
    gained: list[float] = []
    oos: list[float] = []
    unanswered = n_oos = 0
    for item in load_items(DEVBLIND):
        if item.split != args.split or item.decision in ("smalltalk", "not_covered"):
            continue
        if chat(kb, item.q, item.region).decision in ("answer", "likely"):
            continue
        query = set(analyzer.analyse(item.q)[1])
        region = item.region or kb.index.named_region(item.q)
        scores = field.scores(query)
        ceiling = field.ceiling(query)
        best = max(
            (
                (s / ceiling, i)
                for i, s in scores.items()
                if region is None or passages[i].region in (region, "national")
            ),
            default=None,
        )
        if item.answerable:
            unanswered += 1
        else:
            n_oos += 1
        if best is None:
            continue
        score, i = best
        text = norm(passages[i].text)
        if (
            item.answerable
            and passages[i].document in item.docs
            and all(any(norm(x) in text for x in g) for g in item.facts)
        ):
            gained.append(score)
        elif not item.answerable:
            oos.append(score)
    head = f"devblind {args.split}: {len(passages)} passages; not answered: {unanswered} answerable, {n_oos} OOS"
    print(head)
    print(f"{'excerpt from':>12} {'gained':>7} {'OOS excerpted':>14}")
    for t in THRESHOLDS:
        print(f"{t:12.2f} {sum(s >= t for s in gained):7d} {sum(s >= t for s in oos):14d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
