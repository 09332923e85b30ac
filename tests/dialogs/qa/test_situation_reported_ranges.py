"""Breaker B16: in 北京 and 渝中 (no bed or occupancy figure of their own) a stated range is held
against the basic standard's reported figures; a range across such a limit (七成半左右 = 67.5–82.5 %
against 75 %) was "整个范围都未达到". It depends on the exact figure, as in the region's own rules."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from tests.dialogs.qa.conftest import ask, text_of

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize("region", ["beijing", "chongqing-yuzhong"])
@pytest.mark.parametrize(
    "question",
    [
        "我们床位28张，使用率七成半左右，能申报吗",
        "床位40张，使用率75%左右，够吗",
        "床位四十张，使用率大概七成半，能申请吗",
    ],
)
def test_a_range_across_a_reported_limit_is_never_wholly_on_one_side(kb, region, question) -> None:
    text = text_of(ask(kb, NOW, question, region=region))
    assert "新闻报道" in text and "要看准确数字" in text, text
    assert "整个范围都未达到" not in text and "整个范围都符合" not in text, text
