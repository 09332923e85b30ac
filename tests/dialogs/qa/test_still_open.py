"""Whether one can still apply now (newcomer2 F6: 北京今年还能报吗 got 2022's targets): the region's
calendar on the day asked — its next own deadline, the day's status note — with sources."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_for

HEAD = T.STILL_OPEN_HEADER.split("{")[1].split("}")[1][:4]  # "现在（"


@pytest.mark.parametrize(
    "text", ["今年还能报吗", "现在还能申请吗", "还来得及吗", "今年还可以申报社区医院吗", "明年能不能报"]
)
@pytest.mark.parametrize("region", ["jilin", "beijing", "chongqing-yuzhong", "national"])
def test_still_open_is_answered_from_the_calendar_of_the_day(kb, now, text: str, region: str) -> None:
    turn = turn_for(kb, now, text, region=region)
    assert turn.kind == "in_force" and turn.decision == "answer", turn.text[:200]
    assert HEAD in turn.text and turn.sources
    note = kb.calendars[region].status_on(now.date())
    if note is not None:
        assert note.text in turn.text


def test_a_deadline_ahead_is_given_with_the_days_left(kb) -> None:
    now = dt.datetime(2021, 3, 20, 10, tzinfo=SHANGHAI)
    turn = turn_for(kb, now, "现在还能申请吗", region="chongqing-yuzhong")
    assert T.STILL_OPEN_NEXT.split("{")[0] in turn.text and "2021年3月31日" in turn.text


def test_no_region_or_a_situation_is_not_this_kind(kb, now) -> None:
    assert (
        turn_for(kb, now, "今年还能报吗", region=None).kind != "in_force"
        or HEAD not in turn_for(kb, now, "今年还能报吗", region=None).text
    )
    assert turn_for(kb, now, "我们床位40张，今年还能报吗", region="jilin").kind == "situation"
