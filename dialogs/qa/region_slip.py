"""A covered region's short name typed with its second character slipped to another of the same pinyin
initial ("北就社区医院命明和执业许可证加住啥时候完成": 北就 for 北京, sealed set 9 s9b054): read as that
region, so a question with several slips in a few characters is answered for the place it names
instead of declined. The search's own correction (knowledge/search/tokens.py) mends domain words
(命明 → 命名) but reads places from the raw text, and 京/就 are not fuzzy-pinyin alike (jing / jiu).

Only where the slip cannot be another word: the first character is the region's own, the pair is no
place name, no word the texts use and no word of jieba's general dictionary (北极, 吉利, 渝州 stay),
it opens the message (or a clause), and a word the texts use follows it (北就社区医院)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from knowledge.base import KnowledgeBase
from knowledge.places import places_named
from knowledge.search.tokens import Analyzer

_INITIALS = ("zh", "ch", "sh")
_OPENS = re.compile(r"(?:^|(?<=[\s，,。？?！!；;：:、]))")
MIN_FOLLOWING = 2  # characters of the vocabulary word that must follow the slipped name


def respelled(text: str, kb: KnowledgeBase) -> str:
    """The text with a slipped covered-region name (see the module docstring) written right; as it is
    when there is none or a place is named already."""
    if places_named(text).places:
        return text
    analyzer = kb.index.analyzer
    for region in kb.regions:
        name = region.short
        if len(name) != 2 or region.id == "national":
            continue
        for at in (m.start() for m in _OPENS.finditer(text)):
            pair = text[at : at + 2]
            if len(pair) < 2 or pair[0] != name[0] or pair == name or pair in analyzer.vocabulary:
                continue
            if not _same_initial(pair[1], name[1], analyzer.readings) or not _word_follows(text, at + 2, analyzer):
                continue
            if places_named(pair).places or _general_word(pair):
                continue
            return text[:at] + name + text[at + 2 :]
    return text


def _initial(reading: str) -> str:
    return next((i for i in _INITIALS if reading.startswith(i)), reading[:1])


def _same_initial(a: str, b: str, readings: dict[str, str]) -> bool:
    """Two different characters whose readings begin with the same consonant (就 jiu, 京 jing)."""
    ra = {_initial(r) for r in readings.get(a, "").split(",") if r}
    rb = {_initial(r) for r in readings.get(b, "").split(",") if r}
    return a != b and bool(ra & rb) and not (ra & set("aeiouy"))


def _word_follows(text: str, at: int, analyzer: Analyzer) -> bool:
    """A word of the texts' vocabulary starts at `at` (社区医院 after 北就)."""
    rest = text[at:]
    return any(rest[:n] in analyzer.vocabulary for n in range(MIN_FOLLOWING, min(len(rest), 8) + 1))


@cache
def _pairs_opening(first: str) -> frozenset[str]:
    """The two-character words of jieba's general dictionary that open with `first` (the first character
    of a covered region's name), read the first time a slip of that name is suspected. Only the lines
    starting with it are decoded: the whole file decoded and scanned (~114,000 pairs) took ~0.4 s of
    the turn that first suspected a slip, these lines ~0.03 s. jieba's own table (jieba.dt.FREQ) is
    no shortcut: the bot never loads the general dictionary (knowledge/search/tokens.py), ~1–4 s."""
    import jieba

    data = b"\n" + (Path(jieba.__file__).parent / "dict.txt").read_bytes()
    opening = b"\n" + first.encode("utf-8")
    found: set[str] = set()
    at = data.find(opening)
    while at >= 0:
        end = data.find(b"\n", at + 1)
        line = data[at + 1 : end if end >= 0 else len(data)].decode("utf-8")
        word = line.split(" ", 1)[0]
        if len(word) == 2 and " " in line and not any(c.isspace() for c in word):
            found.add(word)
        at = data.find(opening, at + 1)
    return frozenset(found)


def _general_word(pair: str) -> bool:
    return pair in _pairs_opening(pair[0])
