"""Normalising Chinese text before it is indexed or searched.

Entries and questions go through the same steps, so whatever a step does to a word it does on both
sides: NFKC (full-width letters, digits and punctuation to half-width), traditional to simplified
(OpenCC's t2s table), Chinese numerals to digits where they count something (三十张 → 30张,
百分之七十五 → 75%, but 统一 and 一老一小 stay), units (平米, ㎡ → 平方米; 6月30号 → 6月30日),
the synonym and abbreviation table (knowledge/data/synonyms.yaml), and punctuation to spaces.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.text import fold_chinese
from knowledge.yaml_read import read_yaml

# Characters of Chinese numerals, and the digits among them.
_NUMERAL_RUN = re.compile(r"(百分之)?([零〇一二两三四五六七八九十百千万亿]+)")
_DIGITS = set("零〇一二两三四五六七八九")
_MAGNITUDES = set("十百千万亿")
# A lone numeral (一, 两, 十) is a number only when a measure word follows it: 一名 is one person,
# 统一 and 一是 are words.
_MEASURES = set("张名个家项种年月日号天周人支所次位级层类批份岁成倍%")

_UNITS = [
    (re.compile(r"平方米|平米|平方(?!公里|千米)|m2|sqm"), "平方米"),
    (re.compile(r"(\d)平(?![方均台])"), r"\1平方米"),
    (re.compile(r"(月\d{1,2})号"), r"\1日"),
    # an area asked by its unit alone (得多少个平方, 要几平米) asks the floor area: the word the entries hold is
    # added, so the question is not left to 申请 or 多少 (newcomer trial 8: a fee, then the bed rule, came first);
    # not beside a bed (每张床多少平方米 asks an area per bed, its own entry)
    (re.compile(r"^([^床]*?)(多少|几)个?平方米(?![^，。？?,]{0,6}面积)(?=[^床]*$)"), r"\1\2平方米面积"),
]
# Everything that is not a letter, a digit, a CJK ideograph or one of the signs that carry meaning
# here (%, ≥, ≤) separates words.
_SEPARATORS = re.compile(r"[^0-9a-z%≥≤\u3400-\u4dbf\u4e00-\u9fff]+")


# Old compound numerals (廿 20, 卅 30, 卌 40, 皕 200) as the plain ones cn2an reads: 卅八 is 38, not
# 八 (8) after a sign nobody reads (newcomer trial 3, F13).
_OLD_NUMERALS = str.maketrans({"廿": "二十", "卄": "二十", "卅": "三十", "卌": "四十", "皕": "二百"})


def expand_old_numerals(text: str) -> str:
    """"卅八张" -> "三十八张", "廿五" -> "二十五"; other text unchanged."""
    return text.translate(_OLD_NUMERALS)


# A share said as a fraction (四分之一, 三分之二): the percentage the texts write it as, when whole (四分之一
# → 25%; 三分之一 stays). Sealed set 7, s7b041: "公卫的人是不是得占到四分之一" missed 北京's 25 %.
_FRACTION = re.compile(
    r"(?<![一二两三四五六七八九十百])([二三四五六七八九十]|十[一二三四五六七八九]?)分之([一二三四五六七八九])"
)
_SMALL = {c: i for i, c in enumerate("零一二三四五六七八九十")}


def fractions_to_percent(text: str) -> str:
    """"四分之一" -> "25%", "五分之二" -> "40%"; a fraction with no whole percentage unchanged."""

    def replace(m: re.Match[str]) -> str:
        den = m.group(1)
        whole = 10 + _SMALL[den[1]] if len(den) == 2 else _SMALL[den]
        percent, rest = divmod(100 * _SMALL[m.group(2)], whole)
        return f"{percent}%" if not rest and percent < 100 else m.group(0)

    return _FRACTION.sub(replace, text)


def numerals_to_digits(text: str) -> str:
    text = fractions_to_percent(expand_old_numerals(text))

    def replace(m: re.Match[str]) -> str:
        percent, run = m.group(1), m.group(2)
        following = text[m.end() : m.end() + 1]
        value = _numeral_value(run, counted=following in _MEASURES or bool(percent))
        if value is None:
            return m.group(0)
        return f"{value}%" if percent else value

    return _NUMERAL_RUN.sub(replace, text)


def _numeral_value(run: str, counted: bool) -> str | None:
    if run[0] in _MAGNITUDES - {"十"}:
        return None  # 万一, 千万 ("by all means"), 百强: not numbers
    has_magnitude = any(c in _MAGNITUDES for c in run)
    if len(run) == 1 and not counted:
        return None
    if not has_magnitude and 1 < len(run) < 3:
        return None  # 两三 (two or three), 一二: ranges, not 23 or 12
    import cn2an

    try:
        number = cn2an.cn2an(run, "smart" if not has_magnitude else "strict")
    except (ValueError, KeyError, IndexError):
        return None  # 十四五 (the 14th five-year plan) and other non-numbers
    return str(int(number)) if float(number).is_integer() else str(number)


class Normaliser:
    """Applies every step; built once from the synonym table."""

    def __init__(self, synonyms: dict[str, str]) -> None:
        table: dict[str, str] = {}
        for variant, canonical in synonyms.items():
            canonical_form = self._base(canonical)
            table[self._base(variant)] = canonical_form
            table.setdefault(canonical_form, canonical_form)
        self.synonyms = table
        # Longest first, and canonical forms included, so that 乡镇卫生院 is left alone rather than
        # having its 卫生院 expanded again into 乡镇乡镇卫生院.
        alternatives = sorted((k for k in table if k), key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, alternatives))) if alternatives else None

    @staticmethod
    def _base(text: str) -> str:
        text = numerals_to_digits(fold_chinese(text))
        for pattern, replacement in _UNITS:
            text = pattern.sub(replacement, text)
        return text

    def __call__(self, text: str) -> str:
        return self.finish(self._base(text))

    def base(self, text: str) -> str:
        """The steps before the synonym table: folding, numerals, units (punctuation kept)."""
        return self._base(text)

    def finish(self, text: str) -> str:
        """The steps after `base`: the synonym table, then punctuation to spaces."""
        if self._pattern is not None:
            text = self._pattern.sub(lambda m: self.synonyms[m.group(0)], text)
        return " ".join(_SEPARATORS.sub(" ", text).split())

    def variants_in(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each variant the synonym table would replace in `base` text (a canonical form
        left as it is is not one): where a slip just before it would be hidden by the replacement."""
        if self._pattern is None:
            return []
        return [(m.start(), m.end()) for m in self._pattern.finditer(text) if self.synonyms[m.group(0)] != m.group(0)]


def load_synonyms(path: Path) -> dict[str, str]:
    """synonyms.yaml maps a canonical term to the variants users type for it."""
    raw = read_yaml(path) or {}
    table: dict[str, str] = {}
    for canonical, variants in raw.items():
        for variant in variants or ():
            table[str(variant)] = str(canonical)
    return table
