"""A question off the subject whose words hold a time counted from today (最近, 下月, 这周) is declined
as off the subject, not answered with "截止日期因地区而异" (spent sealed sets 3 and 6: 最近医药股能买吗,
帮我算下月薪8000要交多少个税 were answered confidently that way when no region was chosen); a window
asked of the calendar without a region still asks for the region."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from tests.dialogs.qa.conftest import ask, text_of, turn_for

TODAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)
OFF_SUBJECT = [
    "最近医药股能买吗？",
    "最近天气怎么样",
    "这阵子油价会涨吗",
    "下周股市会涨吗",
    "帮我算下月薪8000要交多少个税",
    "下个月去哪里旅游好",
]


@pytest.mark.parametrize("region", [None, "jilin", "beijing"])
@pytest.mark.parametrize("question", OFF_SUBJECT)
def test_off_subject_with_a_time_word_is_not_answered(kb, question: str, region: str | None) -> None:
    turn = turn_for(kb, TODAY, question, region=region)
    assert not turn.answered
    assert "/region" not in turn.text


@pytest.mark.parametrize("question", ["下个月底前要交什么", "这周要干啥", "离截止还有几天", "最近要交什么材料"])
def test_a_calendar_window_without_a_region_still_asks_for_it(kb, question: str) -> None:
    assert "/region" in text_of(ask(kb, TODAY, question, region=None))


@pytest.mark.parametrize("question", ["帮我算下月薪", "估算下月薪多少", "你给算下月薪8000的社保"])
def test_monthly_pay_is_no_month(question: str) -> None:
    """月薪 is pay, not a month: 算下 + 月薪 names no window."""
    from dialogs.qa.relative_words import TIME_FILLER
    from knowledge.search.intent import folded

    assert "月" in TIME_FILLER.sub("", folded(question))
