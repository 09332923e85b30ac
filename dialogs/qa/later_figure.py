"""A field's later figure said right after its own (使用率从60%提高到80%; 去年使用率80%，今年只有60%), and
the figure that is not one because it names another field (常住人口8万，现在有15个全科医生: 15 is the
GPs', never the population's; sealed set 10, s10b064). Split from facts.py (at the 350-line limit)."""

from __future__ import annotations

from collections.abc import Mapping

from dialogs.qa.figure_words import CONTINUES, FIGURE_TO_FIELD, LATER_SAME, quantity_words
from dialogs.qa.ranges import parse_figure
from dialogs.qa.stated import Stated
from knowledge.eligibility import FieldSpec


def continued(t: str, numbers: list[Stated], specs: Mapping[str, FieldSpec]) -> list[Stated]:
    """使用率从60%提高到80%: the figure after 提高到 right behind a field's figure is that field's later one;
    去年使用率80%，今年只有60%: so is a figure with no field word in the next clause said to be current."""
    out = []
    for s in numbers:
        at = t.find(s.words)
        m = (CONTINUES.match(t, at + len(s.words)) or LATER_SAME.match(t, at + len(s.words))) if at >= 0 else None
        if m and m.re is LATER_SAME and (not (m["when"] or m["change"]) or names_another(t, m.end(), s.field)):
            m = None  # a bare figure, or one naming another field (现在有15个全科医生), is not the field's later one
        value = parse_figure(m["num"], m["unit"] or "", specs[s.field]) if m else None
        if m and value is not None:
            words = m.group()[m.start("num") - m.start() :] if m.re is LATER_SAME else m.group()
            out.append(Stated(s.field, value, words))
    return out


def names_another(t: str, end: int, field: str) -> bool:
    """A field word other than `field` right after a figure (常住人口8万，现在有15个全科医生: 15 is the GPs')."""
    pattern, fields = quantity_words()
    m = pattern.match(t, end + (t[end : end + 1] == FIGURE_TO_FIELD))
    return m is not None and fields[m.group()] != field
