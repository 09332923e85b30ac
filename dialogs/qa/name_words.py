"""Reading a criterion's name to shorten it (dialogs/qa/situation_lines.py: the unknown conditions named
in one line): the figure with its unit it must not cut, the comparison words before a figure, a book
title's gloss (newcomer trial 8, N35: "资源配置达到《社区医院基…", "特色科室日均门诊量≥30…").

Input vocabulary (words we recognise), not words we show: the replies live in dialogs/texts/."""

from __future__ import annotations

import re

# A figure with its unit in a criterion's name (≥30人次, 80%, 2倍).
FIGURE_WITH_UNIT = re.compile(r"[≥≤<>]?\d+(?:\.\d+)?(?:%|人次|张|种|名|人|所|支|倍|平方米|个百分点)?")
# The comparison words a name keeps before its figure; without the figure they say nothing.
COMPARATOR_TAIL = re.compile(r"(?:不低于|低于|不高于|高于|不少于|少于|不超过|超过|达到|至少|配置|为)$")
# 《社区医院基本标准（试行）》: the gloss a short name drops with the book marks.
BOOK_GLOSS = re.compile(r"（[^（）》]*）(?=》)")
