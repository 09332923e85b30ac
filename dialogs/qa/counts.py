"""Figures a director gives as parts of something rather than by the field's own name: a share
told as two counts ("专业技术人员编制40个，其中公共卫生人员8个" -> 公共卫生人员占比 20 %), and the
members of a list under one heading ("满意度：患者85%，签约居民82%，职工78%" -> each satisfaction).
The words are input vocabulary, in dialogs/qa/count_words.py."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.text import chinese_int, fold_chinese
from dialogs.qa.count_words import (
    CONTEXT_NAMES,
    COUNT_FIRST_NOT,
    COUNT_FIRST_TAIL,
    COUNT_LEAD,
    COUNT_UNIT,
    DEFAULT_UNIT,
    SHARE_COUNTS,
)
from dialogs.quantities import NUMERAL_FORMS, plain_digits

# A count in digits or in Chinese numerals (编制四十个，公卫的有九个: newcomer trial 7, N13), read by cn2an.
_NUMERAL_CHARS = "".join(NUMERAL_FORMS.values())
_COUNT = COUNT_LEAD + rf"(?P<n>\d+(?:\.\d+)?|[{_NUMERAL_CHARS}]+)(?P<unit>" + COUNT_UNIT + ")"


def named_in_context(t: str) -> str:
    """`t` with each list member named in full where its heading is in the text (患者85% under 满意度
    -> 患者满意度85%), so the field's own words find it."""
    for heading, members in CONTEXT_NAMES.items():
        if heading in t:
            for member in members:
                t = re.sub(f"(?<![\\u4e00-\\u9fff]){member}(?=\\W?\\s*\\d)", member + heading, t)
    return t


@dataclass(frozen=True)
class Told:
    """A share told as two counts: the part (公卫人员18个), the whole (专业技术人员编制80个), the part's unit."""

    part: float
    whole: float
    unit: str
    whole_words: str
    part_words: str


def told_counts(t: str, specs: Mapping[str, Any]) -> dict[str, Told]:
    """field -> the two counts of each share told as a part and its whole in `t` (folded text, as facts.py
    reads it). Only for fields in `specs`; a whole of 0 or a part above the whole gives nothing."""
    out = {}
    for field, (parts, wholes) in SHARE_COUNTS.items():
        if field not in specs:
            continue
        part = re.search(f"(?:{'|'.join(parts)}){_COUNT}", t) or _count_first(parts, t)
        whole = re.search(f"(?:{'|'.join(wholes)}){_COUNT}", t) or _count_first(wholes, t)
        if part is None or whole is None:
            continue
        n, d = _count(part["n"]), _count(whole["n"])
        if n is not None and d is not None and d > 0 and n <= d:
            out[field] = Told(n, d, part["unit"] or DEFAULT_UNIT, whole.group(), part.group())
    return out


def _count_first(names: tuple[str, ...], t: str) -> re.Match[str] | None:
    """A count said before its name (四十个编制, 九个公卫的), as _COUNT's groups n and unit; not a count of
    physicians (2个公卫医师: another field)."""
    count = rf"(?P<n>\d+(?:\.\d+)?|[{_NUMERAL_CHARS}]+)(?P<unit>{COUNT_FIRST_TAIL})"
    return re.search(rf"{count}(?:{'|'.join(names)}){COUNT_FIRST_NOT}", t)


def said_counts(text: str, specs: Mapping[str, Any]) -> dict[str, Told]:
    """told_counts of a question as typed (folded and its digits made plain as facts.py reads it)."""
    return told_counts(named_in_context(plain_digits(fold_chinese(text))), specs)


def shares(t: str, specs: Mapping[str, Any]) -> list[tuple[str, float, str]]:
    """(field, percent, words) for each share told as a part and its whole, both counts, in `t`
    (folded text): told_counts as the percent facts.py reads."""
    out = []
    for field, told in told_counts(t, specs).items():
        words = f"{told.whole_words}，{told.part_words}"
        out.append((field, round(told.part / told.whole * 100, 1), words))
    return out


def _count(said: str) -> float | None:
    """A count in digits ("40", "2.5") or Chinese numerals ("四十", "两百"); None when not one number."""
    if re.fullmatch(r"\d+(?:\.\d+)?", said):
        return float(said)
    value = chinese_int(said)
    return float(value) if value is not None else None
