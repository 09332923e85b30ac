"""A level reached beside the next one not reached ("只达到基本标准还没到推荐标准"), and asking to build or to
hang the sign (能新建/能建/能搞/能挂社区医院吗) instead of to apply (devblind3 d3018): a verdict on the level
said, under the region's 原则上 rule. Before, the shortfall of 推荐标准 was read as one of 基本标准 and the
question went to a search answer with no verdict."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import turn_for

NOT_RECOMMENDED = "⚠️ 原则上达到服务能力推荐标准：未达到"


@pytest.mark.parametrize(
    "question",
    [
        "北京的社区卫生服务中心，只达到服务能力基本标准还没到推荐标准，今年能新建社区医院吗",
        "我们只达到基本标准还没达到推荐标准，能建社区医院吗",
        "我们中心达到了基本标准，没到推荐标准，能搞社区医院吗",
        "我们服务能力是基本标准，推荐标准还差点，能挂社区医院牌子吗",
        "我们刚达到基本标准还不够推荐标准，能申请吗",
    ],
)
def test_basic_reached_recommended_not_is_judged(kb, now, question) -> None:
    turn = turn_for(kb, now, question, region="beijing")
    assert turn.kind == "situation" and NOT_RECOMMENDED in turn.text


@pytest.mark.parametrize(
    "question",
    [
        "我们达到推荐标准了，能新建社区医院吗",
        "我们是推荐标准，能建社区医院吗",
        "我们中心已经达到推荐标准，能挂社区医院牌子吗",
    ],
)
def test_recommended_reached_passes(kb, now, question) -> None:
    text = turn_for(kb, now, question, region="beijing").text
    assert "✅ 原则上达到服务能力推荐标准：符合" in text
