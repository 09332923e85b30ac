"""The typo bench's slip generator (tests/eval/typos.py): one slip of the kind asked, the same every run."""

from __future__ import annotations

import random

import pytest

from tests.eval.typos import KINDS, slip

QUESTIONS = ["吉林这边申请社区医院床位最少要几张", "床位使用率要到多少才够", "发热门诊是必须设的吗"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("question", QUESTIONS)
def test_a_slip_is_seeded_and_changes_the_question_once(question: str, kind: str) -> None:
    first = slip(question, kind, random.Random(f"9:{question}:{kind}"))
    assert first == slip(question, kind, random.Random(f"9:{question}:{kind}"))
    if first is None:
        return  # no place for this kind (a wrong-but-common word needs a common homophone word)
    assert first != question
    if kind == "dropped":
        assert len(first) == len(question) - 1
    elif kind == "swapped":
        assert sorted(first) == sorted(question)
    elif kind == "pinyin":
        assert any(c.isascii() and c.isalpha() for c in first)
    elif kind in ("homophone", "near_homophone"):
        assert len(first) == len(question) and sum(a != b for a, b in zip(first, question, strict=True)) == 1
