"""A comparison of the requirements in general ("渝中和北京的要求有啥不一样", "两地标准一样吗") asks each
side for its conditions overview, not the topic a bare 要求 happens to match best."""

from __future__ import annotations

from dialogs.qa.compare_words import GENERAL_ASKED, GENERAL_HEADS, GENERAL_WORDS


def general(asked: str) -> str:
    """What is asked of each side; the conditions overview (GENERAL_ASKED) when the comparison is of
    the requirements in general (newcomer N2: 渝中和北京的要求有啥不一样 took a 中医 entry)."""
    rest = asked
    for w in sorted(GENERAL_WORDS, key=len, reverse=True):
        rest = rest.replace(w, "")
    return GENERAL_ASKED if not rest and any(h in asked for h in GENERAL_HEADS) else asked
