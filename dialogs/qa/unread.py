"""The figures of a situation that no criterion took, so that a verdict never calls a situation met
while one of its figures went unread (中药饮片配了280种 once did)."""

from __future__ import annotations

from collections.abc import Mapping

from core.text import fold_chinese
from dialogs.qa.facts import Stated, asks_requirement
from dialogs.qa.vocabulary import ANY, RATE


def unread_figures(text: str, stated: Mapping[str, Stated]) -> list[str]:
    """Figures with a unit in `text` (280种, 12名) that no stated fact took, leaving out the rule's
    own figures (要求30张, 每万人2名)."""
    t = fold_chinese(text)
    said = [s.words for s in stated.values()] + [s.range for s in stated.values() if s.range]
    return [
        m.group()
        for m in ANY.finditer(t)
        if not any(m.group() in w for w in said)
        and not RATE.search(t[max(0, m.start() - 6) : m.start()])
        and not asks_requirement(t, m.start(), m.end())
    ]
