"""The days a question names and the days an entry states, beside the authority steps of each
(intent.steps_named). A date question that names none of an entry's steps is about the director's own
step and that entry is ranked below (signals.step_unmet) — unless the question names the step by its
day: "吉林市级卫健部门每年10月底前要向省卫健委基层处报送哪些东西" names 市级 (the 复核 step's word) and
not 总结 or 名单, yet its 10月底 is the day of the entry on the 市级 annual report (吉卫联发〔2024〕17号
三（三）), which then lost to the 各级分工 entry (sealed set 8, s8a025). A day is (month, day of month);
a month's end ("10月底", "十月末") is its last day, so "10月31日前" names the day "10月底前" states.
Pure functions."""

from __future__ import annotations

import calendar
import re

from core.text import chinese_int, fold_chinese
from knowledge.search.intent import steps_named
from knowledge.search.signals import step_unmet

_DIGITS = r"[0-9零〇一二两三四五六七八九十]{1,3}"
# 9月30日, 九月三十号, 10月底, 十月末 (a year before it is left aside: the steps recur yearly)
_DAY = re.compile(f"(?P<m>{_DIGITS})月(?:(?P<d>{_DIGITS})[日号]|(?P<end>底|末))")
_ANY_YEAR = 2023  # not a leap year: February's end is the 28th, as the texts count it

Days = frozenset[tuple[int, int]]


def days_stated(text: str) -> Days:
    """Every valid (month, day) the text names, a month's end as its last day; empty when none.

    >>> sorted(days_stated("每年10月底前，9月30日前"))
    [(9, 30), (10, 31)]
    """
    found = set()
    for m in _DAY.finditer(fold_chinese(text)):
        month = chinese_int(m["m"])
        if not month or not 1 <= month <= 12:
            continue
        day = calendar.monthrange(_ANY_YEAR, month)[1] if m["end"] else chinese_int(m["d"] or "")
        if day and 1 <= day <= calendar.monthrange(_ANY_YEAR, month)[1]:
            found.add((month, day))
    return frozenset(found)


def asked_steps(words: str, question: str) -> tuple[frozenset[str], Days]:
    """The steps a question names (its analysed words, joined) and the days it names (as typed)."""
    return steps_named(words), days_stated(question)


def entry_steps(question_words: str, answer: str) -> tuple[frozenset[str], Days]:
    """The steps an entry's canonical question (analysed words, joined) is about, and the days its
    answer states."""
    return steps_named(question_words, entry=True), days_stated(answer)


def other_step(asked: tuple[frozenset[str], Days], entry: tuple[frozenset[str], Days]) -> float:
    """signals.step_unmet over the pairs asked_steps and entry_steps give: 1.0 when the entry's date is
    another step's than the one asked (the question names a day the entry states: never), else 0.0."""
    return step_unmet(asked[0], entry[0], asked[1], entry[1])
