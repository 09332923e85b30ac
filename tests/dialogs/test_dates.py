"""Issue 10, dates: relative years, weeks and months, month ends and beginnings, lunar dates, and
titles that keep none of the date words. Table tests name the issue's examples; property tests
(hypothesis) generate each kind and compare with calendar arithmetic done another way (lunar dates:
lunardate's own inverse, from_solar_date)."""

from __future__ import annotations

import calendar
import datetime as dt

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lunardate import LunarDate

from core.clock import SHANGHAI, local_today
from core.model import Event, UserState
from dialogs.dates import ParsedReminder, parse_reminder
from dialogs.router import handle
from dialogs.texts import tracking as T

TODAY = dt.date(2026, 1, 10)  # a Saturday, the issue's day
_PROPERTY = settings(max_examples=300, deadline=None)
TITLES = st.sampled_from(["交材料", "自评完成", "开会", "上报统计表", "验收准备", "打电话给区卫健委"])
WEEKDAY_WORDS = "一二三四五六日"


def ok(text: str, today: dt.date = TODAY) -> ParsedReminder:
    got = parse_reminder(text, today)
    assert isinstance(got, ParsedReminder), (text, got)
    return got


@pytest.mark.parametrize(
    ("typed", "title", "date"),
    [
        ("交材料 明年3月15日", "交材料", dt.date(2027, 3, 15)),
        ("明年3月15日交材料", "交材料", dt.date(2027, 3, 15)),
        ("后年5月1日 验收", "验收", dt.date(2028, 5, 1)),
        ("28年5月1日 验收", "验收", dt.date(2028, 5, 1)),
        ("今年3月1日 自查", "自查", dt.date(2026, 3, 1)),
        ("下周五 开会", "开会", dt.date(2026, 1, 16)),
        ("下个星期一 交表", "交表", dt.date(2026, 1, 12)),
        ("周一 交表", "交表", dt.date(2026, 1, 12)),
        ("月底 交表", "交表", dt.date(2026, 1, 31)),
        ("下个月底 交表", "交表", dt.date(2026, 2, 28)),
        ("下个月15号 上报", "上报", dt.date(2026, 2, 15)),
        ("下月初 盘点", "盘点", dt.date(2026, 2, 1)),
        ("月初 盘点", "盘点", dt.date(2026, 2, 1)),
        ("本月15号 自查", "自查", dt.date(2026, 1, 15)),
        ("3天后 打电话", "打电话", dt.date(2026, 1, 13)),
        ("明天 交表", "交表", dt.date(2026, 1, 11)),
        ("3月15日前交材料", "交材料", dt.date(2026, 3, 15)),
        ("2026年3月10日 今天的事", "今天的事", dt.date(2026, 3, 10)),
    ],
)
def test_relative_and_named_dates(typed: str, title: str, date: dt.date) -> None:
    got = ok(typed)
    assert (got.title, got.date, got.lunar) == (title, date, None)


@pytest.mark.parametrize(
    ("typed", "title", "date", "lunar"),
    [
        ("农历三月十五 交材料", "交材料", dt.date(2026, 5, 1), "农历三月十五"),
        ("阴历八月十五 团圆", "团圆", dt.date(2026, 9, 25), "阴历八月十五"),
        ("正月初八 开工", "开工", dt.date(2026, 2, 24), "农历正月初八"),
        ("腊月二十三 扫尘", "扫尘", dt.date(2026, 2, 10), "农历腊月二十三"),
    ],
)
def test_lunar_dates_are_converted_and_kept(typed: str, title: str, date: dt.date, lunar: str) -> None:
    got = ok(typed)
    assert (got.title, got.date, got.lunar) == (title, date, lunar)


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("农历二月三十一 x", "no_such_day"),
        ("这周一 x", "past"),
        ("明年 交材料", "no_date"),
        ("下周五 和 下周一", "several_dates"),
    ],
)
def test_dates_that_are_not(typed: str, error: str) -> None:
    assert parse_reminder(typed, TODAY) == error


def test_the_reply_says_the_solar_date_of_a_lunar_one(kb) -> None:
    now = dt.datetime(2026, 1, 10, 10, tzinfo=SHANGHAI)
    menu = handle(UserState(region="jilin"), Event.command("remind"), kb, now)
    out = handle(menu.state, Event.say("农历三月十五 交材料"), kb, now)
    assert out.state.reminders[0].date == dt.date(2026, 5, 1)
    assert out.state.reminders[0].title == "交材料"
    assert "2026年5月1日" in out.replies[0].text and "农历三月十五" in out.replies[0].text


def test_the_issue_example_is_saved_for_next_year_with_a_clean_title(kb) -> None:
    now = dt.datetime(2026, 1, 10, 10, tzinfo=SHANGHAI)
    menu = handle(UserState(region="jilin"), Event.command("remind"), kb, now)
    out = handle(menu.state, Event.say("交材料 明年3月15日"), kb, now)
    saved = out.state.reminders[0]
    assert (saved.title, saved.date) == ("交材料", dt.date(2027, 3, 15))
    assert T.REMINDER_ADDED.split("{")[0] in out.replies[0].text


# --- properties ----------------------------------------------------------------------------------

DAYS = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31))


@_PROPERTY
@given(today=DAYS, ahead=st.integers(min_value=0, max_value=4 * 365), title=TITLES, before=st.booleans())
def test_property_a_full_date_anywhere_is_read_and_leaves_the_title(
    today: dt.date, ahead: int, title: str, before: bool
) -> None:
    day = today + dt.timedelta(days=ahead)
    written = f"{day.year}年{day.month}月{day.day}日"
    got = ok(f"{written} {title}" if before else f"{title} {written}", today)
    assert (got.title, got.date) == (title, day)


@_PROPERTY
@given(today=DAYS, offset=st.sampled_from([("今年", 0), ("明年", 1), ("后年", 2)]), title=TITLES, data=st.data())
def test_property_relative_years(today: dt.date, offset: tuple[str, int], title: str, data: st.DataObject) -> None:
    year = today.year + offset[1]
    month = data.draw(st.integers(min_value=1, max_value=12))
    day = data.draw(st.integers(min_value=1, max_value=calendar.monthrange(year, month)[1]))
    got = parse_reminder(f"{title} {offset[0]}{cn2an.an2cn(month)}月{day}号", today)
    expected = dt.date(year, month, day)
    if expected < today:
        assert got == "past"
    else:
        assert isinstance(got, ParsedReminder) and (got.title, got.date) == (title, expected)


@_PROPERTY
@given(today=DAYS, weekday=st.integers(min_value=0, max_value=6), which=st.sampled_from(["下", "下个", "下下"]))
def test_property_next_weeks_weekday(today: dt.date, weekday: int, which: str) -> None:
    got = ok(f"{which}周{WEEKDAY_WORDS[weekday]} 开会", today)
    weeks = 2 if which == "下下" else 1
    monday = today - dt.timedelta(days=today.weekday())  # weeks start on Monday in China
    assert got.date.weekday() == weekday
    assert (got.date - monday).days // 7 == weeks


@_PROPERTY
@given(today=DAYS, day=st.integers(min_value=1, max_value=28), title=TITLES)
def test_property_next_month_day_and_month_end(today: dt.date, day: int, title: str) -> None:
    got = ok(f"下个月{day}号 {title}", today)
    nxt = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    assert (got.title, got.date) == (title, nxt.replace(day=day))
    end = ok(f"{title} 月底", today)
    assert end.date == today.replace(day=calendar.monthrange(today.year, today.month)[1])


@_PROPERTY
@given(today=DAYS, month=st.integers(min_value=1, max_value=12), day=st.integers(min_value=1, max_value=30))
def test_property_lunar_dates_round_trip(today: dt.date, month: int, day: int) -> None:
    day_word = f"初{cn2an.an2cn(day)}" if day <= 10 else cn2an.an2cn(day)
    got = parse_reminder(f"农历{cn2an.an2cn(month)}月{day_word} 交材料", today)
    if got in ("too_far", "no_such_day"):  # a 30th the coming lunar month lacks (brk9 D5): said, not years on
        assert day == 30 and (month, got) != (12, "too_far")
        return
    assert isinstance(got, ParsedReminder), got
    back = LunarDate.from_solar_date(got.date.year, got.date.month, got.date.day)
    if (month, day) == (12, 30):  # 腊月三十 is the eve, whether 腊月 has 29 days or 30
        after = got.date + dt.timedelta(days=1)
        assert (LunarDate.from_solar_date(after.year, after.month, after.day).month, back.month) == (1, 12)
    else:
        assert (back.month, back.day, back.is_leap_month) == (month, day, False)
    # the next one: within a lunar year (about 385 days), a 30th included (the coming month's)
    assert today <= got.date <= today + dt.timedelta(days=400)
    assert got.title == "交材料"


def test_lunar_works_at_the_machines_real_date() -> None:
    today = local_today(dt.datetime.now(SHANGHAI))
    got = ok("农历正月初一 拜年", today)
    back = LunarDate.from_solar_date(got.date.year, got.date.month, got.date.day)
    assert (back.month, back.day) == (1, 1) and got.date >= today


@pytest.mark.parametrize(
    ("text", "solar", "lunar"),
    [
        ("过完年初八 找卫健委", dt.date(2027, 2, 13), "农历正月初八"),
        ("大年初三 拜年", dt.date(2027, 2, 8), "农历正月初三"),
        ("年后初十 交材料", dt.date(2027, 2, 15), "农历正月初十"),
        ("过了年初六 开工", dt.date(2027, 2, 11), "农历正月初六"),
    ],
)
def test_the_days_after_the_new_year_are_the_first_lunar_months(text: str, solar: dt.date, lunar: str) -> None:
    """过完年初八 is 正月初八 (newcomer trial 5, N16): lunardate gives the solar day (the 2027 new year is
    6 February), the reply names the lunar form."""
    got = parse_reminder(text, dt.date(2026, 12, 1))
    assert isinstance(got, ParsedReminder) and got.date == solar and got.lunar == lunar


def test_after_the_new_year_with_a_solar_day_is_no_lunar_date() -> None:
    assert not isinstance(parse_reminder("年后15号 交表", dt.date(2026, 12, 1)), ParsedReminder)
