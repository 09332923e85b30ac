"""Which of a situation's readings stand, when a field is mentioned more than once or a figure is a
change rather than a level (the breaker's B3, B4).

- Two figures for one field: the one said to be past (去年使用率60%, 2019年床位20张, 不是30张) gives
  way to the current one (今年80%, 现在40张, 是25张); a year against a later year is past. With no
  such word the first mention stands, except that a value beats a bound (没有30张，只有28张).
- A change (增加了10张, 比去年多了10张, 差两张) is not the field's level, and neither is the target
  after 差…到 (差两张到30张): they are set aside. When nothing else gives the field, the reply says
  that a change is not the count (`changes`).
Figures set aside are understood, not unread: they are not named in the "没能对上" note (`aside`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from dialogs.qa.figure_words import CHANGE, CURRENT, NUMBER_CHAR, PAST, TARGET_AFTER_SHORT, TARGET_JOINER, YEAR
from dialogs.qa.stated import Stated
from dialogs.qa.vocabulary import CLAUSE_END


@dataclass(frozen=True)
class Reading:
    """The facts that stand, by field; the words of figures understood but not taken; the words of
    changes said for a field with no level."""

    found: dict[str, Stated]
    aside: tuple[str, ...] = ()
    changes: tuple[str, ...] = field(default=())


def choose(t: str, readings: Iterable[Stated]) -> Reading:
    """The readings of `t` (folded text) that stand, one per field (see the module's docstring)."""
    by_field: dict[str, list[tuple[Stated, str, int | None]]] = {}
    aside: list[str] = []
    changed: dict[str, list[str]] = {}
    for s in readings:
        before, clause = _before(t, s)
        if _is_number(s) and _is_change(before, clause):
            changed.setdefault(s.field, []).append(s.words)
            continue
        year = YEAR.search(clause)
        by_field.setdefault(s.field, []).append((s, before, int(year.group(1)) if year else None))
    found: dict[str, Stated] = {}
    for name, mentions in by_field.items():
        latest = max((y for _, _, y in mentions if y is not None), default=None)
        ranked = [(_rank(before, year, latest), i, s) for i, (s, before, year) in enumerate(mentions)]
        top = max(r for r, _, _ in ranked)
        best = [s for r, _, s in sorted(ranked, key=lambda x: x[1]) if r == top]
        chosen = next((s for s in best if not s.bound), best[0])  # 没有30张，只有28张: the value wins
        found[name] = chosen
        aside += [s.words for _, _, s in ranked if s is not chosen and len(mentions) > 1 and _is_number(s)]
    changes = tuple(w for name, words in changed.items() if name not in found for w in words)
    aside += [w for name, words in changed.items() if name in found for w in words]
    return Reading(found, tuple(aside), changes)


def _is_number(s: Stated) -> bool:
    return isinstance(s.value, int | float) and not isinstance(s.value, bool)


def _before(t: str, s: Stated) -> tuple[str, str]:
    """The words in front of the figure in its clause after any earlier number there (不是30张是 ->
    张是), and the whole clause in front of it."""
    at = t.find(s.words)
    if at < 0:
        return "", ""
    first_digit = NUMBER_CHAR.search(s.words)
    number_at = at + (first_digit.start() if first_digit else 0)
    window = t[:number_at]
    clause = window[max((m.end() for m in CLAUSE_END.finditer(window)), default=0) :]
    numbers = list(NUMBER_CHAR.finditer(clause))
    return (clause[numbers[-1].end() :] if numbers else clause), clause


def _is_change(before: str, clause: str) -> bool:
    """增加了10张, 多了10张, 差两张: a change; 差两张到30张: the 30 is the target."""
    if CHANGE.search(before):
        return True
    return TARGET_JOINER in before and any(w in clause for w in TARGET_AFTER_SHORT)


def _rank(before: str, year: int | None, latest: int | None) -> int:
    """0: said to be past; 2: said to be current; 1: neither."""
    if PAST.search(before) or (year is not None and latest is not None and year < latest):
        return 0
    return 2 if CURRENT.search(before) else 1
