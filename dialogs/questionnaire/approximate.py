"""An approximate answer to a /check question (差不多40张, 大概七成左右, 40来张, 将近3000平米) is read as
the range it stands for — by the same reading a situational question gets (dialogs/qa/facts.py, which
reads every figure through the questionnaire's own parser, cn2an underneath) — and is recorded (marked
按约数记录) only when the whole range is on one side of every limit the region's rules put on that
field. When the range straddles a limit (约30张 against ≥30张), neither 符合 nor 不符合 can be given:
the director is told the verdict depends on the exact figure and asked for it (or 跳过/不清楚).

A bound (不到九成, 超过70%, 30张以下) is an answer too, never a question to search (breaker B4: "不到九成"
at the occupancy question brought back the 取消资格 paragraph): read as its interval, it is said back
— across a limit (要看准确的数) or wholly short of one (已达不到) — and the exact figure is asked for.
An earlier answer outside what was just said (上次填的 90% after 不到九成) is dropped and said so, never
kept silently on offer."""

from __future__ import annotations

from typing import Any

from core.lazy_re import lazy
from core.model import UserState
from dialogs.field_words import NUMBER_WORDS, SPELLED_RANGE
from dialogs.qa.facts import read_situation
from dialogs.qa.ranges import vague
from dialogs.qa.vocabulary import NUMBER, UNIT
from dialogs.quantities import ParsedValue, ParseError
from dialogs.questionnaire.flow import go
from dialogs.questionnaire.prompts import example_value
from dialogs.texts import questionnaire as T
from dialogs.unit_words import unit_group_of
from dialogs.words import APPROX_PREFIX
from knowledge.eligibility import FieldSpec, RuleSet, evaluate
from knowledge.eligibility.evaluate import number_text
from knowledge.eligibility.model import DECIDING

OPEN_END = 1e9  # the far end of a lower bound on a field without a maximum (超过40张)
FIGURE = lazy(f"(?P<num>{NUMBER})(?P<unit>{UNIT})?")  # a figure and its unit, as a situation reads them
APPROX_LEAD_CHARS = 4  # 差不多, 大概有: the words before a figure typed alone


def ends(text: str, spec: FieldSpec, specs: dict[str, FieldSpec] | Any) -> tuple[float, float, str] | None:
    """The two ends of an approximate answer typed for `spec`'s question and the words as said, or None
    when it is read as one figure. The field's own word is put before it, as a situation says it."""
    words = NUMBER_WORDS.get(spec.name)
    if not words:  # no words a situation names it by (双向转诊医院): the figure alone (两三家, 一两所: brk10)
        # a year is no count: 2019年左右 is not 1817 to 2221
        return _figure_ends(text.strip(), spec) if unit_group_of(spec.unit) != "year" else None
    stated = read_situation(words[0] + text.strip(), specs).get(spec.name)
    if stated is None or not stated.ranged or stated.low is None or stated.high is None:
        return None
    return float(stated.low), float(stated.high), stated.range


def _figure_ends(text: str, spec: FieldSpec) -> tuple[float, float, str] | None:
    """The ends of a figure typed alone, with the words before it that make it approximate (大概两三家)."""
    found = FIGURE.search(text)
    if found is None or found.start() > APPROX_LEAD_CHARS:
        return None
    return vague(text, 0, found.start("num"), found["num"], found["unit"] or "", spec)


def spoken_range(text: str, spec: FieldSpec, specs: dict[str, FieldSpec] | Any) -> float | None:
    """The low end of a range said the spoken way (十几个, 两三个, 二十几张) — recorded 按约数 like 十来个 when it
    straddles no limit (depends_note None), not refused as "不要填范围" (brk9 Q4); None for a range spelled
    out (30-40, 30到40张: a figure is asked for, as before) or one not read."""
    if SPELLED_RANGE.search(text):
        return None
    read = ends(text, spec, specs)
    return read[0] if read is not None else None


def straddled(profile: dict[str, Any], spec: FieldSpec, low: float, high: float, rule_set: RuleSet) -> list[str]:
    """The titles of the deciding criteria on this field, and its norms, whose status differs between the
    two ends. A norm decides nothing, but its line states the figure and the gap (两成多 recorded as 20 %
    against 公卫占比 ≥25 % said 还差5个百分点 of a share that may be 28 %: brk9 Q3)."""
    at_low = {r.id: r.status for r in evaluate({**profile, spec.name: low}, rule_set).criteria}
    at_high = evaluate({**profile, spec.name: high}, rule_set).criteria
    return [
        r.title
        for r in at_high
        if spec.name in r.fields and r.force in (*DECIDING, "norm") and at_low.get(r.id) != r.status
    ]


def depends_note(text: str, spec: FieldSpec, specs: Any, profile: dict[str, Any], rule_set: RuleSet) -> str | None:
    """What to say instead of recording an approximate answer that straddles a limit, or None (record it)."""
    read = ends(text, spec, specs)
    if read is None:
        return None
    low, high, said = read
    titles = straddled(profile, spec, low, high, rule_set)
    if not titles:
        return None
    unit = "%" if spec.kind == "percent" else spec.unit
    return T.APPROX_DEPENDS.format(
        said=said, low=number_text(low, 2), high=number_text(high, 2), unit=unit, titles="、".join(titles)
    )


def not_recorded(
    state: UserState, spec: FieldSpec, specs: Any, rule_set: RuleSet, text: str, parsed: ParsedValue | ParseError
) -> str | None:
    """What to say instead of recording an approximate answer or a bound, or None (record it). An
    earlier answer outside the interval said is dropped (the question is then asked afresh)."""
    if isinstance(parsed, ParseError):
        low, high = bound_interval(spec, parsed)
        note = bound_note(text, spec, parsed, low, high, state.profile, rule_set)
    else:
        read = ends(text, spec, specs) if parsed.approximate else None
        if read is None:
            return None
        low, high, _ = read
        note = depends_note(text, spec, specs, state.profile, rule_set)
        if note is None:
            return None
    return note + stale(state, spec, low, high)


def bound_interval(spec: FieldSpec, bound: ParseError) -> tuple[float, float]:
    """The values a bound leaves: 不到90% is [min, 90), 超过70% is (70, max]; an open end is moved in by
    one unit of the field's precision so that the limit itself is not taken (不到75% is short of ≥75%)."""
    value = float(bound.value or 0)
    step = 1.0 if spec.kind == "int" else 0.01
    if bound.above:
        return value + step, float(spec.max) if spec.max is not None else OPEN_END
    return float(spec.min) if spec.min is not None else 0.0, value - step


def bound_note(
    text: str, spec: FieldSpec, bound: ParseError, low: float, high: float, profile: dict[str, Any], rule_set: RuleSet
) -> str:
    """A bound said back: across a limit, wholly short of one, or (deciding nothing) just not a figure."""
    unit = "%" if spec.kind == "percent" else spec.unit
    side = (T.BOUND_ABOVE if bound.above else T.BOUND_BELOW).format(value=number_text(bound.value or 0, 2), unit=unit)
    said = text.strip()[:20]
    titles = straddled(profile, spec, low, high, rule_set)
    if titles:
        return T.BOUND_DEPENDS.format(said=said, side=side, titles=T.APPROX_TITLES_JOIN.join(titles))
    at_low = evaluate({**profile, spec.name: low}, rule_set).criteria
    short = [r.title for r in at_low if spec.name in r.fields and r.force in DECIDING and r.status == "fail"]
    if short:
        return T.BOUND_SHORT.format(said=said, side=side, titles=T.APPROX_TITLES_JOIN.join(short))
    return T.BOUND_EXACT.format(said=said, side=side)


def stale(state: UserState, spec: FieldSpec, low: float, high: float) -> str:
    """Drop an earlier answer the director has just contradicted (上次 90% after 不到九成): said, and the
    question asked afresh, not 沿用 90% offered again (breaker B4)."""
    old = state.profile.get(spec.name)
    if isinstance(old, bool) or not isinstance(old, int | float) or low <= old <= high:
        return ""
    del state.profile[spec.name]
    answered = state.data.get("answered") or []
    if spec.name in answered:
        answered.remove(spec.name)
    go(state, spec.name, "ask")
    unit = "%" if spec.kind == "percent" else spec.unit
    return T.STALE_DROPPED.format(value=number_text(old, 2), unit=unit)


def taken_example(spec: FieldSpec, specs: Any, profile: dict[str, Any], rule_set: RuleSet) -> str:
    """An approximate example ("约6000") that this question records — never one straddling a limit of the
    region's rules, which it would refuse (newcomer trial 5, N6: the hint said “约3000” at ≥3000 m²)."""
    unit, example = ("%" if spec.kind == "percent" else spec.unit), example_value(spec)
    for factor in (1, 2, 3, 0.5, 5, 0.2, 10):
        value = int(example * factor) if spec.kind != "percent" else min(100, int(example * factor))
        if value > 0 and depends_note(f"{APPROX_PREFIX}{value}{unit}", spec, specs, profile, rule_set) is None:
            return str(value)
    return ""
