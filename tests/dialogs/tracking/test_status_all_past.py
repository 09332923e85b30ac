"""/status all lists the loaded texts' past dates too, each item's last one, marked 已过 (newcomer trial 6,
N30: in 北京 and 吉林 /status all was the same as /status, "今后400天内…没有规定截止日期"); /status does not."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import tracking as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("region", "date"),
    [("beijing", "2022年12月31日"), ("jilin", "2025年10月31日"), ("chongqing-yuzhong", "2021年11月10日")],
)
def test_status_all_lists_the_past_dates(kb, region: str, date: str) -> None:
    text = handle(UserState(region=region), Event.command("status", "all"), kb, NOW).replies[0].text
    assert T.STATUS_PAST_TITLE in text and date in text and "（已过）" in text
    past = [line for line in text.splitlines() if "（已过）" in line]
    assert len(past) == len({line.split("：", 1)[1] for line in past})  # one line per item


@pytest.mark.parametrize("region", ["beijing", "jilin"])
def test_plain_status_keeps_to_the_coming_dates(kb, region: str) -> None:
    text = handle(UserState(region=region), Event.command("status"), kb, NOW).replies[0].text
    assert T.STATUS_PAST_TITLE not in text
