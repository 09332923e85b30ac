"""Figures a director gives as parts of something rather than by the field's own name: a share
told as two counts ("专业技术人员编制40个，其中公共卫生人员8个" -> 公共卫生人员占比 20 %), and the
members of a list under one heading ("满意度：患者85%，签约居民82%，职工78%" -> each satisfaction).
The words are input vocabulary, in dialogs/qa/vocabulary.py."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from core.text import chinese_int
from dialogs.qa.vocabulary import CONTEXT_NAMES, COUNT_LEAD, COUNT_UNIT, SHARE_COUNTS
from dialogs.quantities import NUMERAL_FORMS

# A count in digits or in Chinese numerals (编制四十个，公卫的有九个: newcomer trial 7, N13), read by cn2an.
_NUMERAL_CHARS = "".join(NUMERAL_FORMS.values())
_COUNT = COUNT_LEAD + rf"(?P<n>\d+(?:\.\d+)?|[{_NUMERAL_CHARS}]+)" + COUNT_UNIT


def named_in_context(t: str) -> str:
    """`t` with each list member named in full where its heading is in the text (患者85% under 满意度
    -> 患者满意度85%), so the field's own words find it."""
    for heading, members in CONTEXT_NAMES.items():
        if heading in t:
            for member in members:
                t = re.sub(f"(?<![\\u4e00-\\u9fff]){member}(?=\\W?\\s*\\d)", member + heading, t)
    return t


def shares(t: str, specs: Mapping[str, Any]) -> list[tuple[str, float, str]]:
    """(field, percent, words) for each share told as a part and its whole, both counts, in `t`
    (folded text). Only for fields in `specs`; a whole of 0 or a part above the whole gives nothing."""
    out = []
    for field, (parts, wholes) in SHARE_COUNTS.items():
        if field not in specs:
            continue
        part = re.search(f"(?:{'|'.join(parts)}){_COUNT}", t)
        whole = re.search(f"(?:{'|'.join(wholes)}){_COUNT}", t)
        if part is None or whole is None:
            continue
        n, d = _count(part["n"]), _count(whole["n"])
        if n is not None and d is not None and d > 0 and n <= d:
            words = f"{whole.group()}，{part.group()}"
            out.append((field, round(n / d * 100, 1), words))
    return out


def _count(said: str) -> float | None:
    """A count in digits ("40", "2.5") or Chinese numerals ("四十", "两百"); None when not one number."""
    if re.fullmatch(r"\d+(?:\.\d+)?", said):
        return float(said)
    value = chinese_int(said)
    return float(value) if value is not None else None
