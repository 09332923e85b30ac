"""Running the engine and the two baselines over a blind set, and the figures we print.

The engine is the chat itself (dialogs.router.handle); each baseline ranks entries its own way and
"answers" with its best entry's text (the same rendering as the chat, with its sources) when its
score passes a threshold fitted on the development set's fit split, else declines.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tests.eval.blind import KINDS, Grade, Item, Seen, chat, grade, top_right
from tests.eval.fit import auc


@dataclass
class Row:
    """One item's outcome for one system."""

    item: Item
    seen: Seen
    grade: Grade
    confidence: float
    top_right: int  # the best entry's text would be a right answer


@dataclass
class Figures:
    rows: list[Row] = field(default_factory=list)

    def of(self, keep: Callable[[Row], bool]) -> list[Row]:
        return [r for r in self.rows if keep(r)]

    def rate(self, rows: Sequence[Row], what: str) -> float:
        return sum(getattr(r.grade, what) for r in rows) / len(rows) if rows else 0.0

    def answerable_right(self) -> float:
        return self.rate(self.of(lambda r: r.item.answerable), "right")

    def answerable_right_or_first(self) -> float:
        return self.rate(self.of(lambda r: r.item.answerable), "right_or_first")

    def oos_answered(self) -> float:
        rows = self.of(lambda r: r.item.decision == "decline")
        # answered with something other than "the texts do not give this"
        wrong = [r for r in rows if r.seen.decision in ("answer", "likely") and not r.grade.right]
        return len(wrong) / len(rows) if rows else 0.0

    def all_right(self) -> float:
        return self.rate(self.rows, "right")

    def auc(self) -> float:
        return auc([r.confidence for r in self.rows], [r.top_right for r in self.rows])


def shown_if_answered(kb: Any, q: str, region: str | None) -> tuple[float, str]:
    """The search's confidence, and the text the chat would show if it answered with its best
    entry (each region's entry side by side when no region is known)."""
    from dialogs.qa import format_answer

    result = kb.search(q, region)
    shown = result.per_region or result.answers[:1] or result.suggestions[:1]
    return result.confidence, "\n\n".join(format_answer(a) for a in shown)


def run_engine(kb: Any, items: Sequence[Item]) -> Figures:
    out = Figures()
    for item in items:
        seen = chat(kb, item.q, item.region)
        confidence, shown = shown_if_answered(kb, item.q, item.region)
        out.rows.append(Row(item, seen, grade(kb, item, seen), confidence, top_right(kb, item, shown)))
    return out


def run_baseline(kb: Any, baseline: Any, items: Sequence[Item]) -> Figures:
    """A baseline answers with its best entry's rendered text when its score passes its threshold."""
    from dialogs.qa import format_answer
    from dialogs.texts import qa as T
    from tests.eval.harness import Question

    out = Figures()
    for item in items:
        ranked = baseline.scores(Question(item.q, (), item.region))
        best_id, score = ranked[0] if ranked else ("", 0.0)
        entry = kb.index.entry(best_id) if best_id else None
        shown = format_answer(entry) if entry else ""
        answered = entry is not None and score >= baseline.threshold
        seen = Seen(shown if answered else T.DECLINE, "answer" if answered else "decline")
        out.rows.append(Row(item, seen, grade(kb, item, seen), score, top_right(kb, item, shown)))
    return out


def print_figures(systems: dict[str, Figures], title: str) -> None:
    print(f"\n{title}")
    names = list(systems)
    header = f"{'kind':13} {'n':>4} " + " ".join(f"{n[:18]:>18}" for n in names)
    print(header)
    engine = systems[names[0]]
    by_kind: dict[str, int] = defaultdict(int)
    for r in engine.rows:
        by_kind[r.item.kind] += 1
    for kind in (*KINDS, *sorted(set(by_kind) - set(KINDS))):
        if not by_kind.get(kind):
            continue
        cells = []
        for name in names:
            rows = systems[name].of(lambda r, kind=kind: r.item.kind == kind)
            right = systems[name].rate(rows, "right")
            first = systems[name].rate(rows, "right_or_first")
            cells.append(f"{right:8.0%} ({first:4.0%})  ")
        print(f"{kind:13} {by_kind[kind]:4} " + " ".join(f"{c:>18}" for c in cells))
    lines = [
        ("answerable right", lambda f: f"{f.answerable_right():.1%}"),
        ("… or 1st sugg.", lambda f: f"{f.answerable_right_or_first():.1%}"),
        ("all items right", lambda f: f"{f.all_right():.1%}"),
        ("OOS answered", lambda f: f"{f.oos_answered():.1%}"),
        ("AUC (conf.)", lambda f: f"{f.auc():.3f}"),
    ]
    for label, show in lines:
        print(f"{label:18} " + " ".join(f"{show(systems[n]):>18}" for n in names))
    print("cells: strictly right (right or first suggestion right). AUC: the confidence (a baseline's score)")
    print("against 'its best entry would be a right answer', over every item.")


def print_misses(figures: Figures) -> None:
    print("\nengine misses:")
    for r in figures.rows:
        if not r.grade.right:
            region = r.item.region or "-"
            print(f"  [{r.item.id} {r.item.kind} {region} {r.seen.decision} {r.confidence:.2f}] {r.item.q}")
            print(f"      {'; '.join(r.grade.reasons)[:200]}")
