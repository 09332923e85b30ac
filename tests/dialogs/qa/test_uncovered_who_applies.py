"""Newcomer trial 7, N12: whether a 社区卫生服务中心 may apply, asked of a place not covered (上海浦东) or
nationally, gets the national text that answers it (317号 二: 主要依托现有城市社区卫生服务中心), not the
three-year plan's reported 30 % target."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import ask, text_of


@pytest.mark.parametrize(
    ("region", "question"),
    [
        (None, "上海浦东的社区卫生服务中心能申请社区医院吗"),
        ("jilin", "杭州的社区卫生服务中心可以申报社区医院不"),
        ("national", "社区卫生服务中心能申请社区医院吗"),
        ("national", "我们社区卫生服务中心能不能建社区医院"),
        (None, "广州的乡镇卫生院能建社区医院吗"),
    ],
)
def test_who_may_apply_gets_the_national_text(kb, now, region, question) -> None:
    text = text_of(ask(kb, now, question, region))
    assert "主要依托现有城市社区卫生服务中心" in text and "30%以上" not in text, text
