"""A fraction said of a share ("3/4 过半", "2/3 以上") is no reminder: 3/4 is read as a day only when a task
follows it ("3/4 交材料"). Before, "3/4 过半" added a reminder titled 过半 on 3 March (newcomer trial leftover)."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogs.dates import reads_as_reminder

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize("text", ["3/4 过半", "2/3 以上", "1/2 左右", "3/4，过半数", "4/5 不到"])
def test_a_fraction_said_of_a_share_is_no_reminder(text: str) -> None:
    assert not reads_as_reminder(text, TODAY)


@pytest.mark.parametrize("text", ["3/4 交材料", "交表 3/4", "3/4 打电话问卫健委"])
def test_a_slash_date_with_a_task_is_still_a_reminder(text: str) -> None:
    assert reads_as_reminder(text, TODAY)
