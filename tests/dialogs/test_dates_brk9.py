"""Breaker brk9, reminder dates (the kinds, over phrasings × several todays):

- D1 "X节后" is no day, said so (after_festival) — it was the festival itself with 节后 left in the title;
- D2/D3 a count of days or weeks before or after a festival (中秋前一周, 端午节前三天, 中秋后一周, 春节前两周,
  除夕前三天) is that many days from it — it was the day before it with 一周 left in the title, or no date;
- D4 冬至, a solar term like 清明 — it was no date;
- D5 腊月三十 is the eve, in a year whose 腊月 has 29 days too — it was a 30th three years on; another lunar
  30th the coming month lacks is no_such_day, never years on;
- D6 a four-digit year before a lunar date is its year — it stayed in the title and another year was taken;
- D7 下周 / 下下周 alone is that week's Monday, said so (a reminder's only: a question's 下周 is the week);
- D8 a reminder's send times in another year carry the year (12月2日 for 2028年1月1日 read as tomorrow);
- D9 a day typed without its year that passed a few days ago is next year's, and the reply says so.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest
from lunardate import LunarDate

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.dates import ParsedReminder, date_in, parse_reminder
from dialogs.router import handle
from dialogs.texts import tracking as T

TODAYS = (dt.date(2026, 12, 1), dt.date(2027, 3, 20), dt.date(2027, 9, 30), dt.date(2028, 1, 10))
# festival word -> its day in a given year
FESTIVALS = {
    "中秋": lambda y: LunarDate(y, 8, 15).to_solar_date(),
    "中秋节": lambda y: LunarDate(y, 8, 15).to_solar_date(),
    "端午节": lambda y: LunarDate(y, 5, 5).to_solar_date(),
    "国庆": lambda y: dt.date(y, 10, 1),
    "元旦": lambda y: dt.date(y, 1, 1),
    "重阳节": lambda y: LunarDate(y, 9, 9).to_solar_date(),
}
OFFSETS = {
    "前三天": -3,
    "前一天": -1,
    "前一周": -7,
    "之前两周": -14,
    "以前5天": -5,
    "后三天": 3,
    "后一周": 7,
    "之后两个星期": 14,
}


def _parsed(typed: str, today: dt.date) -> ParsedReminder:
    parsed = parse_reminder(typed, today)
    assert isinstance(parsed, ParsedReminder), (typed, today, parsed)
    return parsed


def _coming(day_of, today: dt.date, shift: int) -> dt.date:
    return next(
        day_of(y) + dt.timedelta(days=shift)
        for y in range(today.year, today.year + 3)
        if day_of(y) + dt.timedelta(days=shift) >= today
    )


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize("festival", list(FESTIVALS))
@pytest.mark.parametrize(("offset", "shift"), list(OFFSETS.items()))
def test_a_count_from_a_festival_is_that_many_days_from_it(today, festival: str, offset: str, shift: int) -> None:
    for typed in (f"{festival}{offset} 交表", f"交表 {festival}{offset}"):
        parsed = _parsed(typed, today)
        assert parsed.date == _coming(FESTIVALS[festival], today, shift), typed
        assert parsed.title == "交表" and parsed.lunar and offset[-2:] in parsed.lunar, parsed


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize(
    ("typed", "shift", "spring"),
    [("春节前两周 交表", -14, True), ("年前一周 开会", -7, True), ("除夕前三天 值班", -3, False)],
)
def test_a_count_before_the_new_year_counts_from_it(today, typed: str, shift: int, spring: bool) -> None:
    def new_year_or_eve(y: int) -> dt.date:
        return LunarDate(y, 1, 1).to_solar_date() - dt.timedelta(days=0 if spring else 1)

    assert _parsed(typed, today).date == _coming(new_year_or_eve, today, shift)


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize(
    "typed", ["中秋节后 交表", "国庆节后 开会", "交表 春节以后", "端午之后 交材料", "除夕三天 值班"]
)
def test_after_a_festival_without_a_count_is_no_day(today, typed: str) -> None:
    assert parse_reminder(typed, today) in ("after_festival", "no_date")
    assert parse_reminder(typed, today) == ("no_date" if "除夕" in typed else "after_festival")


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize(("typed", "before"), [("冬至 值班", 0), ("交表 冬至前", 1), ("冬至之前 交材料", 1)])
def test_the_winter_solstice_is_its_solar_term(today, typed: str, before: int) -> None:
    def solstice(y: int) -> dt.date:
        return next(
            d for d, name in chinese_calendar.get_solar_terms(dt.date(y, 12, 18), dt.date(y, 12, 27)) if name == "冬至"
        )

    parsed = _parsed(typed, today)
    assert parsed.date == _coming(solstice, today, -before) and "冬至" not in parsed.title


@pytest.mark.parametrize("today", (*TODAYS, dt.date(2029, 6, 1), dt.date(2030, 2, 2)))
@pytest.mark.parametrize("typed", ["腊月三十 值班", "农历腊月三十 值班", "值班 腊月三十"])
def test_the_thirtieth_of_the_last_month_is_the_eve(today, typed: str) -> None:
    eve = next(
        LunarDate(y, 1, 1).to_solar_date() - dt.timedelta(days=1)
        for y in (today.year, today.year + 1)
        if LunarDate(y, 1, 1).to_solar_date() - dt.timedelta(days=1) >= today
    )
    parsed = _parsed(typed, today)
    assert parsed.date == eve and parsed.title == "值班"
    short = LunarDate.from_solar_date(eve.year, eve.month, eve.day).day == 29
    assert ("二十九" in (parsed.lunar or "")) == short, parsed.lunar


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize("month", ["正", "三", "八", "十", "冬"])
def test_a_lunar_thirtieth_is_the_coming_months_or_none(today, month: int) -> None:
    number = {"正": 1, "三": 3, "八": 8, "十": 10, "冬": 11}[month]
    got = parse_reminder(f"农历{month}月三十 交表", today)
    if isinstance(got, ParsedReminder):
        assert got.date <= today + dt.timedelta(days=400), got  # never a 30th years on
        back = LunarDate.from_solar_date(got.date.year, got.date.month, got.date.day)
        assert (back.month, back.day) == (number, 30)
    else:
        assert got == "no_such_day"


@pytest.mark.parametrize(
    ("typed", "year", "month", "day"),
    [
        ("2027年腊月二十 交表", 2027, 12, 20),
        ("2027年农历三月十五 交表", 2027, 3, 15),
        ("二〇二八年正月初八 开工", 2028, 1, 8),
        ("交表 2028年农历八月十五", 2028, 8, 15),
    ],
)
def test_a_four_digit_year_is_the_lunar_dates_year(typed: str, year: int, month: int, day: int) -> None:
    parsed = _parsed(typed, dt.date(2026, 12, 1))
    assert parsed.date == LunarDate(year, month, day).to_solar_date()
    assert "年" not in parsed.title and parsed.lunar and not parsed.lunar.startswith("农历农历")


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize(
    ("typed", "weeks"), [("下周 开会", 1), ("交表 下个星期", 1), ("下个礼拜 交表", 1), ("下下周 开会", 2)]
)
def test_a_week_alone_is_its_monday(today, typed: str, weeks: int) -> None:
    parsed = _parsed(typed, today)
    assert parsed.date == today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7 * weeks)
    assert parsed.date.weekday() == 0 and parsed.lunar and "周一" in parsed.lunar
    assert date_in(typed.replace("开会", "要做什么"), today) is None  # a question's 下周 is the whole week


@pytest.mark.parametrize(
    ("typed", "far"), [("2028年1月1日 交表", True), ("交表 2027年12月20日", True), ("12月20日 交表", False)]
)
def test_send_times_in_another_year_carry_the_year(kb, typed: str, far: bool) -> None:
    now = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
    state = handle(UserState(user_id=1, region="jilin"), Event.command("remind"), kb, now).state
    out = handle(state, Event.say(typed), kb, now)
    said = out.replies[0].text
    when = said[said.index("会在") :]
    assert ("2026年" not in when) and (("年" in when) == far), said


@pytest.mark.parametrize(
    ("typed", "today", "noted"),
    [
        ("11月30日 交表", dt.date(2026, 12, 1), True),
        ("交表 11/28", dt.date(2026, 12, 1), True),
        ("12月30日 交表", dt.date(2027, 1, 5), True),
        ("3月9日 年度总结", dt.date(2026, 3, 10), True),
        ("10月15日 交表", dt.date(2026, 12, 1), False),  # long past: next year's, as ever
        ("12月1日 交表", dt.date(2026, 12, 1), False),  # today
        ("12月20日 交表", dt.date(2026, 12, 1), False),
    ],
)
def test_a_day_just_passed_is_next_years_and_said(typed: str, today: dt.date, noted: bool) -> None:
    parsed = _parsed(typed, today)
    assert parsed.date >= today
    assert ("刚过去" in (parsed.lunar or "")) == noted, parsed
    if noted:
        assert parsed.lunar == T.PASSED_THIS_YEAR.format(
            month=parsed.date.month, day=parsed.date.day, year=parsed.date.year
        )


# --- the second round: loosely named days (dialogs/loose_day_words.py) -------------------------------------


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize(
    ("typed", "months"), [("下个月的今天 交表", 1), ("交表 下下个月的今天", 2), ("明年的今天 复核", 12)]
)
def test_the_same_day_later_is_months_on(today, typed: str, months: int) -> None:
    """下个月的今天 was today, titled 下个月的 (brk9 D11)."""
    from dialogs.date_math import months_later

    parsed = _parsed(typed, today)
    assert parsed.date == months_later(today, months) and "今天" not in parsed.title and "月" not in parsed.title


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize(
    ("typed", "years"), [("年底 交总结", 0), ("交总结 年底前", 0), ("今年年末 盘点", 0), ("明年年底 复核", 1)]
)
def test_the_years_end_is_the_31st_of_december(today, typed: str, years: int) -> None:
    parsed = _parsed(typed, today)
    assert parsed.date == dt.date(today.year + years, 12, 31) and "年" not in parsed.title
    assert parsed.lunar == T.YEAR_END_LABEL


def test_a_question_on_the_years_end_is_no_reminders_date() -> None:
    """年底前 in a question is a text's own step (relative_words): date_in names no day for it."""
    assert date_in("年底前要交什么", dt.date(2026, 12, 1)) is None


@pytest.mark.parametrize("today", TODAYS[:2])
@pytest.mark.parametrize(
    "typed", ["每周一 开会", "每个星期五 例会", "每月15号 交表", "交报表 每个月1日", "每年3月 年检"]
)
def test_a_repeating_day_is_said_to_be_no_reminder(today, typed: str) -> None:
    """每周一 开会 was next Monday titled 每 开会 (brk9 D10)."""
    assert parse_reminder(typed, today) == "recurring"


@pytest.mark.parametrize("typed", ["每日清单 3月15日", "每周例会材料 12月20日"])
def test_a_title_naming_a_routine_keeps_its_date(typed: str) -> None:
    parsed = _parsed(typed, dt.date(2026, 12, 1))
    assert parsed.title.startswith("每")


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize(
    ("typed", "festival"),
    [("清明节当天 上报", "清明"), ("端午节前后 交表", "端午节"), ("中秋左右 值班", "中秋"), ("国庆那天 值班", "国庆")],
)
def test_around_or_on_the_festival_is_its_day_with_a_clean_title(today, typed: str, festival: str) -> None:
    parsed = _parsed(typed, today)
    assert not any(w in parsed.title for w in ("前后", "左右", "当天", "那天", "后 ")), parsed.title
    if festival in FESTIVALS:
        assert parsed.date == _coming(FESTIVALS[festival], today, 0)
