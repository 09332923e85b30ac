"""A two-way referral agreement said with its partner hospital ("跟区人民医院签了双向转诊协议"), not a count
(devblind3 d3022): read as the count 渝中's 第7项 asks, one when none is said; a partner below 区县级
(社区医院, 卫生院) or a question about the rule is no fact."""

from __future__ import annotations

import pytest

from dialogs.qa.facts import read_situation
from tests.dialogs.qa.conftest import turn_for

MET = "✅ 第7项：至少与1所区县级以上医院建立双向转诊和技术指导关系：符合"


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("我们跟区人民医院签了双向转诊协议，有1支精品家庭医生团队，这两项算达标吗", 1),
        ("我们和两家三甲医院建立了双向转诊关系，能申请吗", 2),
        ("我们与区中医院签订了双向转诊协议，够不够", 1),
        ("我们同市第一人民医院有稳定的双向转诊，第7项达标吗", 1),
        ("我们和3所医院都签了双向转诊，能申请验收吗", 3),
    ],
)
def test_an_agreement_with_a_hospital_is_its_count(kb, now, question, count) -> None:
    assert read_situation(question, kb.fields)["referral_partner_hospitals"].value == count
    assert MET in turn_for(kb, now, question, region="chongqing-yuzhong").text


@pytest.mark.parametrize(
    "question",
    ["我们只和社区医院签了双向转诊协议，第7项达标吗", "我们跟隔壁卫生院签了双向转诊", "双向转诊要和几家医院签"],
)
def test_no_count_from_a_partner_below_the_rule_or_a_question(kb, question) -> None:
    assert "referral_partner_hospitals" not in read_situation(question, kb.fields)
