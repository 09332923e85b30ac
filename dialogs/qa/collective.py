"""A figure said of several fields at once: "三个满意度都在八成五以上", "几项满意度均超过90%",
"满意度都是85%". Every field the collective word names (each 满意度 field the region's specs hold) is
read with that figure, and its bound (以上 → ≥), exactly as if it had been said field by field.

Newcomer trial 8 (N1): "三个满意度都在八成五以上" went unread, and the verdict took the staff
satisfaction (79 %) from an earlier /check and called the situation 不符合.
"""

from __future__ import annotations

from collections.abc import Container, Mapping

from core.text import fold_chinese
from dialogs.field_words import NUMBER_WORDS
from dialogs.qa.bounds import bound_at
from dialogs.qa.collective_words import COLLECTIVE, COLLECTIVE_NOUNS, NOT_BELOW
from dialogs.qa.ranges import parse_figure
from dialogs.qa.stated import Stated
from dialogs.qa.vocabulary import PERCENT_TENTHS, PERCENT_TENTHS_MORE
from knowledge.eligibility import FieldSpec


def named_by(noun: str, specs: Container[str]) -> tuple[str, ...]:
    """The fields of `specs` a collective noun (满意度) names: those with a word ending in it."""
    return tuple(f for f, words in NUMBER_WORDS.items() if f in specs and any(w.endswith(noun) for w in words))


def named_fields(text: str) -> set[str]:
    """The numeric fields a message names, by a field's own word (职工满意度; the longest word at each
    place, so 床位使用率 names no 床位) or by a collective noun not part of one (三个满意度: every 满意度
    field), whether or not a figure of theirs was read."""
    t = fold_chinese(text)
    words = sorted(((w, f) for f, ws in NUMBER_WORDS.items() for w in ws), key=lambda x: -len(x[0]))
    nouns = {noun: set(named_by(noun, NUMBER_WORDS)) for noun in COLLECTIVE_NOUNS}
    named: set[str] = set()
    i = 0
    while i < len(t):
        hit = next(((w, {f}) for w, f in words if t.startswith(w, i)), None)
        hit = hit or next(((n, fs) for n, fs in nouns.items() if t.startswith(n, i)), None)
        if hit:
            named |= hit[1]
        i += len(hit[0]) if hit else 1
    return named


def collective(t: str, specs: Mapping[str, FieldSpec]) -> list[Stated]:
    """The facts a collective figure states (t folded, digits plain, as facts.read_all reads): one per
    field named, each with the figure's value and bound (以上: ≥). A noun that is one field's own word's
    tail (患者满意度85%) or a figure without 都/均 or a count (满意度85%: which one?) states nothing here."""
    out: list[Stated] = []
    for m in COLLECTIVE.finditer(t):
        if not (m["many"] or m["all"]):
            continue
        own = [w for words in NUMBER_WORDS.values() for w in words if w != m["noun"]]
        if any(t.endswith(w, 0, m.end("noun")) for w in own):
            continue  # 患者满意度都在85%: that one field, read by facts.read_all
        rest = t[m.end() :]
        tail = rest[:1] if m["unit"] == PERCENT_TENTHS and rest[:1] in PERCENT_TENTHS_MORE else ""  # 八成五
        bound = ">=" if m["bw"] in NOT_BELOW else bound_at(m["bw"] or "", rest[len(tail) :])
        for name in named_by(m["noun"], specs):
            value = parse_figure(m["num"], m["unit"] or "", specs[name], tail)
            if value is None:
                continue
            low = value if bound.startswith(">") else None
            high = value if bound.startswith("<") else None
            out.append(Stated(name, value, m.group() + tail, low=low, high=high, bound=bound))
    return out


__all__ = ["COLLECTIVE_NOUNS", "collective", "named_by", "named_fields"]
