"""Sealed set 5, s071: "非卫技人员占18%" was read as 卫技人员 (a count the national rules do not take) and
the 18% was left unread, so the reported 低于15% went unanswered. A 非-form of a field word names the
other field: every 非 form of a 卫生技术人员 word reads as the non-technical share, and the words
themselves still read as the count."""

from __future__ import annotations

import pytest

from dialogs.field_words import NUMBER_WORDS
from dialogs.qa.facts import read_situation

NEGATED = [f"非{w}" for w in NUMBER_WORDS["health_technical_staff"]]


@pytest.mark.parametrize("word", NEGATED)
@pytest.mark.parametrize("said", ["{w}占18%", "{w}占比18%", "{w}18%"])
def test_a_negated_word_reads_as_the_share(kb, word: str, said: str) -> None:
    stated = read_situation("我们" + said.format(w=word) + "，能申请吗", kb.fields)
    assert "health_technical_staff" not in stated
    assert stated["non_technical_staff_share"].value == 18


@pytest.mark.parametrize("word", NUMBER_WORDS["health_technical_staff"])
def test_the_word_itself_still_reads_as_the_count(kb, word: str) -> None:
    stated = read_situation(f"我们{word}30人，床位50张，能申请吗", kb.fields)
    assert stated["health_technical_staff"].value == 30 and "non_technical_staff_share" not in stated


def test_the_reply_holds_both_against_the_reported_figures(kb, now) -> None:
    from tests.dialogs.qa.conftest import ask, text_of

    text = text_of(ask(kb, now, "我们卫生院有2名全科医生，非卫技人员占18%，按国家基本标准有问题吗？", "national"))
    assert "低于全体职工的15%" in text and "现为18%" in text and "至少有3名全科医师" in text
    assert "没能对上" not in text
