"""Which side of a comparison is higher ("北京和吉林推荐标准的比例哪个高"): each side's figures of
what was asked, set against each other.

What was asked picks the figures: an answer gives many (北京: 85% 达标, 35% 推荐标准, 10家), and
only the clause about the asked thing counts. Each answer is cut into clauses; a clause with a
figure scores the pairs of characters it shares with the question, each pair weighted by how few
of all the sides' clauses hold it (推荐 is rarer than 达到), and each side keeps the figures of its
best clauses, in the unit the question asks for (比例 → %) when it names one. The sides are said to
be in order only when every figure of one is above every figure of the next; otherwise that they
are mixed. Figures as the answers give them: whether higher is stricter is the rule's to say."""

from __future__ import annotations

import itertools
import re

from core.text import fold_chinese
from dialogs.qa.compare_words import AMOUNT, CLAUSE_END, UNITS_ASKED
from dialogs.texts import qa as T
from dialogs.texts import qa_compare as TC

_AMOUNT = re.compile(AMOUNT)
_PARTS = re.compile(r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>.*)")
MAX_FIGURES = 4
# A side keeps the figures of every clause scoring at least this share of its best clause's: when
# two clauses are about as likely, both count, and the sides are then rarely "in order" (honest).
CLOSE = 0.8


def said(asked: str, answers: dict[str, str]) -> str:
    """The line saying which side (by name) is higher, from each side's answer text."""
    unit = next((u for words, u in UNITS_ASKED if any(w in asked for w in words)), None)
    clauses = {name: _clauses(text, unit) for name, text in answers.items()}
    wanted = _pairs(fold_chinese(asked))
    figures: dict[str, list[tuple[float, str]]] = {}
    for name, cs in clauses.items():
        others = [_pairs(read) for o, ocs in clauses.items() if o != name for read, _ in ocs]
        scored = [
            (_similar(_pairs(read), wanted) * max((_similar(_pairs(read), o) for o in others), default=0), c)
            for read, c in cs
        ]
        for i in range(1, len(scored)):  # a clause with no word of the question goes on the one before
            if not _pairs(scored[i][1]) & wanted:
                scored[i] = (scored[i - 1][0], scored[i][1])
        best = max((sc for sc, _ in scored), default=0.0)
        picked = [m.group() for sc, c in scored if sc > 0 and sc >= CLOSE * best for m in _AMOUNT.finditer(c)]
        parts = [(float(p["value"]), f) for f in picked if (p := _PARTS.fullmatch(f))]
        figures[name] = [f for f in parts if unit is None or f[1].endswith(unit)]
    units = [{_unit(f) for f in fs} for fs in figures.values()]
    if not all(units) or len(set.union(*units)) != 1:
        return TC.COMPARE_NOT_ONE_UNIT
    values = {name: sorted({v for v, _ in fs}) for name, fs in figures.items()}
    shown = {
        name: T.FACT_SEPARATOR.join(list(dict.fromkeys(t for _, t in fs))[:MAX_FIGURES]) for name, fs in figures.items()
    }
    if len({tuple(v) for v in values.values()}) == 1:
        return TC.COMPARE_EQUAL.format(facts=next(iter(shown.values())))
    order = sorted(values, key=lambda n: values[n][-1], reverse=True)
    if any(values[a][0] <= values[b][-1] for a, b in itertools.pairwise(order)):
        return TC.COMPARE_MIXED
    sides = [TC.COMPARE_SIDE.format(name=name, facts=shown[name]) for name in order]
    return TC.COMPARE_HIGHER.format(sides=TC.COMPARE_HIGHER_JOIN.join(sides))


def _clauses(text: str, unit: str | None) -> list[tuple[str, str]]:
    """The answer's clauses that hold a figure (of `unit`, when given), each with how it is read:
    after the clause before it ("到2025年，…其中达到推荐标准的比例不低于21%": the year is in the
    clause before). A figure clause with no word of the question at all ("…不低于17%，到2025年不低
    于21%") takes the score of the figure clause before it (`said`): it goes on about the same thing."""
    folded = "".join(fold_chinese(text).split())
    clauses = CLAUSE_END.split(folded)
    return [
        (before + c, c)
        for before, c in zip(["", *clauses], clauses, strict=False)
        if any(unit is None or m.group().endswith(unit) for m in _AMOUNT.finditer(c))
    ]


def _similar(a: set[str], b: set[str]) -> float:
    """Cosine of two sets of character pairs."""
    return len(a & b) / (len(a) * len(b)) ** 0.5 if a and b else 0.0


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _unit(figure: tuple[float, str]) -> str:
    m = _PARTS.fullmatch(figure[1])
    return m.group("unit") if m else ""
