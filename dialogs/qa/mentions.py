"""Which of a situation's readings stand, when a field is mentioned more than once or a figure is a
change rather than a level (the breaker's B3, B4).

- Two figures for one field: the one said to be past (去年使用率60%, 2019年床位20张, 不是30张) gives
  way to the current one (今年80%, 现在40张, 是25张); a year against a later year is past. With no
  such word the first mention stands, except that a value beats a bound (没有30张，只有28张).
- A change (增加了10张, 比去年多了10张, 差两张) is not the field's level, and neither is the target
  after 差…到 (差两张到30张): they are set aside. When nothing else gives the field, the reply says
  that a change is not the count (`changes`).
- A past level and a change of the same field (床位去年35张，今年少了10张; 业务用房去年2000平，今年扩建了
  1500平) give the current level (25张, 3500平), said back (`derived`). A field said only in the past
  (去年床位25张 and no change) has no current figure: it is not taken, and the reply asks for it (`past`),
  except a figure counted over a year (床位使用率, 年诊疗人次): last year's is the latest whole year, so
  去年床位使用率74% is taken and said to be last year's (`yearly`; sealed set 5, r062).
Figures set aside are understood, not unread: they are not named in the "没能对上" note (`aside`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from dialogs.qa.figure_words import (
    CHANGE,
    CURRENT,
    LAST_YEAR,
    LOWERS,
    NUMBER_CHAR,
    PAST,
    SHORTFALL,
    TARGET_AFTER_SHORT,
    TARGET_JOINER,
    YEAR,
    YEARLY,
)
from dialogs.qa.stated import Stated
from dialogs.qa.vocabulary import CLAUSE_END


@dataclass(frozen=True)
class Reading:
    """The facts that stand, by field; the words of figures understood but not taken; the words of
    changes said for a field with no level."""

    found: dict[str, Stated]
    aside: tuple[str, ...] = ()
    changes: tuple[str, ...] = field(default=())
    derived: tuple[tuple[str, str, tuple[str, ...], str], ...] = ()  # (field, past, changes, now: as said)
    past: tuple[str, ...] = ()  # the words of fields said only in the past (no current figure)
    # a yearly statistic said for last year (去年使用率74%): the latest whole year, taken and said so
    yearly: tuple[str, ...] = ()


def choose(t: str, readings: Iterable[Stated]) -> Reading:
    """The readings of `t` (folded text) that stand, one per field (see the module's docstring)."""
    by_field: dict[str, list[tuple[Stated, str, int | None]]] = {}
    aside: list[str] = []
    changed: dict[str, dict[str, tuple[str, float | None]]] = {}  # field -> words -> (said, signed change)
    for s in readings:
        before, clause = _before(t, s)
        if _is_number(s) and _is_change(before, clause):
            changed.setdefault(s.field, {})[s.words] = _signed(before, s)
            continue
        year = YEAR.search(clause)
        by_field.setdefault(s.field, []).append((s, before, int(year.group(1)) if year else None))
    found: dict[str, Stated] = {}
    derived, past, yearly = [], [], []
    for name, mentions in by_field.items():
        latest = max((y for _, _, y in mentions if y is not None), default=None)
        ranked = [(_rank(before, year, latest), i, s) for i, (s, before, year) in enumerate(mentions)]
        top = max(r for r, _, _ in ranked)
        best = [s for r, _, s in sorted(ranked, key=lambda x: x[1]) if r == top]
        chosen = next((s for s in best if not s.bound), best[0])  # 没有30张，只有28张: the value wins
        aside += [s.words for _, _, s in ranked if s is not chosen and len(mentions) > 1 and _is_number(s)]
        if top == 0 and _is_number(chosen):  # said only in the past: the current level is not said
            deltas = list(changed.get(name, {}).values())
            if deltas and all(d is not None for _, d in deltas) and not chosen.bound and not chosen.ranged:
                now = _whole(chosen.value + sum(d for _, d in deltas if d is not None))
                unit = _figure(chosen)[max(m.end() for m in NUMBER_CHAR.finditer(_figure(chosen))) :]
                derived.append((name, _past_said(t, chosen), tuple(w for w, _ in deltas), f"{now}{unit}"))
                found[name] = Stated(name, now, chosen.words)
            elif name in YEARLY and _last_year(t, chosen):  # 去年床位使用率74%: the latest whole year
                found[name] = chosen
                yearly.append(_past_said(t, chosen))
            else:
                past.append(chosen.words)
            continue
        found[name] = chosen
    changes = tuple(w for name, words in changed.items() if name not in found for w in words)
    changes = tuple(w for w in changes if w not in past)
    aside += [w for name, words in changed.items() if name in found for w in words]
    return Reading(found, tuple(aside), changes, tuple(derived), tuple(past), tuple(yearly))


def _last_year(t: str, s: Stated) -> bool:
    """The figure is said for last year (去年, 上年) — not 以前, 原来 or 不是 — and is no bound or range."""
    before, _ = _before(t, s)
    return bool(LAST_YEAR.search(before)) and not s.bound and not s.ranged


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


def _figure(s: Stated) -> str:
    """The number and unit of a reading's words (床位去年35张 -> 35张)."""
    first = NUMBER_CHAR.search(s.words)
    return s.words[first.start() :] if first else s.words


def _signed(before: str, s: Stated) -> tuple[str, float | None]:
    """A change as said (今年少了10张) and its signed amount, or None when it adds to no level (差两张)."""
    m = CHANGE.search(before)
    when = CURRENT.search(before)
    said = (when.group() if when else "") + (m.group() if m else "") + _figure(s)
    if m is None or SHORTFALL in m.group() or not _is_number(s):
        return said, None
    return said, -float(s.value) if LOWERS.search(m.group()) else float(s.value)


def _past_said(t: str, s: Stated) -> str:
    """A past level as said (去年35张, 2023年28张)."""
    before, clause = _before(t, s)
    when = PAST.search(before) or PAST.search(clause) or YEAR.search(clause)
    return (when.group() if when else "") + _figure(s)


def _whole(x: float) -> int | float:
    x = round(x, 6)
    return int(x) if x == int(x) else x
