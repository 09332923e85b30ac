"""Unit words, grouped by what they measure, for reading a quantity typed at a /check question
(dialogs/quantities.py): a typed unit from another group is a wrong unit.

Input vocabulary (words we recognise), not words we show: the replies live in dialogs/texts/."""

from __future__ import annotations

import re

from core.lazy_re import lazy
from core.text import fold

# Unit words grouped by what they measure. A typed unit from another group is a wrong unit; "个" fits
# any count. Rate words (每天, /日) are dropped first, so "20人次/天" reads as visits.
_UNIT_GROUPS: dict[str, tuple[str, ...]] = {
    "bed": ("张床位", "张病床", "个床位", "张床", "床位", "病床", "张", "床"),
    "area": ("平方米", "平方公尺", "平方", "平米", "m2", "平", "米2"),
    "percent": ("个百分点", "百分点", "%"),
    "person": ("个人", "人口", "人", "名", "位", "口"),
    "visit": ("人次", "诊次", "次"),
    "kind": ("个品种", "品种", "种", "味"),
    "item": ("项",),  # 7项中医适宜技术: techniques, never another count's unit (第6项 is no 6 of anything)
    "count": ("个",),  # fits any count
    # Teams and institutions are counted apart: "有一支" at 几所医院 is not 1 所 (newcomer trial 8, N21).
    "team": ("个团队", "支团队", "个队", "支", "队"),
    "institution": ("家医院", "所医院", "家", "所"),
    "year": ("年",),
    "money": ("万元", "元", "块"),
    "score": ("分",),  # 满意度85分: a satisfaction score out of 100 is its percentage (F16)
    "land": ("亩", "公顷", "平方公里", "平方千米"),  # land area, not a building's: a wrong unit for 平方米
}
_UNIT_GROUP_OF = {word: group for group, words in _UNIT_GROUPS.items() for word in words}
_UNITS_LONGEST_FIRST = sorted(_UNIT_GROUP_OF, key=len, reverse=True)
_COMPATIBLE = {frozenset({"person", "visit"})}  # "3万人" for annual visits is what people say
RATE_WORDS = ("/天", "/日", "每天", "每日", "一天", "/d")


def unit_group(rest: str) -> str | None:
    """The group of the unit the director typed: "" when none, None when the rest is not a unit."""
    if not rest:
        return ""
    for word in _UNITS_LONGEST_FIRST:
        if rest == word:
            return _UNIT_GROUP_OF[word]
    return None


def unit_group_of(unit: str) -> str:
    """The group a field's unit belongs to ("张" -> "bed"); a unit we do not know is its own group."""
    t = fold(unit)
    for word in RATE_WORDS:
        t = t.replace(word, "")
    return _UNIT_GROUP_OF.get(t, t)


def units_fit(seen: str, expected: str) -> bool:
    """Whether a typed unit's group `seen` fits a field's unit group `expected` ("" fits: no unit typed)."""
    if not seen or seen == expected or frozenset({seen, expected}) in _COMPATIBLE:
        return True
    return seen == "count" and expected not in ("area", "percent", "money")


# A ratio said instead of a count at a /check question (dialogs/questionnaire/ratio_said.py): a multiple
# ("两倍", "2.3倍", "一倍半") or a rate per 10,000 ("每万人口3个"); how derived.py's units and labels name them.
MULTIPLE = lazy(r"(?:[0-9.]+|[〇零一二两三四五六七八九十百半]+)\s*倍")
PER_10K = lazy(r"每\s*万")
MULTIPLE_UNIT, PER_10K_WORD = "倍", "每万"


# A share written as a fraction of digits (3/4, 1/2, 4／5): its percentage, at a percentage question or after a
# share's own word in a situation (使用率3/4, 占比1/4). Read as "3" with the field's % it was a 3 % occupancy
# and a ❌ (breaker brk11, B2). Only a proper fraction; with no share's word before it, only one with a
# denominator up to 20 (a percentage question's answer): 3/15 is a date anywhere else.
_DIGIT_FRACTION = lazy(r"(?<![0-9./／])([1-9][0-9]?)\s*[/／]\s*([1-9][0-9]?)(?![0-9./／])")
_SHARE_WORD_BEFORE = lazy(
    r"(?:率|比例|占比|比重|满意度|占[^，,。；;\s0-9]{0,8}?)(?:的)?(?:是|为|有|达到|达|在|大概|约|只有|才)?\s*$"
)
MAX_FRACTION_DENOMINATOR = 20


def fraction_as_percent(text: str, after_share_word: bool = False) -> str:
    """ "3/4" -> "75%", "1/8" -> "12.5%", "2/3" -> "66.7%" (one decimal); left as typed when not a proper
    fraction (of a small denominator unless `after_share_word`), or (`after_share_word`) when no share's word
    comes right before it."""

    def replace(m: re.Match[str]) -> str:
        num, den = int(m[1]), int(m[2])
        if after_share_word and not _SHARE_WORD_BEFORE.search(text[: m.start()]):
            return m.group()
        if not num < den <= (99 if after_share_word else MAX_FRACTION_DENOMINATOR):
            return m.group()
        percent = round(100 * num / den, 1)
        return f"{int(percent) if percent.is_integer() else percent}%"

    return _DIGIT_FRACTION.sub(replace, text)
