"""Reading one quantity the way directors type it, for the questionnaire.

parse_quantity() reads one number (30, ３０, 三十, 30张, 75%, 百分之七十五, 九成, 两成半, 3,000平方米, 3千,
1.2万, 1.2萬, 叁拾, 约30, 30左右) and checks it against the field it answers. An approximate range
(八九张, 三四十, 十几张, 30到40) is not one number: it comes back as "range" so the director is asked
for one. It returns a ParsedValue or a ParseError whose `reason` the questionnaire turns into a polite
Chinese message (its wording in dialogs/texts/questionnaire.py). Numerals are read by cn2an.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, Protocol

from core.text import fold, simplified
from dialogs.field_words import NUMBER_WORDS
from dialogs.none_words import says_none
from dialogs.unit_words import RATE_WORDS, unit_group_of, units_fit
from dialogs.unit_words import unit_group as typed_unit_group

ParseReason = Literal[
    "not_number",  # no number, or words we do not understand around it
    "several",  # more than one number ("30张，其中20张…")
    "range",  # "30-40", "30到40": we need one value
    "negative",
    "not_integer",  # 30.5 beds
    "too_small",
    "too_large",
    "wrong_unit",  # 30平方米 for beds; 75% for a count
    "bound",  # "不到30张", "30张以下", "超过40张": a bound, not the figure (never recorded as 30)
]


class QuantitySpec(Protocol):
    """What parse_quantity needs to know about a field (knowledge.eligibility.FieldSpec fits)."""

    @property
    def kind(self) -> str: ...  # "int", "number" or "percent"
    @property
    def unit(self) -> str: ...
    @property
    def min(self) -> float | None: ...
    @property
    def max(self) -> float | None: ...


@dataclass(frozen=True)
class ParsedValue:
    value: int | float
    approximate: bool = False  # the director wrote 约/左右/多…: recorded as the number given
    confirm_percent: bool = False  # "0.75" for a percentage: value is 75, ask whether that is meant


@dataclass(frozen=True)
class ParseError:
    reason: ParseReason
    value: int | float | None = None  # the number read, when there was one
    unit_seen: str = ""  # for wrong_unit: the unit the director typed
    above: bool = False  # for bound: a lower bound (九成以上, 超过90%), the figure is more than value


# Words before the number (平均每天, 日均: a daily figure said with its period ("日均35人次"), the field's own period)
_LEAD_WORDS = (
    "平均每天", "平均每日", "日均", "每天", "每日", "平均", "大概是", "大约是", "大约有",
    "大概有", "一共有", "总共有", "约为", "大约", "大概", "大致", "差不多", "将近",
    "接近", "估计", "预计", "约", "近", "一共", "总共", "合计", "共有", "共",
    "现有", "目前", "现在", "实际", "就是", "只有", "就有", "才", "就", "只", "有", "是",
)
_APPROX_LEAD = {
    "大概是", "大约是", "大约有", "大概有", "约为", "大约", "大概", "大致", "差不多",
    "将近", "接近", "估计", "预计", "约", "近",
}
_APPROX_AFTER_NUMBER = ("多", "余", "来", "几")
_APPROX_TAIL = ("左右", "上下", "出头", "之间")
# A bound around the number is not an approximate value: "30张不到" is fewer than 30 (newcomer trial 2, A1).
_BOUND_LEAD = ("不到", "不够", "不足", "少于", "低于", "没有", "没到", "不满", "超过", "多于", "高于", "不止")
_BOUND_TAIL = ("以上", "以下", "不到", "都不到", "还不到", "以内", "多一点")
_ABOVE_LEAD = ("超过", "多于", "高于", "不止")  # a lower bound: 九成以上 is more than 90 % (F16)
_ABOVE_TAIL = ("以上", "多一点")
# cn2an's own table of the numeral characters it reads in "normal" and "smart" mode (cn2an.conf.
# NORMAL_CN_NUMBER, pinned equal to it by tests/dialogs/test_quantities_kinds.py), spelled here so
# that importing this module does not import cn2an: that import compiles cn2an's patterns, about
# 0.2 s of `python -m bot ask`'s cold start, and most questions have no numeral (issue 12).
_NUMERALS = (
    "零:零〇 一:一壹幺 二:二贰两 三:三叁仨 四:四肆 五:五伍 六:六陆 七:七柒 八:八捌 九:九玖 十:十拾 百:百佰 千:千仟 "
    "万:万 亿:亿"
)
NUMERAL_FORMS = dict(pair.split(":") for pair in _NUMERALS.split())
_DIGIT_VALUE = {
    char: "零一二三四五六七八九".index(key)
    for key, chars in NUMERAL_FORMS.items()
    if key in "零一二三四五六七八九"
    for char in chars
}
_DIGIT_CHARS = "".join(_DIGIT_VALUE)
_UNIT_CHARS = "".join(chars for key, chars in NUMERAL_FORMS.items() if key in "十百千万亿")
_NUMBER_CHARS = f"0-9.,{_DIGIT_CHARS}{_UNIT_CHARS}点廿"
# 九成 = 90 %, 两成半 = 25 %, 九成五 = 95 %: tenths, with a half or one more digit.
_CHENG = re.compile(
    rf"(?<![{_DIGIT_CHARS}{_UNIT_CHARS}0-9.])(?P<n>10|[1-9]|十|[{_DIGIT_CHARS}])成(?P<more>半|[{_DIGIT_CHARS}1-9])?"
)
# 十几, 几十, 二十几: "some" in place of a digit is a range, not a number.
_SOME = re.compile(rf"[0-9{_DIGIT_CHARS}{_UNIT_CHARS}]几|几[{_UNIT_CHARS}]")
_NUMBER_RUN = re.compile(f"[{_NUMBER_CHARS}]+")
_LEADING_NUMBER = re.compile(f"^(?P<neg>-|负)?(?P<pct>百分之)?(?P<num>[{_NUMBER_CHARS}]+)")
_ARABIC = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?")
_RANGE_JOINERS = ("-", "~", "—", "到", "至")
# Particles and emoji after the answer ("三十张吧", "30张整", "30张🛏️"): not part of the figure.
# A question mark after a bare figure ("85?", "30张？") is doubt, not a question: with nothing else asked it
# is the answer — it was searched, and a news passage with "85%" shown (brk10). "30张够吗？" keeps its 吗.
_TRAILING = re.compile("(?:吧|呢|啊|呀|哈|哦|嘛|整|[?？]|[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d])+$")
_LEADING_POINT = re.compile(r"^(\s*[-负]?)[.．](?=[0-9０-９])")
# An emoji before the figure ("🛏️40") is no part of it, as one after it is not (brk11 B17).
_LEADING_EMOJI = re.compile("^[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]+")
# When the figure is from, in brackets after it or before it: 75%（去年）, 40张(2025年底), 去年75% — the figure
# (a yearly one is last year's anyway); it was "没有看懂这个回答" (brk11 B11).
_WHEN = r"(?:去年|今年|前年|上年|本年|当年|上半年|全年|年底|年末|(?:19|20)\d\d年{})(?:的|度|底|末|数据|统计)*"
_WHEN_NOTE = re.compile(f"[（(]{_WHEN.format('?')}[）)]$|^{_WHEN.format('')}[:：]?(?=[-负0-9{_DIGIT_CHARS}百])")
_KEYCAP = re.compile("(?<=[0-9#*])\ufe0f?\u20e3|(?<=[0-9])\ufe0f")


# 廿 (20), 卅 (30), 卌 (40): one character for a tens numeral ("卅八张" is 38, never 8: newcomer trial 3, F13).
_TENS_CHARS = str.maketrans({"廿": "二十", "卄": "二十", "卅": "三十", "卌": "四十"})
_A_BIT_MORE = re.compile(f"(?<=[{_NUMBER_CHARS}])多(?:一)?(?:点|些)儿?$")  # 八成多点 is 八成多 (trial 7, N14)
# 80%多 (多 after the percent sign) is 80多%, as 七成多 is (brk10)
_MORE_AFTER_PERCENT = re.compile(f"(?<=[{_NUMBER_CHARS}])%([多余])(?:一)?(?:点|些)?儿?$")
# Whole shares in words: 百分之百 / 百分百 (100 %); 一半 at a percentage question (50 %)
_ALL_OF_IT = re.compile("百分之百|百分百")
_HALF = re.compile("(?<![0-9一二三四五六七八九十])一半$")

# 俩 / 仨 are 两个 / 三个 ("全科医师就俩": s7b065 went unread), not after a pronoun (咱俩, 这俩 = these two).
_COUNT_CHARS, _COUNT_WORDS = re.compile("(?<![这那咱我你他她它们])([俩仨])"), {"俩": "两个", "仨": "三个"}


def plain_digits(text: str) -> str:
    """Keycap digits as digits ("4️⃣0️⃣" -> "40"): the emoji marks after a digit are dropped; 廿/卅/卌 as
    二十/三十/四十 ("卅八" -> "三十八"); 俩/仨 as 两个/三个."""
    text = _COUNT_CHARS.sub(lambda m: _COUNT_WORDS[m[1]], text)
    return _KEYCAP.sub("", text).translate(_TENS_CHARS)


def parse_quantity(text: str, spec: QuantitySpec) -> ParsedValue | ParseError:
    if says_none(text) and spec.kind == "int" and (spec.min or 0) <= 0 and spec.unit != "年":
        return ParsedValue(0)  # "没有" at a count question: 0 (its usual range decides whether to confirm: F9)
    return _parse(text, spec)


def _parse(text: str, spec: QuantitySpec) -> ParsedValue | ParseError:
    text = _LEADING_POINT.sub(r"\g<1>0.", plain_digits(text))  # fold() would strip the "." of ".8"
    t = re.sub(r"\s+", "", simplified(fold(text)))
    t = _A_BIT_MORE.sub("多", _CHENG.sub(_cheng_as_percent, _ALL_OF_IT.sub("100%", t)))
    t = _MORE_AFTER_PERCENT.sub(r"\1%", t)
    t = _HALF.sub("50%", t) if spec.kind == "percent" else t
    if _SOME.search(t):
        return ParseError("range")
    for spelling in ("m2", "米2"):  # the 2 of m² is not a second number
        t = t.replace(spelling, "平方米")
    t = _TRAILING.sub("", _drop_field_words(_WHEN_NOTE.sub("", _LEADING_EMOJI.sub("", t)), spec))
    t, approximate = _drop_lead_words(t)
    bound = next((w for w in _BOUND_LEAD if t.startswith(w)), "")
    t = t[len(bound) :] if bound else t
    several = _several_numbers(t)
    if several:
        return ParseError(several)
    m = _LEADING_NUMBER.match(t)
    if m is None:
        return ParseError("not_number")
    if _neighbouring_digits(m["num"]):
        return ParseError("range")
    value = number_value(m["num"])
    if value is None:
        return ParseError("several" if "," in m["num"] else "not_number")
    rest = t[m.end() :]
    for word in _APPROX_AFTER_NUMBER:
        if rest.startswith(word):
            approximate, rest = True, rest[len(word) :]
            break
    if bound or rest.endswith(_BOUND_TAIL):
        return _bound(value, spec, rest, bool(m["pct"]), above=bound in _ABOVE_LEAD or rest.endswith(_ABOVE_TAIL))
    for word in _APPROX_TAIL:
        if rest.endswith(word):
            approximate, rest = True, rest[: -len(word)]
            break
    for word in RATE_WORDS:
        rest = rest.replace(word, "")
    unit_group = typed_unit_group(rest)
    if unit_group is None:
        return ParseError("not_number", value)
    percent_marked = bool(m["pct"]) or unit_group == "percent"
    if m["neg"]:
        value = -value
    has_decimal_point = "." in m["num"] or "点" in m["num"]
    return _check(value, spec, unit_group, rest, percent_marked, has_decimal_point, approximate)


def _bound(value: float, spec: QuantitySpec, rest: str, pct: bool, above: bool) -> ParseError:
    """A bound (不到30张, 九成以上): its figure checked against the field like a value; `above` only when the
    figure is one the field takes (超过90张 at a percentage is no lower bound of it)."""
    tail = next((w for w in _BOUND_TAIL if rest.endswith(w)), "")
    group = typed_unit_group(rest[: len(rest) - len(tail)])
    checked = _check(value, spec, group, rest, pct or group == "percent", False, False) if group is not None else None
    ok = isinstance(checked, ParsedValue)
    return ParseError("bound", checked.value if isinstance(checked, ParsedValue) else value, above=above and ok)


def _cheng_as_percent(m: re.Match[str]) -> str:
    """ "九成五" -> "百分之95": 成 counts tenths; 半 or a digit after it adds the next place."""
    tenths = int(m["n"]) if m["n"].isdigit() else (10 if m["n"] in "十拾" else _DIGIT_VALUE[m["n"]])
    more = m["more"] or ""
    extra = 5 if more == "半" else (int(more) if more.isdigit() else _DIGIT_VALUE.get(more, 0))
    return f"百分之{tenths * 10 + extra}"


def _neighbouring_digits(num: str) -> bool:
    """Two neighbouring digits side by side (八九, 三四十, 十七八, 两三百) say "about this or the next":
    a range. Three or more in a row are a number read digit by digit (二〇二六)."""
    for run in re.findall(f"[{_DIGIT_CHARS}]+", num):
        if len(run) == 2 and _DIGIT_VALUE[run[1]] == _DIGIT_VALUE[run[0]] + 1 and _DIGIT_VALUE[run[0]] > 0:
            return True
    return False


def _drop_field_words(t: str, spec: QuantitySpec) -> str:
    """Drop the field's own name before the number ("床位30张", "业务用房3000平方米" -> "30张", "3000平方米"):
    the words the Q&A reads the field by (dialogs/field_words.py) and its label. Another
    quantity's name (占地5000平方米 for the building area) is not dropped, so it is not taken."""
    name, label = getattr(spec, "name", ""), getattr(spec, "label", "")
    words = sorted({*NUMBER_WORDS.get(name, ()), *([label] if label else [])}, key=len, reverse=True)
    word = next((w for w in words if t.startswith(w)), "")
    return t[len(word) :].lstrip(":：") if word and len(t) > len(word) else t


def _drop_lead_words(t: str) -> tuple[str, bool]:
    """Drop words before the number ("目前大约有30张" -> "30张"); keep the text when no number follows,
    so a sentence that merely starts alike is left for the question check."""
    rest, approximate = t, False
    while True:
        word = next((w for w in _LEAD_WORDS if rest.startswith(w)), None)
        if word is None:
            break
        approximate |= word in _APPROX_LEAD
        rest = rest[len(word) :]
    if rest != t and re.match(f"[-负{_NUMBER_CHARS}]", rest):
        return rest, approximate
    return t, False


def _several_numbers(t: str) -> ParseReason | None:
    runs = list(_NUMBER_RUN.finditer(t))
    runs = [r for r in runs if re.search(r"[0-9零〇一二两三四五六七八九十廿]", r.group())]
    if len(runs) < 2:
        return None
    between = t[runs[0].end() : runs[1].start()]
    for joiner in _RANGE_JOINERS:
        if joiner in between:
            return "range"
    return "several"


def number_value(num: str) -> int | float | None:
    """One numeral as typed (30, 1.5, .8, 3,000, 三十, 一点五, 1.2万) -> its value; None when unreadable."""
    num = num.strip(",")
    if num.startswith(".") and num[1:2].isdigit():
        num = "0" + num  # ".8" is 0.8 and ".3万" 3000 (cn2an reads ".8" as 8)
    if _ARABIC.fullmatch(num):
        return _tidy(float(Decimal(num.replace(",", ""))))
    if "," in num:
        return None  # "30,40" is two numbers, not a thousands separator
    import cn2an  # here, not at import: see NUMERAL_FORMS

    try:  # Chinese numerals and mixed forms (三十, 1.2万, 3千, 一万二, 两千五百)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = cn2an.cn2an(num, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return _tidy(float(value))


def _tidy(value: float) -> int | float | None:
    # 400 nines overflow to inf: not a number anyone has, and JSON (the saved profile) has no inf.
    if not math.isfinite(value):
        return None
    value = round(value, 6)
    return int(value) if value.is_integer() else value


def _check(
    value: float,
    spec: QuantitySpec,
    seen_group: str,
    seen_unit: str,
    percent_marked: bool,
    has_decimal_point: bool,
    approximate: bool,
) -> ParsedValue | ParseError:
    confirm = False
    if spec.kind == "percent":
        if seen_group == "score" and getattr(spec, "name", "").endswith("satisfaction"):
            seen_group = "percent"
        if seen_group and seen_group != "percent":
            return ParseError("wrong_unit", value, seen_unit)
        if not percent_marked and has_decimal_point and 0 < value < 1:
            value, confirm = round(value * 100, 4), True
    else:
        if percent_marked or not units_fit(seen_group, unit_group_of(spec.unit)):
            return ParseError("wrong_unit", value, seen_unit or "%")
    if value < 0 and (spec.min is None or spec.min >= 0):
        return ParseError("negative", value)
    if spec.kind == "int":
        if not float(value).is_integer():
            return ParseError("not_integer", value)
        value = int(value)
    elif float(value).is_integer():
        value = int(value)
    if spec.min is not None and value < spec.min:
        return ParseError("too_small", value)
    if spec.max is not None and value > spec.max:
        return ParseError("too_large", value)
    return ParsedValue(value, approximate, confirm)
