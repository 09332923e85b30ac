"""The figures of a situation that no criterion took, so that a verdict never calls a situation met
while one of its figures went unread (中药饮片配了280种 once did): a figure with a unit that no fact
took, a figure that could not be read as one number (3o张, 1e3张, -3000平方米, 5亩), and a change
said with no level (增加了10张: not the count). (A figure read into a field no criterion takes is named
by situation._notes.) Figures understood and set aside (去年的60%, 不是30张) are not named."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from core.model import Reply
from core.text import fold_chinese
from dialogs.qa.facts import Reading, Stated, asks_requirement
from dialogs.qa.figure_words import ARTICLE, ARTICLE_BEFORE, FIELD_FIGURE, quantity_words
from dialogs.qa.turn import Turn
from dialogs.qa.verdict_asks_words import ASKS_IF
from dialogs.qa.vocabulary import ANY, RATE, UNIT
from dialogs.quantities import ParseError, parse_quantity, plain_digits
from dialogs.texts import qa as T
from knowledge.eligibility import FieldSpec
from knowledge.eligibility.evaluate import number_text

# A number running into letters (3o张, 1e3张, 40x): no figure could be read from it.
FIELD_WORD_REACH = 8  # characters before a figure in which its field's word is looked for (床位使用率都300%)
_GARBLED = re.compile(f"(?<![0-9a-z.])[-+±]?[0-9][0-9a-z.]*[a-z][0-9a-z.]*(?:{UNIT})?")


def unread_figures(text: str, stated: Mapping[str, Stated], aside: Collection[str] = ()) -> list[str]:
    """Figures with a unit in `text` (280种, 12名) that no stated fact took, leaving out the rule's
    own figures (要求30张, 每万人2名) and the figures set aside as understood (`aside`)."""
    t = plain_digits(fold_chinese(text))
    said = [s.words for s in stated.values()] + [s.range for s in stated.values() if s.range] + list(aside)
    figures = [m for m in ANY.finditer(t)] + [m for m in _GARBLED.finditer(t) if not ANY.fullmatch(m.group())]
    return [
        m.group()
        for m in sorted(figures, key=lambda m: m.start())
        if not any(m.group() in w for w in said)
        and not RATE.search(t[max(0, m.start() - 6) : m.start()])
        and not asks_requirement(t, m.start(), m.end())
        and not (ARTICLE.match(m.group()) and ARTICLE_BEFORE.match(t[m.end() :]))
    ]


def change_notes(reading: Reading) -> list[str]:
    """The notes on a current level worked out from a past one and its change (按去年35张、今年少了10张计，
    现为25张), on changes said for a field with no level (床位增加了10张 and nothing else of the beds),
    and on figures said only in the past (去年床位25张: the current one is needed)."""
    notes = [
        T.SITUATION_DERIVED.format(past=past, changes=T.FACT_SEPARATOR.join(changes), now=now)
        for _, past, changes, now in reading.derived
    ]
    if reading.changes:
        notes.append(T.SITUATION_CHANGE.format(figures=T.FACT_SEPARATOR.join(dict.fromkeys(reading.changes))))
    if reading.yearly:  # 去年床位使用率74%: taken as the latest whole year, and said so
        notes.append(T.SITUATION_LAST_YEAR.format(figures=T.FACT_SEPARATOR.join(dict.fromkeys(reading.yearly))))
    if reading.past:
        notes.append(T.SITUATION_PAST.format(figures=T.FACT_SEPARATOR.join(dict.fromkeys(reading.past))))
    return notes


def nothing_read(
    text: str, reading: Reading, regions: tuple[str, ...], specs: Mapping[str, FieldSpec] | None = None
) -> Turn | None:
    """A situation whose figures were all changes (床位比去年多了10张) or could not be read (床位3o张,
    面积5亩): no verdict, and the reply names them instead of answering as if they were not said — with
    why, when the field named before a figure says it cannot be one (床位-5张, 使用率300%: `specs`)."""
    if not any(w in text for w in ASKS_IF):  # it asks whether the institution qualifies (能申请吗, 够吗)
        return None
    understood = (*reading.aside, *reading.changes, *reading.past)
    figures = [f for f in unread_figures(text, {}, understood) if FIELD_FIGURE.search(f)]
    why = {f: w for f in figures if (w := impossible(text, f, specs or {})) is not None}
    figures = [f for f in figures if f not in why]
    changes, past = reading.changes, reading.past
    parts = ["".join(why.values()) + T.SITUATION_IMPOSSIBLE_AFTER] if why else []
    parts += [T.SITUATION_NOTHING_READ.format(figures=T.FACT_SEPARATOR.join(dict.fromkeys(figures)))] if figures else []
    parts += [T.SITUATION_CHANGE_ONLY.format(figures=T.FACT_SEPARATOR.join(dict.fromkeys(changes)))] if changes else []
    parts += [T.SITUATION_PAST_ONLY.format(figures=T.FACT_SEPARATOR.join(dict.fromkeys(past)))] if past else []
    if not parts:
        return None
    region = regions[0] if len(regions) == 1 else None
    return Turn("situation", "answer", (Reply("\n\n".join(parts)),), region, 1.0)


def impossible(text: str, figure: str, specs: Mapping[str, FieldSpec]) -> str | None:
    """Why `figure` cannot be the figure of the field named right before it (床位-5张: no negative count), or
    None when no field is named there or the questionnaire's parser gives no such reason."""
    t = plain_digits(fold_chinese(text))
    at = t.find(figure)
    pattern, fields = quantity_words()
    named = list(pattern.finditer(t[max(0, at - FIELD_WORD_REACH) : max(0, at)]))
    spec = specs.get(fields[named[-1].group()]) if named and at >= 0 else None
    parsed = parse_quantity(figure, spec) if spec is not None else None
    if not isinstance(parsed, ParseError) or parsed.reason not in T.SITUATION_IMPOSSIBLE or spec is None:
        return None
    unit = "%" if spec.kind == "percent" else spec.unit
    return T.SITUATION_IMPOSSIBLE[parsed.reason].format(
        label=spec.label,
        figure=figure,
        unit=unit,
        seen=parsed.unit_seen,
        min=number_text(spec.min, 2) if spec.min is not None else "",
        max=number_text(spec.max, 2) if spec.max is not None else "",
    )
