"""Breaker brk8: a reminder's day named by a festival ("国庆前 交材料", "中秋 值班", "元旦前 交表"), a lunar
month's end (腊月底, 正月底, 农历三月底), a count of months from today (一个月后, 半个月后, 半年后) and the
short forms directors type (十二月卅一号, 12月31曰). Before, each of them was "没有找到日期" or, worse,
腊月底 was this solar month's end with "腊" left in the title."""

from __future__ import annotations

import datetime as dt

import pytest
from lunardate import LunarDate

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.dates import EVE_LABEL, ParsedReminder, date_in, parse_reminder
from dialogs.router import handle
from dialogs.texts import tracking as T

TODAY = dt.date(2026, 12, 1)


def _parsed(typed: str, today: dt.date = TODAY) -> ParsedReminder:
    parsed = parse_reminder(typed, today)
    assert isinstance(parsed, ParsedReminder), (typed, parsed)
    return parsed


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("元旦 值班", dt.date(2027, 1, 1)),
        ("交材料 五一", dt.date(2027, 5, 1)),
        ("劳动节 值班", dt.date(2027, 5, 1)),
        ("国庆节 值班", dt.date(2027, 10, 1)),
        ("国庆 值班", dt.date(2027, 10, 1)),
        ("清明节 上报", dt.date(2027, 4, 5)),  # the solar term, chinese_calendar's
        ("春节 值班", LunarDate(2027, 1, 1).to_solar_date()),
        ("元宵节 开会", LunarDate(2027, 1, 15).to_solar_date()),
        ("端午 交表", LunarDate(2027, 5, 5).to_solar_date()),
        ("中秋节 值班", LunarDate(2027, 8, 15).to_solar_date()),
        ("重阳节 活动", LunarDate(2027, 9, 9).to_solar_date()),
    ],
)
def test_a_festival_is_its_coming_day(typed: str, day: dt.date) -> None:
    parsed = _parsed(typed)
    assert parsed.date == day and parsed.lunar and parsed.title in typed
    assert not any(word in parsed.title for word in ("节", "元旦", "国庆", "清明", "五一", "中秋"))


@pytest.mark.parametrize(
    ("typed", "festival"),
    [
        ("国庆前 交材料", dt.date(2027, 10, 1)),
        ("交材料 元旦前", dt.date(2027, 1, 1)),
        ("清明节前 上报", dt.date(2027, 4, 5)),
        ("中秋之前 交表", LunarDate(2027, 8, 15).to_solar_date()),
        ("端午节以前 开会", LunarDate(2027, 5, 5).to_solar_date()),
    ],
)
def test_before_a_festival_is_its_last_day_before(typed: str, festival: dt.date) -> None:
    """As 春节前 was already 除夕 (N18): the last day before the festival, labelled so."""
    parsed = _parsed(typed)
    assert parsed.date == festival - dt.timedelta(days=1)
    assert parsed.lunar and parsed.lunar.endswith(T.FESTIVAL_BEFORE_LABEL.format(name="")), parsed.lunar


@pytest.mark.parametrize("today", [dt.date(2026, 10, 1), dt.date(2026, 9, 30), dt.date(2026, 12, 31)])
def test_a_festival_passed_or_today_is_the_next(today: dt.date) -> None:
    """On the festival day itself "国庆前" is next year's eve of it; "国庆" today is today."""
    before = _parsed("国庆前 交材料", today).date
    assert before >= today and before.month == 9 and before.day == 30
    assert _parsed("元旦 值班", today).date == dt.date(today.year + 1, 1, 1)


@pytest.mark.parametrize("typed", ["两年前出过事故", "今年前三季度 总结", "第五一条 落实"])
def test_a_numbered_word_is_no_date(typed: str) -> None:
    assert parse_reminder(typed, TODAY) == "no_date"


@pytest.mark.parametrize(
    "typed",
    ["国庆后 交材料", "交材料 中秋以后", "中秋节后 交表", "国庆节后第一天 开会", "春节后 开会", "交表 端午节之后"],
)
def test_after_a_festival_is_no_day_and_said_so(typed: str) -> None:
    """X后 is no day (the holiday's end is the year's notice's): said so, never the festival itself with
    节后 left in the title (brk9 D1: 中秋节后 was 中秋 and the title 节后 交表)."""
    assert parse_reminder(typed, TODAY) == "after_festival"


@pytest.mark.parametrize("typed", ["年前 开个会", "春节前 交材料", "除夕 值班"])
def test_the_eve_words_are_unchanged(typed: str) -> None:
    assert _parsed(typed).lunar == EVE_LABEL and _parsed(typed).date == dt.date(2027, 2, 5)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("交材料 腊月底", dt.date(2027, 2, 5)),  # 腊月 of 丙午 has 29 days: the eve
        ("腊月末 交材料", dt.date(2027, 2, 5)),
        ("正月底 交材料", LunarDate(2027, 2, 1).to_solar_date() - dt.timedelta(days=1)),
        ("交材料 农历三月底", LunarDate(2027, 4, 1).to_solar_date() - dt.timedelta(days=1)),
        ("阴历八月末 交表", LunarDate(2027, 9, 1).to_solar_date() - dt.timedelta(days=1)),
    ],
)
def test_a_lunar_months_end_is_its_last_day(typed: str, day: dt.date) -> None:
    parsed = _parsed(typed)
    assert parsed.date == day and parsed.title in ("交材料", "交表") and parsed.lunar


@pytest.mark.parametrize(
    ("typed", "day"), [("交材料 三月底", dt.date(2027, 3, 31)), ("月底 交表", dt.date(2026, 12, 31))]
)
def test_a_solar_months_end_stays_solar(typed: str, day: dt.date) -> None:
    parsed = _parsed(typed)
    assert parsed.date == day and parsed.lunar is None


@pytest.mark.parametrize(
    ("typed", "today", "day"),
    [
        ("交材料 一个月后", TODAY, dt.date(2027, 1, 1)),
        ("交材料 1个月后", dt.date(2027, 1, 31), dt.date(2027, 2, 28)),  # a shorter month: its last day
        ("交材料 三个月以后", TODAY, dt.date(2027, 3, 1)),
        ("交材料 半个月后", TODAY, dt.date(2026, 12, 16)),
        ("交材料 半年后", TODAY, dt.date(2027, 6, 1)),
        ("交材料 两年后", dt.date(2028, 2, 29), dt.date(2030, 2, 28)),
        ("交材料 3天后", TODAY, dt.date(2026, 12, 4)),
    ],
)
def test_a_count_of_months_or_years_from_today(typed: str, today: dt.date, day: dt.date) -> None:
    assert _parsed(typed, today).date == day


@pytest.mark.parametrize("typed", ["交材料 半天后", "交材料 十年后"])
def test_half_a_day_or_too_far_is_no_reminder(typed: str) -> None:
    assert parse_reminder(typed, TODAY) in ("no_date", "too_far")


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("交材料 十二月卅一日", dt.date(2026, 12, 31)),
        ("十二月卅号 交材料", dt.date(2026, 12, 30)),
        ("交材料 12月31曰", dt.date(2026, 12, 31)),
        ("交材料 十二月三十一曰", dt.date(2026, 12, 31)),
        ("交材料 １２月３１日", dt.date(2026, 12, 31)),
    ],
)
def test_short_forms_and_the_typo_of_the_day_character(typed: str, day: dt.date) -> None:
    parsed = _parsed(typed)
    assert parsed.date == day and parsed.title == "交材料"


def test_the_day_a_question_names_by_a_festival() -> None:
    assert date_in("元旦前要做什么", TODAY) == dt.date(2026, 12, 31)
    assert date_in("国庆以后呢", TODAY) is None


@pytest.mark.parametrize("typed", ["国庆前 交材料", "中秋 值班", "交材料 腊月底"])
def test_typed_at_the_reminder_menu_it_is_added_with_its_label(kb, typed: str) -> None:
    now = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
    state = handle(UserState(region="jilin"), Event.command("remind"), kb, now).state
    text = "\n".join(r.text for r in handle(state, Event.say(typed), kb, now).replies)
    parsed = _parsed(typed)
    assert "已添加提醒" in text and f"{parsed.date.month}月{parsed.date.day}日" in text and str(parsed.lunar) in text
