"""What a Q&A turn keeps for itself (knowledge/search/memo.py: the search, and since issue 12's latency
work the situation's reading, the question's cues, the calendars' dates and the governing notes)
changes nothing it replies: situations, multi-part questions and plain ones in every region, with the
keeping on and off. And the one pattern that finds a situation's field words finds what a scan of
every word at every position found."""

from __future__ import annotations

from unittest import mock

import pytest

from dialogs.field_words import NUMBER_WORDS
from dialogs.qa import facts
from dialogs.qa.figure_words import OTHER_QUANTITIES
from knowledge.search import memo
from tests.dialogs.qa.conftest import turn_for

REGIONS = ["jilin", "beijing", "chongqing-yuzhong", "national", None]
QUESTIONS = [
    "我们卫生院床位40张，使用率70%，业务用房3500平，能申请吗",  # a situation
    "床位不到三十张、去年使用率80%今年只有60%，还能申请社区医院吗",  # a bound, a past figure
    "床位要多少张？使用率多少？面积呢",  # parts of one criterion list
    "申请要交什么材料 先报给谁 几号前",  # parts leaning on the first
    "10月31日前要报什么？赶上国庆怎么办",  # a date named, the calendar's
    "全科医生每万人几名，常住人口12万要几名",  # the ratio worked out
    "吉林和北京床位要求一样吗",  # a comparison
]


def _seen(turn) -> tuple:
    return (turn.kind, turn.decision, turn.confidence, [(r.text, r.buttons) for r in turn.replies], turn.sections)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("question", QUESTIONS)
def test_a_turn_replies_the_same_with_nothing_kept(kb, now, question: str, region: str | None) -> None:
    kept = _seen(turn_for(kb, now, question, region))
    unkept_memo = mock.patch.object(memo, "_TURN", memo.ContextVar("unkept", default=None))
    with unkept_memo:
        unkept = _seen(turn_for(kb, now, question, region))
    assert kept == unkept


def _scanned(t: str) -> list[tuple[int, int, str]]:
    """facts._word_spans as it was: every word tried at every position, the longest first."""
    words = sorted(
        [(w, f) for f, ws in NUMBER_WORDS.items() for w in ws] + [(w, "") for w in OTHER_QUANTITIES],
        key=lambda x: -len(x[0]),
    )
    spans, i = [], 0
    while i < len(t):
        hit = next(((w, f) for w, f in words if t.startswith(w, i)), None)
        spans.append((i, i + len(hit[0]), hit[1])) if hit else None
        i += len(hit[0]) if hit else 1
    return spans


def test_field_words_are_found_as_a_scan_finds_them(kb) -> None:
    words = [w for ws in NUMBER_WORDS.values() for w in ws] + list(OTHER_QUANTITIES)
    texts = [*QUESTIONS, *(a.question + a.answer for a in kb.index.answers)]
    texts += [a + b for a in words for b in words[::5]] + [f"编制床位{w}30张" for w in words]
    assert [t for t in texts if facts._word_spans(t) != _scanned(t)] == []
