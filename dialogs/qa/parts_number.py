"""A later part asking a 文号 and naming no text ("社区医院基本标准是哪年出的 文号多少", "吉林2024年那个方案是哪年发
的 文号多少"): it asks the number of the text the part before it is about. Read alone, or with that part in
front, the search found another text's entry (the three-year plan's 文号不详, the 30-bed rule): sealed set
7, s7a061. The earlier part's answer names the text's 文号 already, so that answer is this part's too."""

from __future__ import annotations

from dialogs.qa.in_force_words import A_TEXT, NUMBER_ASKED, WHOLE_NUMBER
from dialogs.qa.turn import Turn


def numbers_of_named(parts: list[str], turns: list[Turn]) -> list[Turn]:
    """`turns`, one per part, with each later part that asks a 文号 and names no text of its own (no
    方案 / 文件 …, no 文号 written out) given the turn of the nearest earlier answered part whose answer
    names a 文号: that text is the one asked about."""
    out = list(turns)
    for i in range(1, len(parts)):
        part = parts[i]
        if not NUMBER_ASKED.search(part) or A_TEXT.search(part) or WHOLE_NUMBER.search(part):
            continue
        before = next((t for t in reversed(out[:i]) if t.answered and _names_number(t)), None)
        if before is not None:
            out[i] = before
    return out


def _names_number(turn: Turn) -> bool:
    return bool(turn.replies) and bool(WHOLE_NUMBER.search(turn.replies[0].text))
