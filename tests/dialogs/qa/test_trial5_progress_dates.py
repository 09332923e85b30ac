"""Newcomer trial 5, N10: "进展情况每个月几号报？赶上国庆咋办" (北京) was led by "收录的正式文件只写了目标，
没有完成情况的数字" — a question about when to report the progress is not one about whether a target was
reached — and said 遇法定节日顺延 without the day: a named holiday gets the date the rule moves to."""

from __future__ import annotations

import pytest

from dialogs.texts import depends as D
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_for

NOT_GIVEN = T.PROGRESS_NOT_GIVEN[:12]
MOVED = D.HOLIDAY_MOVED.split("：")[0].split("{")[0]  # "📅 赶上"


@pytest.mark.parametrize(
    "q",
    [
        "进展情况每个月几号报？赶上国庆咋办",
        "进展情况每月几号报",
        "完成情况什么时候报",
        "进展情况怎么报",
        "建设进展情况哪天之前交",
    ],
)
def test_a_question_about_reporting_progress_is_not_led_by_no_figures(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="beijing")
    assert turn.answered and NOT_GIVEN not in turn.text, turn.text[:200]


@pytest.mark.parametrize("q", ["北京2022年新建10家完成了吗", "目标实现了没"])
def test_whether_a_target_was_reached_still_says_the_texts_hold_none(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="beijing")
    assert NOT_GIVEN in turn.text or not turn.answered


@pytest.mark.parametrize(
    "q",
    [
        "进展情况每个月几号报？赶上国庆咋办",
        "每月1号报进展，如果1号是国庆节怎么办",
        "报送进展赶上国庆放假咋办",
        "国庆节期间进展还要按时报吗",
    ],
)
def test_a_named_holiday_gets_the_day_the_deadline_moves_to(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="beijing")
    assert "顺延" in turn.text
    assert MOVED in turn.text and "2022年10月8日" in turn.text and "2022年10月1日" in turn.text, turn.text[-300:]


def test_no_moved_day_without_a_holiday_named_or_without_a_postponing_rule(kb, now) -> None:
    assert MOVED not in turn_for(kb, now, "每月报进展碰上节假日呢", region="beijing").text
    assert MOVED not in turn_for(kb, now, "申报材料国庆前要交吗", region="jilin").text


@pytest.mark.parametrize("q", ["进展情况每个月几号报？赶上国庆咋办", "报送进展赶上国庆放假咋办"])
def test_a_moved_day_on_a_weekend_says_it_is_a_swapped_working_day(kb, now, q: str) -> None:
    """Newcomer trial 6, N33: 2022-10-08 was a Saturday worked in lieu (chinese_calendar): "周六" beside
    "工作日" read as an error until the reply said 调休上班."""
    text = turn_for(kb, now, q, region="beijing").text
    assert "2022年10月8日" in text and "调休上班" in text
