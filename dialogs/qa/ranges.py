"""The value of one figure of a situation for its field (read by the questionnaire's own parser,
dialogs/quantities.py), and the ends of a range or approximate figure (30到40张, 二三十张, 三千多平,
三千左右). Split from facts.py (which finds the figures) by job."""

from __future__ import annotations

import math
import re

from dialogs.qa.stated import Stated
from dialogs.qa.vocabulary import (
    ABOUT_AFTER,
    ABOUT_BEFORE,
    ABOUT_NUMBER,
    MORE_THAN,
    NEIGHBOURS,
    PERCENT_TENTHS,
    PERCENT_TENTHS_MORE,
    RANGE_END,
    SOME_DIGIT,
    SOME_ENDS,
    SOME_TENS,
    UNIT_AFTER,
)
from dialogs.quantities import ParsedValue, parse_quantity
from knowledge.eligibility import FieldSpec


def vague(t: str, lead_at: int, at: int, num: str, unit: str, spec: FieldSpec) -> tuple[float, float, str] | None:
    """The ends of a range or an approximate figure at t[at:] (its number `num`, its unit `unit`;
    words in front of it from `lead_at`), and the words as said; None for one exact figure.
    30到40张 -> 30, 40; 二三十张 -> 20, 30; 十几张 -> 11, 19; 三千多平 -> 3000, 3999; 七成多 -> 70, 79;
    三十来张 -> 30, 39; 三千左右 / 大约3000 -> 2700, 3300; 将近3000 -> 2700, 3000. Each end is read by the
    questionnaire's parser against the field, so an end that does not fit the field gives no range."""
    end = at + len(num)
    rest = t[end + len(unit) :]
    said_end = end + len(unit)
    ends: tuple[str, str, str] | None = None  # the two numbers as typed, and their unit
    # "30到40张" or "30张到40张": the second number after a joiner
    joined = next(((base, m) for base in (end + len(unit), end) if (m := RANGE_END.match(t[base:]))), None)
    if joined is not None:
        base, m = joined
        ends = (num, m["num"], m["unit"] or unit)
        said_end = base + m.end()
    elif (pair := NEIGHBOURS.search(num)) is not None:
        ends = (num.replace(pair.group(), pair.group()[0], 1), num.replace(pair.group(), pair.group()[1], 1), unit)
    elif not unit and t[end : end + 1] == SOME_DIGIT and num.endswith(SOME_TENS):
        after = UNIT_AFTER.match(t[end + 1 :])
        some_unit = after.group() if after else ""
        ends = (num + SOME_ENDS[0], num + SOME_ENDS[1], some_unit)
        said_end = end + 1 + len(some_unit)
    if ends is not None:
        low, high = parse_figure(ends[0], ends[2], spec), parse_figure(ends[1], ends[2], spec)
        if low is None or high is None or low > high:
            return None
        return float(low), float(high), t[at:said_end]
    # 七成半左右, 七成五上下: the tenths' half or digit belongs to the figure (75 %), the 左右 after it
    more = rest[:1] if unit == PERCENT_TENTHS and rest[:1] and rest[:1] in PERCENT_TENTHS_MORE else ""
    value = parse_figure(num, unit, spec, more)
    if value is None or value <= 0:
        return None
    unit, rest = unit + more, rest[len(more) :]
    # "三千多平", "两千九百来平" (多/来 before the unit) or "七成多" (after it): from the figure up to, not
    # including, the next round one — 两千九百来 is 2900 to 2999, under 3000 (newcomer trial 7, N15)
    more_at = end if t[end : end + 1] in MORE_THAN else end + len(unit) if unit and rest[:1] in MORE_THAN else -1
    if more_at >= 0:
        step = 10.0 if unit == PERCENT_TENTHS else float(_place(value))
        tail = UNIT_AFTER.match(t[more_at + 1 :]) if not unit else None
        said = t[at : more_at + 1 + (len(tail.group()) if tail else 0)]
        return float(value), _capped(float(value) + step - min(1.0, step / 10), spec), said
    lead = t[lead_at:at]
    around = next((f for w, f in ABOUT_BEFORE.items() if w in lead), None)
    tail_word = next((w for w in ABOUT_AFTER if rest.startswith(w)), None)
    if tail_word is not None:
        around = ABOUT_AFTER[tail_word]
    elif not unit and t[end : end + 1] in ABOUT_NUMBER:  # 40来张: 来 between the number and its unit
        around = ABOUT_NUMBER[t[end]]
        after = UNIT_AFTER.match(t[end + 1 :])
        tail_word = t[end] + (after.group() if after else "")
    if around is None:
        return None
    low, high = value * around[0], _capped(value * around[1], spec)
    if spec.kind == "int":
        low, high = math.ceil(low - 1e-9), math.floor(high + 1e-9)
    said = (lead.strip() if lead.strip() in ABOUT_BEFORE else "") + t[at : end + len(unit)] + (tail_word or "")
    return float(low), float(high), said


def rough(t: str, m: re.Match[str], spec: FieldSpec, bound: str) -> Stated | None:
    """A figure known by its unit alone (m: vocabulary.ANY_ROUGH's match in `t`) as the range an approximate one
    stands for (两千八百来平 2800–2899, 约2800平 ±10 %); None when it is exact or `bound` makes it a bound.
    It was read exact, or not at all with 来/多 before its unit (breaker brk11, B1)."""
    span = None if bound else vague(t, max(0, m.start() - 3), m.start("num"), m["num"], m["unit"], spec)
    if span is None:
        return None
    low, high = whole(span[0]), whole(span[1])
    return Stated(spec.name, low, m.group(), span[2], low, high)


def whole(x: float) -> int | float:
    """30.0 -> 30; 3300.0000000000005 -> 3300 (a range's end as said back)."""
    x = round(x, 6)
    return int(x) if x == int(x) else x


def _place(value: float) -> int:
    """The place of a round figure's last non-zero digit: 3000 -> 1000, 30 -> 10, 35 -> 1."""
    if value != int(value):
        return 1
    n, place = int(value), 1
    while n % (place * 10) == 0:
        place *= 10
    return place


def _capped(value: float, spec: FieldSpec) -> float:
    """A range's upper end within the field's own bounds (a percentage stays ≤ 100)."""
    return min(value, float(spec.max)) if spec.max is not None else value


def parse_figure(number: str, unit: str, spec: FieldSpec, following: str = "") -> int | float | None:
    """The value of a number and its unit for a field, or None when it does not fit the field.
    `following`: the character after the unit, which a 成 may take (七成五 = 75 %)."""
    if unit == PERCENT_TENTHS:  # 九成 = 90 %, 七成五 = 75 %, 两成半 = 25 %: the questionnaire's reading
        if spec.kind != "percent":
            return None
        tail = following if following and following in PERCENT_TENTHS_MORE else ""
        parsed = parse_quantity(number + unit + tail, spec)
        return parsed.value if isinstance(parsed, ParsedValue) else None
    parsed = parse_quantity(number + unit, spec)
    # 使用率0.75, 使用率.8: a rate written as a fraction is read as its percentage (the /check asks)
    return parsed.value if isinstance(parsed, ParsedValue) else None
