"""A situation's verdict reads every figure the director states, or says which it could not place:
"中药饮片配了280种 … 验收能过吗" was once answered "✅ 您说到的条件都符合" with 280 < 300 unread (the
second sealed set's readers). A verb between the thing and its count (配了, 配备, 建了) is read like
"有"; a figure no criterion takes is named, never silently left out of an "all met"."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_full

UNREAD = T.SITUATION_UNREAD.split("{")[0]


@pytest.mark.parametrize(
    ("text", "region", "shown"),
    [
        ("我们是甲级社区卫生服务中心，中药饮片配了280种，验收能过吗", "chongqing-yuzhong", "配备中药饮片280种"),
        ("全科医生配备了12名，常住人口8万，够吗", "chongqing-yuzhong", "现有12人"),
        ("床位开设了40张，使用率80%，能申请吗", "jilin", "实际开放床位40张"),
    ],
)
def test_a_verb_between_a_thing_and_its_count_is_read(kb, now, text: str, region: str, shown: str) -> None:
    turn = turn_full(kb, now, text, region=region)
    assert turn.kind == "situation" and shown in turn.text
    assert T.SITUATION_PASSED.format(aside="") not in turn.text and UNREAD not in turn.text


def test_a_figure_no_criterion_takes_is_named(kb, now) -> None:
    turn = turn_full(kb, now, "床位40张，使用率80%，面积3500平方米，有15个医生，能申请吗", region="jilin")
    assert turn.kind == "situation"
    assert T.SITUATION_UNREAD.format(figures="15个") in turn.text


@pytest.mark.parametrize("text", ["我们有40张床，要求30张够吗", "我们有40张床，每万人要2名全科医生吗"])
def test_the_rules_own_figures_are_not_called_unread(kb, now, text: str) -> None:
    turn = turn_full(kb, now, text, region="jilin")
    assert UNREAD not in turn.text


def test_a_share_told_as_two_counts_is_read_as_the_share(kb, now) -> None:
    # 8 of 40 is 20 %, under Jilin's 25 % (吉卫联发〔2024〕17号 二（三）): said, with the gap
    text = "我们卫生院专业技术人员编制40个，其中公共卫生人员8个、有1名公卫医师，符合吉林的配备要求吗？"
    turn = turn_full(kb, now, text, region="jilin")
    assert "公共卫生人员占专业技术人员编制的20%" in turn.text and "还差5个百分点" in turn.text


def test_the_members_of_a_list_under_one_heading_are_read(kb, now) -> None:
    text = "我们满意度调查结果：患者85%，签约居民82%，职工78%。验收时满意度这几项能全部达标吗？"
    turn = turn_full(kb, now, text, region="chongqing-yuzhong")
    assert "机构职工满意度78%" in turn.text and "患者满意度85%" in turn.text
    assert "不符合" in turn.text.split("\n")[0]
    # without the heading, 职工78% names no field: it is only said to be unread
    assert "职工满意度" not in turn_full(kb, now, "职工78%，能申请吗", region="chongqing-yuzhong").text


def test_a_share_said_with_zhan_is_read(kb, now) -> None:
    turn = turn_full(kb, now, "中药饮片现在配了250种，门诊中医处方占35%，能过吗", region="chongqing-yuzhong")
    assert "门诊中医处方占比35%" in turn.text and UNREAD not in turn.text
