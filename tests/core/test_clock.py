"""One clock: today in Shanghai, from any aware moment; --now flags read as Shanghai time."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.clock import SHANGHAI, local_today, parse_now


def test_sixteen_hundred_utc_is_already_tomorrow_in_shanghai() -> None:
    assert local_today(dt.datetime(2026, 6, 29, 15, 59, tzinfo=dt.UTC)) == dt.date(2026, 6, 29)
    assert local_today(dt.datetime(2026, 6, 29, 16, 0, tzinfo=dt.UTC)) == dt.date(2026, 6, 30)


def test_a_naive_moment_is_refused_rather_than_guessed() -> None:
    with pytest.raises(ValueError):
        local_today(dt.datetime(2026, 6, 29, 16, 0))


@given(st.datetimes(min_value=dt.datetime(1992, 1, 1), max_value=dt.datetime(2200, 1, 1), timezones=st.just(dt.UTC)))
def test_local_today_is_the_date_eight_hours_later(moment: dt.datetime) -> None:
    # Since 1992 China has had no daylight saving (it had some in 1986–1991, and local mean time
    # before 1901): Shanghai is UTC+8 on every date the assistant handles.
    assert local_today(moment) == (moment + dt.timedelta(hours=8)).date()


def test_parse_now_reads_naive_times_as_shanghai_and_keeps_zones() -> None:
    assert parse_now("2026-03-10T10:00") == dt.datetime(2026, 3, 10, 10, 0, tzinfo=SHANGHAI)
    assert parse_now("2026-03-10T02:00+00:00") == dt.datetime(2026, 3, 10, 10, 0, tzinfo=SHANGHAI)
    assert parse_now(None).tzinfo is not None
    with pytest.raises(ValueError):
        parse_now("next tuesday")
