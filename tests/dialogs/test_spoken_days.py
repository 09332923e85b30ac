"""Newcomer trial 7, N19/N21: reminder days said the spoken way. 小年 is 腊月二十三 (the north's; 南方小年 is
二十四) and the reply says which; 过完十五 / 过了十五 / 元宵节后 is 正月十六; a day of the month alone (十五号,
15号) is this month's when still to come, else next month's — as the whole reminder, at the end of one
(把表交了 15号), with 之前 (十五号之前把表交了: the date words leave the title) and as the answer to 哪天提醒您
(never a question for the Q&A, and the pending title kept). A document's or building's number (5号文,
〔2020〕5号, 3号楼) is no day. A date no month has (6月31日) is said to be none."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.dates import ParsedReminder, parse_reminder
from dialogs.day_words import as_dates
from dialogs.router import handle

TODAY = dt.date(2026, 12, 1)
NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "title", "day", "note"),
    [
        ("小年那天 开班子会", "开班子会", dt.date(2027, 1, 30), "北方"),
        ("小年 交表", "交表", dt.date(2027, 1, 30), "北方"),
        ("南方小年 开会", "开会", dt.date(2027, 1, 31), "南方"),
        ("提醒我过完十五报材料", "报材料", dt.date(2027, 2, 21), "正月十五"),
        ("过了十五 交材料", "交材料", dt.date(2027, 2, 21), "正月十五"),
        ("元宵节后 开工", "开工", dt.date(2027, 2, 21), "正月十五"),
    ],
)
def test_spoken_lunar_days(typed: str, title: str, day: dt.date, note: str) -> None:
    parsed = parse_reminder(typed, TODAY)
    assert isinstance(parsed, ParsedReminder)
    assert (parsed.title, parsed.date) == (title, day) and parsed.lunar and note in parsed.lunar


@pytest.mark.parametrize(
    ("typed", "today", "day"),
    [
        ("提醒我十五号之前把表交了", TODAY, dt.date(2026, 12, 15)),
        ("把表交了 15号", TODAY, dt.date(2026, 12, 15)),
        ("15号 交表", dt.date(2026, 12, 20), dt.date(2027, 1, 15)),
        ("交表 三十一号", dt.date(2027, 2, 3), "no_such_day"),
        ("交表 1号", TODAY, dt.date(2026, 12, 1)),
        ("年后15号 交表", TODAY, "no_date"),
    ],
)
def test_a_day_of_the_month_alone(typed: str, today: dt.date, day: dt.date | str) -> None:
    parsed = parse_reminder(typed, today)
    if isinstance(day, str):
        assert parsed == day
        return
    assert isinstance(parsed, ParsedReminder) and parsed.date == day and "号" not in parsed.title


@pytest.mark.parametrize("typed", ["吉卫基层发〔2020〕5号", "渝中5号文", "3号楼", "第5号", "317号"])
def test_numbers_that_are_no_day(typed: str) -> None:
    assert as_dates(typed, TODAY)[0] == typed


@pytest.mark.parametrize("region", ["jilin", "national", "beijing", "chongqing-yuzhong"])
@pytest.mark.parametrize("answer", ["十五号", "15号", "小年", "过完十五"])
def test_a_day_at_the_date_prompt_is_the_date(kb, region: str, answer: str) -> None:
    asked = handle(UserState(region=region), Event.say("提醒我把表交了"), kb, NOW).state
    out = handle(asked, Event.say(answer), kb, NOW)
    assert [r.title for r in out.state.reminders] == ["把表交了"]


@pytest.mark.parametrize(("typed", "said"), [("交材料 6月31日", "6月没有31日"), ("2月30日前要交什么", "2月没有30日")])
def test_a_day_no_month_has_is_said(kb, typed: str, said: str) -> None:
    out = handle(UserState(region="national"), Event.say(typed), kb, NOW)
    assert said in out.replies[0].text
