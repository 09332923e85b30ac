"""Sealed set 8's misses of content the texts hold (s8r): answers declined, left out or given from
another entry although a text (or a kept report) says it. Kinds, each over several phrasings and the
regions where it applies; phrasings of our own, never the set's questions.

1. Colloquial words for what an entry names: 不是卫技的人 (非卫生技术人员), 一年得建 (每年新建),
   还没够基本标准 (没达到) — knowledge/data/synonyms.yaml.
2. A term a text defines in its own item (渝中 四（六）12 促进医防融合：以人民健康管理为核心…) is
   answered with that definition, not "the texts do not explain it".
3. A section's whole requirement (317号 五, 人才培养培训) answered whole: 进修, 复合型人才 included.
4. Which departments a plan says to coordinate (人力资源、财政、医保): the plan's policy-support entry.
"""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import turn_for

REGIONS = ("national", "jilin", "beijing", "chongqing-yuzhong")


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(
    "question",
    [
        "基本标准里不是卫技的人最多能占多少",
        "社区医院基本标准对不是卫生技术人员的比例咋要求的",
        "非卫技的人能占多大比例",
    ],
)
def test_non_technical_staff_in_speech_is_the_reported_share(kb, now, question: str, region: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered
    assert "15%" in turn.text and "报道" in turn.text


@pytest.mark.parametrize("region", ("national", "beijing", "chongqing-yuzhong"))
@pytest.mark.parametrize(
    "question",
    [
        "全国一年得建多少个社区医院",
        "国家一年要建几家社区医院，有数没",
        "现在全国每年要建多少社区医院",
    ],
)
def test_a_yearly_count_in_speech_is_the_per_year_target(kb, now, question: str, region: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered
    assert "500" in turn.text and "每年" in turn.text and "3800" not in turn.text


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(
    "question",
    [
        "还没够基本标准，能先把社区医院牌子挂上不",
        "基本标准还没够，可以先挂社区医院牌子吗",
        "还没够基本标准能先挂牌子不",
        "够不上基本标准可以先挂牌吗",
    ],
)
def test_not_yet_up_to_the_basic_standard_may_not_add_the_name(kb, now, question: str, region: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered
    assert "不得" in turn.text and "基本标准" in turn.text


@pytest.mark.parametrize(
    "question",
    [
        "渝中方案里的医防融合具体指什么",
        "医防融合到底啥意思",
        "渝中说的医防融合怎么理解",
        "促进医防融合是指什么",
    ],
)
def test_a_term_the_text_defines_is_answered_with_its_definition(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "chongqing-yuzhong")
    assert turn.answered
    assert "以人民健康管理为核心" in turn.text and "防、治、管" in turn.text
    assert "没有找到" not in turn.text


@pytest.mark.parametrize("region", ("national", "jilin"))
@pytest.mark.parametrize(
    "question",
    [
        "国家对社区医院人员培训有啥要求",
        "国家对社区医院人材培训有什么要求",
        "317号文对社区医院人才培养培训怎么要求的",
    ],
)
def test_the_training_section_is_answered_whole(kb, now, question: str, region: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered
    assert "规范化培训" in turn.text and "进修" in turn.text and "复合型" in turn.text


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("吉林方案要求各地积极协调哪些部门来支持社区医院建设", "jilin"),
        ("社区医院建设需要哪些部门配合", "jilin"),
        ("国家文件让协调哪些部门支持社区医院", "national"),
        ("北京方案要协调哪些部门给社区医院争取支持", "beijing"),
    ],
)
def test_the_departments_to_coordinate_are_named(kb, now, question: str, region: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered
    assert "人力资源" in turn.text and "财政" in turn.text and "医保" in turn.text
