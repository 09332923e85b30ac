"""Words typed at a two-button offer instead of pressing: the "用这些数开始自评 / 不用，逐题填写" offer that
/check shows when a question just stated figures (newcomer trial 8, N17: typed answers were refused there).

Input vocabulary (words we recognise), not words we show: the replies live in dialogs/texts/."""

from __future__ import annotations

import re

from core.text import fold

# Taking the offered figures: the button's words, or a plain yes to "要把这些数填进自评吗？".
_USE = frozenset(
    {"用", "用吧", "用这些数", "用这些", "用这些数开始自评", "开始自评", "好", "好的", "可以", "行", "是", "是的"}
    | {"对", "要", "填进去"}
)
# Letting them go: the other button's words, or a plain no.
_PLAIN = frozenset(
    {"不用", "不用了", "不要", "不", "否", "别用", "逐题", "逐题填写", "不用逐题填写", "不用，逐题填写"}
    | {"一题一题填", "重新填"}
)
_EDGE = re.compile(r"^[\s📝]+|[\s。.!！~～吧啊呀]+$")


def gate_choice(text: str) -> bool | None:
    """True to use the offered figures, False to fill in every question, None when the text is neither."""
    said = _EDGE.sub("", fold(text)).replace(",", "，")
    if said in _USE or fold(text).strip() in _USE:
        return True
    if said in _PLAIN or said.replace("，", "") in _PLAIN:
        return False
    return None
