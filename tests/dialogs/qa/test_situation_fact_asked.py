"""A question about a fact of the texts that names the institution type on the way (newcomer trial 7,
N3): "我们原来卫生院的名字还留着吗" asks about 第一名称保持不变, not whether the institution qualifies, and
gets no verdict (it once got 渝中's 16 criteria); where the region's text says it, the answer does."""

from __future__ import annotations

import pytest

from dialogs.qa.situation_gate import asks_a_fact
from tests.dialogs.qa.conftest import ask, text_of

NAME_ASKED = (
    "挂了社区医院的牌子，我们原来卫生院的名字还留着吗",
    "我们社区卫生服务中心挂了牌子以后名称还保留吗",
    "我们是乡镇卫生院，建成社区医院后原来的名字还用吗",
    "咱们卫生院评上社区医院，要改名吗",
)
VERDICT_WORDS = ("结论", "条件不知道", "还不知道：", "只作提示）")


@pytest.mark.parametrize("region", [None, "national", "jilin", "beijing", "chongqing-yuzhong"])
@pytest.mark.parametrize("text", NAME_ASKED)
def test_a_fact_asked_beside_the_institution_type_gets_no_verdict(kb, now, text, region) -> None:
    reply = text_of(ask(kb, now, text, region))
    assert not any(w in reply for w in VERDICT_WORDS), reply


@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong"])
@pytest.mark.parametrize("text", NAME_ASKED[1:3])
def test_where_the_text_says_it_the_first_name_is_answered(kb, now, text, region) -> None:
    assert "第一名称" in text_of(ask(kb, now, text, region))


@pytest.mark.parametrize(
    "text",
    ["我们是乡镇卫生院，能申请吗", "我们卫生院名字叫XX，床位40张够吗", "我们是社区卫生服务中心，符合条件吗"],
)
def test_asking_whether_it_qualifies_is_still_a_situation(text) -> None:
    assert not asks_a_fact(text)
