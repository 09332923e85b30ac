"""Newcomer trial 11: questions a director asks first, in every region. The procedure asked whole
(流程, 步骤, 怎么申报, 找哪个部门) gets the region's own route — 渝中's and the national text's were
missing (N2, N3: the 特色科室 entry, a news note, the three-year plan's issuers); which text is valid
now, with 文件/方案 and a time word between (N1), is an in-force question; 找谁问 bare gets the
contacts (N14); 社区医院和社区卫生服务中心有啥区别 gets what a 社区医院 is in every region (N4: whether a
centre may apply); 我们还差哪些条件 with no figure gets the conditions to hold against (N13)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from tests.dialogs.qa.conftest import turn_for

TODAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)

ROUTE = {
    "jilin": "jilin-2020-application-route",
    "beijing": "beijing-2022-work-steps",
    "chongqing-yuzhong": "yuzhong-2021-procedure",
    "national": "national-2021-procedure",
}
PROCEDURE = ["申报流程是怎样的", "申报社区医院要经过哪些步骤", "社区医院怎么申报", "申报找哪个部门", "申请社区医院找谁"]


@pytest.mark.parametrize("region", sorted(ROUTE))
@pytest.mark.parametrize("question", PROCEDURE)
def test_the_procedure_asked_whole_gets_the_regions_route(kb, region: str, question: str) -> None:
    turn = turn_for(kb, TODAY, question, region=region)
    assert turn.answered
    assert turn.shown[0].entry_id == ROUTE[region]


@pytest.mark.parametrize("region", sorted(ROUTE))
@pytest.mark.parametrize(
    "question",
    ["哪个文件现在有效", "现在哪个文件有效？", "目前有效的文件是哪个", "哪个方案现在有效", "现在执行哪个文件"],
)
def test_which_text_is_valid_now_is_an_in_force_question(kb, region: str, question: str) -> None:
    turn = turn_for(kb, TODAY, question, region=region)
    assert turn.kind == "in_force"
    assert "适用" in turn.text


CONTACT = {
    "jilin": "jilin-2020-contact",
    "beijing": "beijing-2022-contact",
    "chongqing-yuzhong": "yuzhong-2021-contact",
    "national": "national-2021-contact",
}


@pytest.mark.parametrize("region", sorted(CONTACT))
@pytest.mark.parametrize("question", ["找谁问", "找谁咨询", "不懂的问谁"])
def test_whom_to_ask_bare_gets_the_contacts(kb, region: str, question: str) -> None:
    turn = turn_for(kb, TODAY, question, region=region)
    assert turn.answered and turn.shown[0].entry_id == CONTACT[region]


# (北京 left out: there the name entry answers 挂牌后还叫社区卫生服务中心吗, test_ranking_kinds)
@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong", "national"])
@pytest.mark.parametrize(
    "question", ["社区医院和社区卫生服务中心有啥区别", "社区医院跟卫生院有什么不同", "社区医院是一个新机构吗"]
)
def test_what_a_community_hospital_is_in_every_region(kb, region: str, question: str) -> None:
    turn = turn_for(kb, TODAY, question, region=region)
    assert turn.answered and turn.shown[0].entry_id == "national-2021-what-it-is"
    assert "第二名称" in turn.text


CONDITIONS = {
    "jilin": "jilin-2020-selection-conditions",
    "beijing": "beijing-2022-conditions",
    "chongqing-yuzhong": "yuzhong-2021-criteria-list",
}  # (the national text has no list of conditions: 遴选条件 asked of it stays at most suggested, test_heads)


@pytest.mark.parametrize("region", sorted(CONDITIONS))
@pytest.mark.parametrize("question", ["我们还差哪些条件", "还差啥条件", "我们差哪些条件没达到"])
def test_the_directors_gap_with_no_figure_gets_the_conditions(kb, region: str, question: str) -> None:
    turn = turn_for(kb, TODAY, question, region=region)
    assert turn.answered and turn.shown[0].entry_id == CONDITIONS[region]
