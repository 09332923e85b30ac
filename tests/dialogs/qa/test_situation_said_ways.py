"""Situational facts said the ways directors say them (session 10, devblind3): a figure before its
field with 多 (一千八百多平的业务用房), a bare 平 (房子有3千平), occupancy said as a ward's (入住率, 住满七成),
a share said of a whole (公卫人员占专技编制20%), 常住 for the population, a disqualifier in other words
(医保欺诈, 骗医保, 包出去), and "哪项不行" asking which stated figure fails. Each kind, several phrasings."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    "question",
    [
        "我们卫生院一千八百多平的业务用房，吉林够吗",
        "我们有1800多平的业务用房，够吗",
        "我们房子有1千8百平，能申请吗",
        "我们一共2500平，够不够",
        "我们才2千平的房子，能申请吗",
    ],
)
def test_a_floor_area_said_before_its_word_or_with_a_bare_ping_is_judged(kb, now, question) -> None:
    turn = turn_for(kb, now, question, region="jilin")
    assert turn.kind == "situation"
    assert "❌ 业务用房建筑面积≥3000平方米：不符合" in turn.text


@pytest.mark.parametrize(
    ("question", "fails"),
    [
        ("我们床位40张，入住率80%，能申请吗", False),
        ("我们床位占用率八成，够吗", False),
        ("我们开了40张床，平时住满七成，能申请吗", True),
        ("我们病床占用率68%，达标吗", True),
        ("我们床位使用率全年平均70%，够吗", True),
    ],
)
def test_occupancy_said_the_way_a_ward_is_is_judged(kb, now, question, fails) -> None:
    text = turn_for(kb, now, question, region="jilin").text
    assert ("❌ 床位使用率≥75%：不符合" if fails else "✅ 床位使用率≥75%：符合") in text


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("我们中心公卫人员占专技编制20%，吉林新方案这块达标吗", "jilin"),
        ("我们公卫人员占专业技术人员编制22%，北京这条要求过得了吗", "beijing"),
        ("我们公卫人员占专技编制20%，合规吗", "beijing"),
        ("我们公共卫生人员占全院人员编制的21%，够吗", "jilin"),
        ("公卫人员占编制总数18%，我们能过吗", "jilin"),
    ],
)
def test_a_share_said_of_a_whole_is_the_share(kb, now, question, region) -> None:
    text = turn_for(kb, now, question, region=region).text
    assert "公共卫生人员占专业技术人员编制比例不低于25%" in text and "未达到（只作提示）" in text


@pytest.mark.parametrize(
    "question",
    [
        "我们中心去年出了医保欺诈的事，还能申请吗",
        "我们去年因为骗医保被罚了，能申请验收吗",
        "我们中心前年套医保被医保局处罚过，影响申请吗",
        "我们被医保部门处罚过（套取医保资金），还能验收吗",
    ],
)
def test_an_insurance_fraud_penalty_in_other_words_bars(kb, now, question) -> None:
    turn = turn_for(kb, now, question, region="chongqing-yuzhong")
    assert turn.kind == "situation"
    assert "❌ 未因套取或骗取医保资金被医保行政部门处罚：不符合" in turn.text


@pytest.mark.parametrize(
    "question",
    [
        "我们把口腔科包出去了，还能申请吗",
        "我们中心的理疗科租出去了，影响验收吗",
        "我们有个科室包出去给别人做了，能申请吗",
        "我们把药房租出去了，渝中还能验收吗",
    ],
)
def test_an_outsourced_department_in_other_words_bars(kb, now, question) -> None:
    turn = turn_for(kb, now, question, region="chongqing-yuzhong")
    assert "❌ 无对外出租或承包内部科室：不符合" in turn.text


@pytest.mark.parametrize(
    "question",
    [
        "辖区常住5万人，年诊疗12万人次，全科医生10名，中药饮片320种，中医处方占28%，哪项不行",
        "我们中药饮片320种，中医处方占28%，哪一项不达标",
        "中医处方占比28%，饮片320种，哪几条过不了",
        "我们中医处方28%，饮片320种，哪条不够",
        "中药饮片320种，中医处方占28%，差在哪",
        "我们饮片320种，中医处方占比28%，哪里不达标",
        "中医处方占28%，饮片320种，问题在哪",
    ],
)
def test_which_stated_figure_fails_is_a_situation(kb, now, question) -> None:
    turn = turn_for(kb, now, question, region="chongqing-yuzhong")
    assert turn.kind == "situation"
    assert "❌ 第5项（二）：门诊中医处方占比不低于30%：不符合" in turn.text
    assert "✅ 第5项（一）：配备中药饮片不少于300种：符合" in turn.text


def test_chang_zhu_alone_is_the_population(kb, now) -> None:
    text = turn_for(kb, now, "辖区常住5万人，全科医生8名，渝中够吗", region="chongqing-yuzhong").text
    assert "按辖区常住人口50000人计，全科医生数至少要10人，现有8人，还差2人" in text
