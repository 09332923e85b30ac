"""A figure said of several fields at once: "三个满意度都在八成五以上", "几项满意度均超过90%",
"满意度都是85%". Every field the collective word names (each 满意度 field the region's specs hold) is
read with that figure, and its bound (以上 → ≥), exactly as if it had been said field by field.

Newcomer trial 8 (N1): "三个满意度都在八成五以上" went unread, and the verdict took the staff
satisfaction (79 %) from an earlier /check and called the situation 不符合.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping

from core.text import fold_chinese
from dialogs.field_words import NUMBER_WORDS
from dialogs.qa.bounds import bound_at
from dialogs.qa.ranges import parse_figure
from dialogs.qa.stated import Stated
from dialogs.qa.vocabulary import NUMBER, PERCENT_TENTHS, PERCENT_TENTHS_MORE
from knowledge.eligibility import FieldSpec

# The collective noun and the fields it names: a field is named when one of its words ends in it.
COLLECTIVE_NOUNS = ("满意度",)
# 三个满意度, 各项满意度, 这些满意度 … and 都/均 after: the figure is said of all of them, not of one
_HOW_MANY = r"(?:[三3两2四4]个|[三3两2四4]项|几个|几项|各项|各个|每个|每项|所有的?|这几个|这三个|这些|几类|三类)"
_ALL = r"(?:也都|全都|全部|都|均|全)"
_FILL = r"(?:在|是|有|达到|达|到|为|能到|能达到|了)*"
# a bound word before the figure (都超过90%, 都不到八成); 不低于 is read here, as bounds.py takes its 低于
_NOT_BELOW = ("不低于", "不少于")
_BOUND = r"(?P<bw>不低于|不少于|超过|高于|大于|不到|低于|不足|没有|没到|达不到|不够)?"
_COLLECTIVE = re.compile(
    f"(?P<many>{_HOW_MANY})?(?P<noun>{'|'.join(COLLECTIVE_NOUNS)})(?P<all>{_ALL})?{_FILL}{_BOUND}{_FILL}"
    f"(?P<num>{NUMBER})(?P<unit>成|%)?"
)


def named_by(noun: str, specs: Container[str]) -> tuple[str, ...]:
    """The fields of `specs` a collective noun (满意度) names: those with a word ending in it."""
    return tuple(f for f, words in NUMBER_WORDS.items() if f in specs and any(w.endswith(noun) for w in words))


def named_fields(text: str) -> set[str]:
    """The numeric fields a message names, by a field's own word (职工满意度) or by a collective noun not
    part of one (三个满意度: every 满意度 field), whether or not a figure of theirs was read."""
    t = fold_chinese(text)
    named = {f for f, words in NUMBER_WORDS.items() if any(w in t for w in words)}
    for noun in COLLECTIVE_NOUNS:
        own = [w for words in NUMBER_WORDS.values() for w in words if w != noun]
        for m in re.finditer(noun, t):
            if not any(t.endswith(w, 0, m.end()) for w in own):
                named |= set(named_by(noun, NUMBER_WORDS))
    return named


def collective(t: str, specs: Mapping[str, FieldSpec]) -> list[Stated]:
    """The facts a collective figure states (t folded, digits plain, as facts.read_all reads): one per
    field named, each with the figure's value and bound (以上: ≥). A noun that is one field's own word's
    tail (患者满意度85%) or a figure without 都/均 or a count (满意度85%: which one?) states nothing here."""
    out: list[Stated] = []
    for m in _COLLECTIVE.finditer(t):
        if not (m["many"] or m["all"]):
            continue
        own = [w for words in NUMBER_WORDS.values() for w in words if w != m["noun"]]
        if any(t.endswith(w, 0, m.end("noun")) for w in own):
            continue  # 患者满意度都在85%: that one field, read by facts.read_all
        rest = t[m.end() :]
        tail = rest[:1] if m["unit"] == PERCENT_TENTHS and rest[:1] in PERCENT_TENTHS_MORE else ""  # 八成五
        bound = ">=" if m["bw"] in _NOT_BELOW else bound_at(m["bw"] or "", rest[len(tail) :])
        for name in named_by(m["noun"], specs):
            value = parse_figure(m["num"], m["unit"] or "", specs[name], tail)
            if value is None:
                continue
            low = value if bound.startswith(">") else None
            high = value if bound.startswith("<") else None
            out.append(Stated(name, value, m.group() + tail, low=low, high=high, bound=bound))
    return out


__all__ = ["COLLECTIVE_NOUNS", "collective", "named_by", "named_fields"]
