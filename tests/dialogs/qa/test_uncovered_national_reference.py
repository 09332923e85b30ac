"""A place not covered asking a deadline or a requirement gets, after "not loaded", what the national
text says on it, then whom to ask (issue 12 point 6). A not-covered-* entry ranked above the national
one ("今年…几号截止" drew the city-quota entry) hid the national text; and a district of 重庆 other than
渝中 gets what is known of 重庆's own plan (渝卫办发〔2021〕7号, cited by 渝中's plan: devblind3 d3080)."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_for

REGIONS = [None, "jilin", "beijing", "chongqing-yuzhong"]

DEADLINES = [
    "河南郑州今年申报几号截止",
    "深圳今年几号截止",
    "上海社区医院申报截止日期是哪天",
    "广东深圳今年申报截止是几号",
    "郑州申报几号截止啊",
]


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("text", DEADLINES)
def test_a_deadline_of_a_place_not_covered_gets_the_national_date(kb, now, text: str, region) -> None:
    turn = turn_for(kb, now, text, region=region)
    assert turn.kind == "not_covered", turn.kind
    assert T.NOT_COVERED.split("{")[0] in turn.text
    assert [a.entry_id for a in turn.shown] == ["national-2021-report-deadline"], turn.text[:200]
    assert "11月30日" in turn.text and "咨询" in turn.text


CHONGQING_DISTRICTS = [
    "重庆渝北区建社区医院怎么申请",
    "重庆九龙坡区验收要达到哪些条件",
    "我们在重庆江北区，申报社区医院要什么材料",
    "重庆沙坪坝区的社区医院申报时间是什么时候",
    "渝北区申请社区医院有啥要求",
]


@pytest.mark.parametrize("region", [None, "chongqing-yuzhong", "jilin"])
@pytest.mark.parametrize("text", CHONGQING_DISTRICTS)
def test_a_district_of_chongqing_gets_the_city_plan_named(kb, now, text: str, region) -> None:
    turn = turn_for(kb, now, text, region=region)
    assert turn.kind == "not_covered", turn.kind
    assert "渝卫办发" in turn.text and "咨询" in turn.text, turn.text[:200]
    assert turn.text.index("渝卫办发") < turn.text.rindex("咨询当地")


@pytest.mark.parametrize("text", ["上海验收要达到哪些条件", "河南郑州申报社区医院怎么申请", "深圳的床位要求"])
def test_a_place_outside_chongqing_never_gets_the_chongqing_plan(kb, now, text: str) -> None:
    turn = turn_for(kb, now, text, region="chongqing-yuzhong")
    assert turn.kind == "not_covered"
    assert "渝卫办发" not in turn.text


def test_every_province_plan_named_in_regions_is_an_entry(kb) -> None:
    """regions.yaml `province_plan` names an entry of the region (a typo would silently show nothing)."""
    for region in kb.regions:
        if region.province_plan:
            entry = kb.index.entry(region.province_plan)
            assert entry is not None and region.id in entry.regions, region.id
