"""Places named in a question: covered regions, places not covered, and the traps of bare names."""

from __future__ import annotations

import pytest
import yaml

from knowledge.places import PLACES, find_place, full_name, place_by_name, places_named
from knowledge.regions import DATA, region_ids


@pytest.mark.parametrize(
    ("text", "covered", "uncovered"),
    [
        ("吉林和北京对公共卫生人员占编制比例的要求一样吗", ("jilin", "beijing"), ()),
        ("北京跟吉林比呢", ("beijing", "jilin"), ()),  # order as named
        ("上海社区医院申报截止日期是哪天", (), ("上海市",)),
        ("我在河北", (), ("河北省",)),
        ("廣東省能申請嗎", (), ("广东省",)),  # traditional characters
        ("重庆江北区能申报吗", (), ("江北区",)),  # the district, not Chongqing as a whole
        ("重庆江北", (), ("江北区",)),  # 江北 alone is no place, right after 重庆 it is
        ("重庆渝中区床位要求", ("chongqing-yuzhong",), ()),
        ("渝中的截止时间", ("chongqing-yuzhong",), ()),
        ("我们是长春市的", ("jilin",), ()),
        ("延边的卫生院", ("jilin",), ()),
        ("北京朝阳区", ("beijing",), ()),
        ("吉林省长春市朝阳区", ("jilin",), ()),  # Changchun's 朝阳区, not Beijing's
        ("辽宁朝阳", (), ("朝阳市",)),
        ("石家庄和吉林", ("jilin",), ("石家庄市",)),
        ("大兴安岭", (), ("大兴安岭",)),  # not Beijing's 大兴
        ("上海南站附近", (), ("上海市",)),  # not 海南
    ],
)
def test_places_named(text: str, covered: tuple[str, ...], uncovered: tuple[str, ...]) -> None:
    named = places_named(text)
    assert named.covered == covered
    assert tuple(p.name for p in named.uncovered) == uncovered


@pytest.mark.parametrize(
    "text",
    [
        "在平台中填报",  # 台中
        "乡镇卫生院中卫生技术人员",  # 中卫
        "长寿老人多",  # 长寿
        "材料开封了吗",  # 开封
        "平安安康",  # 安康
        "社区医院床位使用率",
        "江北",
    ],
)
def test_ordinary_words_are_no_places(text: str) -> None:
    assert places_named(text).places == ()


def test_chongqing_alone_is_only_partly_covered() -> None:
    named = places_named("重庆社区医院要多少床位")
    assert named.covered == ()
    assert named.regions == ("chongqing-yuzhong",)  # what can be searched: 渝中's texts
    assert [p.name for p in named.partial] == ["重庆市"]


def test_national_words_are_flagged_not_places() -> None:
    named = places_named("國家衛健委有没有要求")
    assert named.national and named.places == ()


def test_find_place_and_place_by_name() -> None:
    place = find_place("重庆江北")
    assert place is not None and place.name == "江北区" and place.province == "重庆市" and not place.covered
    beijing = place_by_name("北京")
    assert beijing is not None and beijing.covered and beijing.region == "beijing"
    assert place_by_name("渝北") == place_by_name("渝北区")
    assert place_by_name("火星") is None
    assert find_place("不知道") is None


def test_data_names_every_province_once_and_only_known_regions() -> None:
    raw = [p for p in yaml.safe_load((DATA / PLACES).read_text(encoding="utf-8")) if "shared" not in p]
    assert len(raw) == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs
    assert len({p["name"] for p in raw}) == 34
    known = set(region_ids())
    assert {p["region"] for p in raw if p.get("region")} <= known
    for p in raw:
        assert set(p.get("full_only") or ()) <= set(p.get("places") or ()), p["name"]
        assert set(p.get("covered") or ()) <= set(p.get("places") or ()), p["name"]


def test_shared_district_names_are_in_no_covered_region() -> None:
    """A district name several cities share (和平区: 天津, 沈阳) is listed as shared only when none of
    those cities is covered: alone it is said to be not covered, in no province."""
    raw = yaml.safe_load((DATA / PLACES).read_text(encoding="utf-8"))
    shared = {n for p in raw if "shared" in p for n in p["shared"]}
    covered = {n for p in raw if p.get("region") for n in p.get("places") or ()}
    assert shared and not shared & covered


@pytest.mark.parametrize(
    "text", ["和平区", "我们在和平区", "鼓楼区的社区卫生服务中心", "河东区 床位要多少", "西湖区卫生院"]
)
def test_a_district_name_of_several_cities_is_a_place_not_covered(text: str) -> None:
    named = places_named(text)
    assert named.regions == () and len(named.uncovered) == 1
    assert named.uncovered[0].province == "" and full_name(named.uncovered[0]) == named.uncovered[0].name


@pytest.mark.parametrize(
    ("text", "province", "region"),
    [("沈阳和平区", "辽宁省", None), ("天津市和平区", "天津市", None), ("长春南关区", "吉林省", "jilin")],
)
def test_a_district_after_its_city_is_that_citys_and_named_once(text: str, province: str, region: str | None) -> None:
    named = places_named(text)
    assert [(p.province, p.region) for p in named.places] == [(province, region)]


@pytest.mark.parametrize("text", ["丰满", "河西走廊", "新城区和老城区的区别", "城北区域的卫生院", "和平"])
def test_ordinary_words_holding_a_district_name_are_no_place(text: str) -> None:
    assert places_named(text).places == ()
