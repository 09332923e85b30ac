"""Reading what directors type: choices by number, yes/no, and (for the questionnaire) quantities.

Input vocabulary lives here, not in texts/: these are words we recognise, not words we show."""

from __future__ import annotations

import unicodedata

_YES = {"是", "是的", "有", "对", "对的", "符合", "支持", "确定", "好", "好的", "y", "yes", "ok", "嗯", "确认"}
_NO = {"否", "不是", "没有", "无", "不", "不对", "不符合", "不支持", "n", "no", "没", "不要", "取消"}
_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def fold(text: str) -> str:
    """Full-width to half-width and lower case, without surrounding space or final punctuation."""
    return unicodedata.normalize("NFKC", text).strip().strip("。.!！~～").lower()


def parse_yes_no(text: str) -> bool | None:
    t = fold(text)
    if t in _YES:
        return True
    if t in _NO:
        return False
    return None


def parse_choice_index(text: str, count: int) -> int | None:
    """A 0-based index from "2", "２", "二", "第2个", "2." for a list of `count` choices."""
    t = fold(text).removeprefix("第").rstrip("个项.、)）")
    value = int(t) if t.isdigit() else _CHINESE_DIGITS.get(t)
    if value is None or not 1 <= value <= count:
        return None
    return value - 1
