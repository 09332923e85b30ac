"""Replies to questions about one precise thing (公卫人员比例, 每万人几名全科医生, 第一名称, 印发日期,
申报条件, who may apply) through the chat path: the thing asked, never another quantity or date shown
as sure; where the region's texts do not say it, that, and whom to ask (newcomer findings F1 F2 F8
F10 F13 F22 F24 F31)."""

from __future__ import annotations

import dataclasses

import pytest

from dialogs.qa.entries import render_result
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, text_of


@pytest.mark.parametrize("question", ["公卫人员比例要多少", "公卫人员占比要多少"])
def test_yuzhong_public_health_staff_share_is_said_to_be_not_given(kb, now, question: str) -> None:
    text = text_of(ask(kb, now, question, region="chongqing-yuzhong"))  # F2, F8
    assert "没有规定公共卫生人员" in text
    assert "社区卫生健康科" in text
    assert "15%" not in text and "饮片" not in text, "another quantity (非卫技 share, 中药饮片) is not the answer"
    assert "25%" not in text, "北京's and 吉林's 25 % do not apply in 渝中"


@pytest.mark.parametrize("region", ["jilin", "beijing", "national"])
def test_gp_per_10k_outside_yuzhong_says_the_texts_give_no_ratio(kb, now, region: str) -> None:
    text = text_of(ask(kb, now, "每万人要几个全科医生", region=region))  # F10
    assert "没有按常住人口规定全科医生的配置数" in text
    assert "3名" not in text, "an absolute count answers another question"
    assert "只适用于重庆市渝中区" in text, "渝中's rule, if shown, is labelled as 渝中's"


def test_gp_per_10k_in_yuzhong_is_its_own_rule(kb, now) -> None:
    text = text_of(ask(kb, now, "每万人要几个全科医生", region="chongqing-yuzhong"))
    assert "每万名常住人口应当配置2名及以上全科医生" in text
    assert "没有按常住人口" not in text


def test_township_hospital_in_yuzhong_gets_the_scope_not_the_form(kb, now) -> None:
    text = text_of(ask(kb, now, "乡镇卫生院能在渝中申请吗", region="chongqing-yuzhong"))  # F1
    assert "主要面向全区所有政府办社区卫生服务中心" in text
    assert "没有写乡镇卫生院" in text and "社区卫生健康科" in text
    assert "验收申请表" not in text


def test_first_name_in_jilin_stays(kb, now) -> None:
    text = text_of(ask(kb, now, "评估通过以后第一名称要改吗", region="jilin"))  # F13
    assert "第一名称保持不变" in text


@pytest.mark.parametrize("question", ["社区医院申报条件", "申报条件有哪些"])
def test_beijing_conditions_are_its_in_principle_rule(kb, now, question: str) -> None:
    text = text_of(ask(kb, now, question, region="beijing"))  # F24
    assert "原则上" in text and "推荐标准" in text
    assert "截止日期" not in text and "材料清单" not in text


def test_yuzhong_conditions_are_the_eleven_criteria(kb, now) -> None:
    text = text_of(ask(kb, now, "社区医院申报条件", region="chongqing-yuzhong"))  # F24
    assert "共11项" in text


def test_yuzhong_issue_date_is_the_day_it_was_issued(kb, now) -> None:
    text = text_of(ask(kb, now, "渝中方案是哪天印发的", region=None))  # F22
    assert "2021年3月16日" in text
    assert "3月底前" not in text


def test_jilin_listing_is_not_the_application_deadline(kb, now) -> None:
    text = text_of(ask(kb, now, "什么时候能挂牌", region="jilin"))  # F31
    assert "加注社区医院名称" in text
    assert "6月30日前" not in text


def test_a_head_no_entry_names_is_said_to_be_missing(kb, now) -> None:
    """When no candidate names the head, the reply says the texts lack it before the suggestions."""
    result = kb.index.search("公卫人员比例要多少", "chongqing-yuzhong")
    missing = dataclasses.replace(
        result, decision="suggest", suggestions=result.answers, unmet=("head:public-health-staff",)
    )
    replies = render_result(missing, kb, "chongqing-yuzhong", now.date(), "公卫人员比例要多少")
    assert replies[0].text.startswith(T.NOT_GIVEN.format(what=T.ATTRIBUTE_NAMES["head:public-health-staff"]))
    assert replies[0].buttons, "the related entries are offered"


@pytest.mark.parametrize("question", ["人工客服", "转人工", "有没有人工客服"])
def test_asking_for_a_person_is_told_this_is_an_automated_assistant(kb, now, question: str) -> None:
    text = text_of(ask(kb, now, question, region=None))  # F32: was the generic decline
    assert T.SMALLTALK["who_are_you"] in text
    assert T.DECLINE not in text
