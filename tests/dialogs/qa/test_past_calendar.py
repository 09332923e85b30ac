"""Newcomer trial 3, F8: a "when" question about a step whose dated calendar is past (渝中's 2021
schedule) is answered first with what applies today (2022年起常态化受理), the old dates after it and
marked as past — never the 2021 date alone as if it were this year's."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from dialogs import render
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, text_of

LATE = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    "question",
    ["验收要交啥材料，啥时候交", "验收申请啥时候交", "申请验收什么时候交", "信息表什么时候交", "啥时候能申请验收"],
)
def test_yuzhong_when_questions_lead_with_the_rule_in_force(kb, question) -> None:
    text = text_of(ask(kb, LATE, question, region="chongqing-yuzhong"))
    assert "常态化受理" in text, text
    first_2021 = text.find("2021年")
    assert first_2021 == -1 or text.find("常态化受理") < first_2021 or T.PAST_CALENDAR in text, text


@pytest.mark.parametrize(("region", "question"), [("jilin", "评审材料啥时候报"), ("beijing", "评估啥时候报")])
def test_other_regions_say_what_governs_today(kb, region, question) -> None:
    text = text_of(ask(kb, LATE, question, region=region))
    line = render.procedure(kb, region, LATE.date())
    assert line in text or "尚未收录" in text, text


def test_a_when_question_answered_with_a_current_date_is_unchanged(kb) -> None:
    """A date of this year or later is not a past calendar: no line put in front."""
    early = dt.datetime(2021, 5, 1, 10, tzinfo=SHANGHAI)
    text = text_of(ask(kb, early, "信息表什么时候交", region="chongqing-yuzhong"))
    assert T.PAST_CALENDAR not in text


@pytest.mark.parametrize("question", ["年度工作总结什么时候报", "建设总结啥时候报", "新建成名单几号前报"])
def test_a_governing_line_with_nothing_later_follows_the_answer(kb, question) -> None:
    """Newcomer trial 4, F4: the national 11月30日 is 2021's, and what governs today is the same
    317号 (its 评估 point): the answer comes first, the 📜 line after it."""
    text = text_of(ask(kb, LATE, question, region="national"))
    assert "11月30日" in text, text
    note = text.find("📜")
    assert note == -1 or text.find("11月30日") < note, text


@pytest.mark.parametrize(
    ("region", "question"),
    [
        ("beijing", "北京文件要求几号前报名单"),
        ("jilin", "北京文件要求几号前报名单"),
        ("national", "国家文件要求几号前报名单"),
    ],
)
def test_the_past_calendar_lead_is_never_glued_to_a_likely_answer(kb, region, question) -> None:
    """Newcomer trial 4, F38: "…已经过去：💡 我理解您问的是…" — the lead announced a past date, then a
    likely answer on another matter gave none."""
    text = text_of(ask(kb, LATE, question, region=region))
    assert T.PAST_CALENDAR + "💡" not in text, text


def test_a_year_without_a_month_is_no_calendar() -> None:
    from dialogs.qa.in_force import _past_calendar

    today = LATE.date()
    assert not _past_calendar("几号前报", "2022年，各区要集中开展一次安全生产大排查。", today)
    assert _past_calendar("几号前报", "2022年9月30日前，各区上报名单。", today)
    assert _past_calendar("啥时候交", "2021年11月至12月报备复核。", today)
    assert not _past_calendar("啥时候交", "2027年9月30日前上报。", today)
