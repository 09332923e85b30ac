"""Newcomer trial 7, N6: a "when" question about this year (今年, 现在) in a region whose loaded dates are
all past leads with what holds today (the loaded text's dates were that year's; no text for today is
loaded; whom to ask), and the old dates follow marked as past — never 2022年8月31日 first as if it were
this year's deadline."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from dialogs.texts import qa as T
from dialogs.texts import qa_docs as D
from tests.dialogs.qa.conftest import ask, text_of

LATE = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("region", "question"),
    [
        ("beijing", "北京今年报社区医院啥时候截止？要交啥"),
        ("beijing", "今年啥时候截止"),
        ("beijing", "现在评估啥时候报"),
        ("beijing", "今年名单什么时候报"),
        ("chongqing-yuzhong", "今年验收申请啥时候交"),
        ("chongqing-yuzhong", "现在验收申请什么时候交"),
    ],
)
def test_this_years_when_question_leads_with_what_holds_today(kb, region, question) -> None:
    text = text_of(ask(kb, LATE, question, region=region))
    first_line = text.split("\n", 1)[0]
    assert first_line.startswith(D.GOVERNING_MARK), text
    rest = text.split("\n", 1)[1]  # the old dates, after the lead: marked as past before any of them
    assert rest.startswith(T.PAST_CALENDAR), text
    assert text.count(first_line) == 1  # moved, not said twice


def test_a_when_question_not_about_now_keeps_the_answer_first(kb) -> None:
    text = text_of(ask(kb, LATE, "评估啥时候报", region="beijing"))
    assert not text.startswith(D.GOVERNING_MARK), text
