"""A day said to be today against the region's yearly deadline of the director's first step (sealed set
10, s10a067: "今天7月5号…今年还赶趟不" got "the texts do not answer" and never said 6/30 was past): past
it, the reply says so and when the next window is; before it, how many days are left. The deadline is
read from the region's calendar (knowledge/data/calendars), never written here."""

from __future__ import annotations

import pytest

from dialogs.qa.still_open import said_day_lines
from tests.dialogs.qa.conftest import turn_for


def first_yearly(kb, region: str):
    from knowledge.calendar.actors import own_stages

    calendar = kb.calendars[region]
    stage = own_stages(calendar)[0]
    return next(r for r in calendar.rules if r.kind == "yearly" and r.stage == stage.id)


@pytest.mark.parametrize(
    "q",
    [
        "今天7月5号，我们社区医院建设申请还没报，今年还赶趟不",
        "现在都七月十号了，今年还能申请吗",
        "今天是8月1日，申请还来得及吗",
        "今儿九月三号，还赶得上吗",
    ],
)
def test_a_day_past_the_yearly_deadline_is_said_past_with_the_next(kb, now, q: str) -> None:
    rule = first_yearly(kb, "jilin")
    turn = turn_for(kb, now, q, region="jilin")
    date = f"{rule.month}月{rule.day}日"
    assert turn.kind == "in_force", turn.text[:300]
    assert f"已经过了当年的{date}" in turn.text and f"下一次是次年{date}前" in turn.text, turn.text[:600]
    assert rule.source in turn.sources


@pytest.mark.parametrize(("q", "days"), [("今天是6月20日，申请还来得及吗", 10), ("今天六月一号，今年还赶趟不", 29)])
def test_a_day_before_the_deadline_gets_the_days_left(kb, now, q: str, days: int) -> None:
    rule = first_yearly(kb, "jilin")
    assert (rule.month, rule.day) == (6, 30)  # the days above are counted to this deadline
    text = turn_for(kb, now, q, region="jilin").text
    assert f"离当年的6月30日还有{days}天" in text, text[:600]


@pytest.mark.parametrize("region", ["beijing", "chongqing-yuzhong"])
def test_no_yearly_deadline_no_said_day_line(kb, region: str) -> None:
    assert said_day_lines("今天7月5号，今年还赶趟不", kb.calendars[region]) == []


def test_no_day_said_no_line(kb) -> None:
    assert said_day_lines("今年还能申请吗", kb.calendars["jilin"]) == []
