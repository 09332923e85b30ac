"""Places whose documents are not loaded: said plainly, never another region's rules as if they
applied, the national text as a reference, and whom to ask. 重庆 alone: only 渝中区's plan."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, text_of, turn_for


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("上海社区医院申报截止日期是哪天", "上海市"),
        ("广州的乡镇卫生院想挂社区医院 流程是啥", "广东省广州市"),
        ("我们在重庆江北区 验收是不是也要11项全达标", "重庆市江北区"),
        ("成都社区医院满意度要达到多少", "四川省成都市"),
    ],
)
def test_a_place_not_covered_is_said_to_be_not_covered(kb, now, question: str, place: str) -> None:
    text = text_of(ask(kb, now, question, region=None))
    assert text.startswith(T.NOT_COVERED.format(places=place))
    assert T.ASK_LOCAL.split("{")[0] in text or "卫生健康委" in text


def test_no_other_regions_rules_are_given_for_a_place_not_covered(kb, now) -> None:
    turn = turn_for(kb, now, "成都社区医院满意度要达到多少")
    assert turn.kind == "not_covered"
    assert "80%" not in turn.text, "渝中区's satisfaction figure is not Chengdu's"
    assert all("national" in a.regions for a in turn.shown), "only the national text is offered"


def test_a_covered_region_named_beside_says_its_rules_do_not_carry_over(kb, now) -> None:
    text = text_of(ask(kb, now, "我们在河北廊坊 离北京近 能按北京的方案来吗", region="beijing"))
    assert "河北省廊坊市" in text
    assert T.ONLY_APPLIES.format(regions="北京市", places="河北省廊坊市") in text


def test_the_national_text_is_offered_as_a_reference_when_it_answers(kb, now) -> None:
    turn = turn_for(kb, now, "上海社区医院是不是要达到社区医院基本标准")
    assert turn.kind == "not_covered"
    if turn.shown:  # the national entry on the basic standard, marked as a reference
        assert T.NATIONAL_FOR_REFERENCE in turn.text


def test_chongqing_alone_is_answered_for_yuzhong_and_says_so(kb, now) -> None:
    turn = turn_for(kb, now, "重庆社区医院满意度要达到多少")
    assert turn.region == "chongqing-yuzhong"
    if turn.answered:
        assert turn.text.startswith(T.PARTIAL.format(places="重庆市", region="重庆市渝中区"))


def test_medical_insurance_designation_is_not_the_city_of_baoding(kb, now) -> None:
    turn = turn_for(kb, now, "医保定点资格怎么申请")
    assert turn.kind != "not_covered"
    # The entry for what the texts do not say about 医保定点, or the decline that sends to 医保局.
    assert turn.best_entry == "not-covered-insurance-designation" or T.REFERRAL["insurance"] in turn.text
