"""Words left as pinyin: a phone's input method not converted (shenbao for 申报, chuangwei for 床位,
jilin for 吉林). A run of Latin letters that is, whole, the toneless pinyin of one vocabulary word, or of
several written together (shenqingcailiao: 申请 + 材料), is read as those words; any other run is left as
it is (an English word, an abbreviation: ct, his, app). Typo bench (tests/eval/typos.py): a word left
as pinyin kept the clean reply in 70 % of questions before this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice, product

LATIN_RUN = re.compile(r"[a-z]+")
MIN_RUN = 4  # shorter runs are abbreviations (ct, dr, app) more often than a word's pinyin
MAX_SPELLINGS = 16  # reading combinations a polyphone word is spelled with


def spellings(words: Iterable[str], readings: dict[str, str]) -> dict[str, str]:
    """Toneless pinyin written together (every reading of a polyphone, at most MAX_SPELLINGS per word)
    → the word; `words` come most wanted first (the first word of a spelling wins). `readings` maps a
    character to its readings, comma-separated (vocab_build.pinyin_readings)."""
    table: dict[str, str] = {}
    for word in words:
        options = [readings.get(c, "").split(",") for c in word]
        if not all(all(options_of) for options_of in options):
            continue
        for combo in islice(product(*options), MAX_SPELLINGS):
            table.setdefault("".join(combo), word)
    return table


def respell(text: str, table: dict[str, str]) -> str:
    """`text` (lower case) with each Latin run that splits wholly into spellings of `table` replaced by
    their words (fewest pieces); other runs unchanged."""
    if not table:
        return text
    longest = 0  # the table's longest spelling: measured (~5,000 spellings) only for a run worth splitting

    def replace(m: re.Match[str]) -> str:
        nonlocal longest
        run = m.group(0)
        if len(run) < MIN_RUN:
            return run
        longest = longest or max(map(len, table))
        words = _split(run, table, longest)
        return "".join(words) if words else run

    return LATIN_RUN.sub(replace, text)


def _split(run: str, table: dict[str, str], longest: int) -> list[str] | None:
    """The fewest words whose spellings make up `run`, or None (dynamic programming over end offsets)."""
    best: list[list[str] | None] = [[]] + [None] * len(run)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - longest), end):
            before = best[start]
            word = table.get(run[start:end])
            if before is not None and word is not None:
                current = best[end]
                if current is None or len(before) + 1 < len(current):
                    best[end] = [*before, word]
    return best[-1]
