"""A comparison asks the same question of each side (devblind3 d3069, d3065, d3057): a side on another
topic than the surest side's takes its own candidate on that topic; "是一个意思吗 / 一回事吗" compare; two
clauses each opening with a place, the last asking, compare."""

from __future__ import annotations

import pytest

from dialogs.qa.compare import regions_compared
from dialogs.texts import qa_compare as TC
from knowledge.places import places_named
from tests.dialogs.qa.conftest import turn_for


def _side(text: str, header: str) -> str:
    start = text.index(header)
    end = text.find("【", start + 1)
    return text[start : end if end > 0 else len(text)]


@pytest.mark.parametrize(
    "q",
    [
        "吉林和渝中申报社区医院的时间节点对比一下",
        "吉林和渝中的时间安排有什么不同",
        "渝中和吉林申报流程的时间节点比较一下",
        "吉林跟渝中全年时间表一样吗",
    ],
)
def test_each_side_gives_its_whole_calendar(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="jilin")
    assert turn.kind == "comparison"
    assert "11月10日" in _side(turn.text, "【重庆市渝中区】")
    assert "6月30日" in _side(turn.text, "【吉林省】")


@pytest.mark.parametrize(
    "q",
    [
        "渝中要求每万人2名全科医生，和国家基本标准3个全科是一个意思吗",
        "国家基本标准要3名全科医师，渝中要求每万人2名，两者一样吗",
        "国家基本标准的全科医师要求和渝中的全科医生要求是一回事吗",
        "国家说至少3名全科医师，和渝中每万人2名是一个意思吗",
    ],
)
def test_the_national_sides_reported_gp_count_beside_yuzhongs(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region=None)
    assert turn.kind == "comparison"
    national = _side(turn.text, "【全国")
    assert "3名全科医师" in national and "新闻报道" in national
    assert "2名" in _side(turn.text, "【重庆市渝中区】")
    assert TC.COMPARE_SUMMARY in turn.text


@pytest.mark.parametrize(
    ("q", "compared"),
    [
        ("国家要各省11月30日前交总结，吉林市里要啥时候交", True),
        ("北京要求9月30日前报名单，吉林呢要几号", True),
        ("国家要求各省11月30日前报名单，那北京要几号报", True),
        ("吉林要求床位30张，渝中要多少", True),
        ("我是吉林的，国家文件什么时候发的", False),
        ("吉林这个方案是根据哪个国家文件定的", False),
    ],
)
def test_two_clauses_each_opening_with_a_place_compare(q: str, compared: bool) -> None:
    assert bool(regions_compared(q, places_named(q), None)) is compared


def test_the_contrast_gives_each_sides_date(kb, now) -> None:
    turn = turn_for(kb, now, "国家要各省11月30日前交总结，吉林市里要啥时候交", region="national")
    assert turn.kind == "comparison"
    assert "11月30日" in _side(turn.text, "【全国")
    assert "10月底" in _side(turn.text, "【吉林省】")
