"""The introduction's "共 n 题" is the count the questions themselves show ("（第 1/n 题）"): both count
only the questions that matter on the answers so far (a conditional question skipped leaves no gap,
newcomer trial 5, N19), so the director never reads 共 8 题 above 第 1/7 题."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle

NOW = dt.datetime(2026, 3, 10, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize("region", ["national", "jilin", "chongqing-yuzhong", "beijing"])
def test_the_introductions_count_is_the_questions_count(kb, region: str) -> None:
    out = handle(UserState(region=region), Event.command("check"), kb, NOW)
    text = "\n".join(r.text for r in out.replies)
    total = re.search(r"共 (\d+) 题", text)
    shown = re.search(r"（第 1/(\d+) 题）", text)
    assert total and shown and total.group(1) == shown.group(1), text[:300]
