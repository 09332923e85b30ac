"""A part of a multi-part reply answers its own subject (sealed set 7, s7a016, s7a043): "多大比例"
asks a share, not an area — read as an area it was said unanswered though the first part's entry
gives 80 %, and the 公卫 share went to the 卫生院 eligibility text. A share said as a fraction
(四分之一) is the percentage the texts write (s7b041: 北京's 25 % was declined)."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from knowledge.search.intent import attributes_asked
from knowledge.search.normalize import fractions_to_percent
from tests.dialogs.qa.conftest import ask, text_of

NOT_FOUND = "没有找到"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("多大比例", {"ratio"}),
        ("公卫的人得占多大比例啊", {"ratio"}),
        ("多大的占比", {"ratio"}),
        ("业务用房要多大", {"area"}),
        ("面积占多大比例", {"area", "ratio"}),
    ],
)
def test_a_share_of_what_size_is_a_share(question: str, asked: set[str]) -> None:
    assert attributes_asked(question) == asked


@pytest.mark.parametrize(
    ("said", "read"),
    [("四分之一", "25%"), ("五分之二", "40%"), ("十分之一", "10%"), ("四分之三", "75%"), ("三分之一", "三分之一")],
)
def test_a_whole_fraction_is_its_percentage(said: str, read: str) -> None:
    assert fractions_to_percent(said) == read
    assert fractions_to_percent("二十分之一") == "二十分之一", "20 is no denominator of 十 alone"


@pytest.mark.parametrize(
    "question",
    [
        "2024年全省服务能力标准要达到多少家、多大比例？推荐标准呢？",
        "吉林2024年服务能力标准要达到多少家？多大比例？",
        "服务能力标准达标机构要多少家，占多大比例",
    ],
)
def test_a_share_part_is_not_unanswered_when_a_part_gives_it(kb, now, question: str) -> None:
    text = text_of(ask(kb, now, question, "jilin"))
    assert "80%" in text
    assert T.PART_UNANSWERED_SUGGEST not in text and NOT_FOUND not in text, text[:300]


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("现在俺们卫生院公卫的人得占多大比例啊，公卫医生要不要单配？", "jilin"),
        ("公卫人员得占多大比例？公卫医师要单独配吗", "jilin"),
        ("公卫人员得占多大比例？要不要专门配公卫医生", "beijing"),
    ],
)
def test_each_part_answers_its_own_subject(kb, now, question: str, region: str) -> None:
    text = text_of(ask(kb, now, question, region))
    first = text.split("②", 1)[0]
    assert "25%" in first, first[:300]
    assert "乡镇卫生院现在能否申报" not in text, "not the text on who may apply"


@pytest.mark.parametrize(
    "question",
    ["北京那边公卫的人是不是得占到四分之一？", "公共卫生人员要不要占四分之一", "公卫人员是不是要占到四分之一"],
)
@pytest.mark.parametrize("region", ["beijing", "jilin"])
def test_a_share_said_as_a_fraction_is_answered(kb, now, question: str, region: str) -> None:
    if region == "jilin" and "北京" in question:
        region = "beijing"
    out = ask(kb, now, question, region)
    text = text_of(out)
    assert "25%" in text and "不是4%" not in text, text[:200]
