"""Text helpers every layer shares: folding what people type, clipping what we show, and reading
Chinese numerals (through cn2an, a maintained converter, rather than a table of our own)."""

from __future__ import annotations

import unicodedata
import warnings
from functools import cache, lru_cache
from typing import Any

ELLIPSIS = "…"
_END_PUNCTUATION = "。.!！~～"


def fold(text: str) -> str:
    """Full-width to half-width (NFKC) and lower case, without surrounding space or final
    punctuation: "  ＯＫ！" -> "ok". For comparing what a user typed with words we know."""
    return unicodedata.normalize("NFKC", text).strip().strip(_END_PUNCTUATION).lower()


@cache
def _traditional_to_simplified() -> Any:
    import opencc  # the conversion tables load on first use, not at import

    return opencc.OpenCC("t2s")


@cache
def _t2s_triggers() -> tuple[frozenset[str], tuple[str, ...]]:
    """What can make OpenCC's t2s change a text: the one-character keys of its tables, and the longer
    keys that hold none of them (有序, 沈默). t2s only replaces keys of these two
    tables (tests/core/test_text_simplified.py), so a text with neither is returned as it is: most
    of what a turn folds is simplified already, and the pure-Python converter costs ~0.1 ms a text
    even then (issue 12: 0.4 s of a cold process's first question)."""
    import json
    from pathlib import Path

    import opencc

    package = Path(opencc.__file__).parent
    config = json.loads((package / "config" / "t2s.json").read_text(encoding="utf-8"))
    files = [d["file"] for step in config["conversion_chain"] for d in step["dict"].get("dicts", [step["dict"]])]
    keys = [
        line.split("\t", 1)[0]
        for name in files
        for line in (package / "dictionary" / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    chars = frozenset(k for k in keys if len(k) == 1)
    return chars, tuple(k for k in keys if len(k) > 1 and chars.isdisjoint(k))


# OpenCC here is a pure-Python converter (a parse tree per clause): about 0.1 ms a short text, and a
# Q&A turn folds the same few texts ~160 times (the question, its parts, each reading of them), ~80 %
# of them repeats — it was the turn's largest single cost. Both are pure, so a bounded memo is exact.
_MEMO = 8192


@lru_cache(maxsize=_MEMO)
def simplified(text: str) -> str:
    """Traditional characters to simplified ones (OpenCC's t2s table): "社區醫院" -> "社区医院"."""
    chars, phrases = _t2s_triggers()
    if chars.isdisjoint(text) and not any(p in text for p in phrases):
        return text
    return str(_traditional_to_simplified().convert(text))


@lru_cache(maxsize=_MEMO)
def fold_chinese(text: str) -> str:
    """For matching Chinese text: full-width to half-width (NFKC), traditional to simplified, lower
    case. Unlike fold(), punctuation is kept."""
    return simplified(unicodedata.normalize("NFKC", text)).lower()


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, whitespace runs collapsed, "…" marking a cut (it counts)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(0, limit - 1)] + ELLIPSIS


def chinese_int(text: str) -> int | None:
    """A whole number written in digits or Chinese numerals, or None.

    "12", "１２", "十二", "三十一", "二〇二七" (digit by digit), "两千", "叁拾" (financial forms),
    "廿" -> int. Anything else ("三十张", "1.5", "") -> None. cn2an's "normal" mode reads numerals
    only; the questionnaire's quantities, with units and 万, are read elsewhere."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    # isdecimal, not isdigit: "²" or "፩" are digits that int() rejects.
    if text.isascii() and text.isdecimal():
        return int(text)
    import cn2an  # on first use: its import compiles its patterns, ~0.2 s of a cold start (issue 12)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # cn2an warns on some mixed forms it still reads
            value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    number = float(value)
    return int(number) if number.is_integer() else None
