"""Breaker brk8 on the seventh session's relative-time and cited-text answers, each a kind with
phrasings of our own:

- R1: a time named by a festival or the lunar calendar before which (年前, 春节前, 元旦前, 国庆前, 清明
  前, 正月十五前, 腊月里) is a window counted from today like 下个月底; it got the flat "no answer" or
  a 2020 step searched by its words;
- R2: "lately" alone qualifying something else (最近有什么新政策, 最近怎么样) is no window of deadlines;
- R3: a later part of a multi-part question was read with the first part's time in front of it, so
  离截止还有几天？床位要多少张 said the window twice;
- C1: a short name of a cited text (基本标准) after another institution or grade (二级综合医院基本标准)
  names another text: it got 518号's standing;
- R4: asked before a region is chosen, the window asks for the region (it got the flat decline);
- strict xfails for what lies outside these modules (C2 in-force phrasings, C3 a name variant, C4 a
  standard held as an annex, R5 能报吗 in a window).
"""

from __future__ import annotations

import datetime as dt

import pytest
from lunardate import LunarDate

from core.clock import SHANGHAI
from dialogs import render
from tests.dialogs.qa.conftest import ask, text_of, turn_for

TODAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)
REGIONS = ("national", "jilin", "chongqing-yuzhong", "beijing")
EVE_2027 = LunarDate(2027, 1, 1).to_solar_date() - dt.timedelta(days=1)
WINDOW = "为止，收录的"


def _until(day: dt.date) -> str:
    return "到" + render.date(day)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(
    ("question", "until"),
    [
        ("年前要做什么", EVE_2027),
        ("春节前要干啥", EVE_2027),
        ("过年前有啥事", EVE_2027),
        ("腊月里要忙什么", EVE_2027),
        ("元旦前要做啥", dt.date(2026, 12, 31)),
        ("国庆节前要做什么", dt.date(2027, 9, 30)),
        ("清明前要干什么", dt.date(2027, 4, 4)),
        ("正月十五前要做什么", LunarDate(2027, 1, 15).to_solar_date()),
        ("中秋之前要忙什么", LunarDate(2027, 8, 15).to_solar_date() - dt.timedelta(days=1)),
    ],
)
def test_a_festival_or_lunar_day_is_a_window_from_today(kb, region: str, question: str, until: dt.date) -> None:
    turn = turn_for(kb, TODAY, question, region=region)
    assert turn.answered and _until(until) in turn.text and WINDOW in turn.text, turn.text


@pytest.mark.parametrize("question", ["春节前要交什么", "国庆前要交哪些材料", "腊月底前要交什么"])
@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong"])
def test_a_festival_window_beside_a_materials_question(kb, question: str, region: str) -> None:
    """The window, then the materials (附件4 in both regions), as 下个月底前要交什么 already was."""
    turn = turn_for(kb, TODAY, question, region=region)
    assert WINDOW in turn.text and "附件4" in turn.text, turn.text


@pytest.mark.parametrize(
    ("question", "today", "region", "deadline"),
    [
        ("清明前要做什么", dt.datetime(2021, 3, 1, 10, tzinfo=SHANGHAI), "chongqing-yuzhong", "2021年3月31日"),
        ("国庆前要干啥", dt.datetime(2021, 9, 1, 10, tzinfo=SHANGHAI), "chongqing-yuzhong", "2021年9月30日"),
        ("中秋前要做什么", dt.datetime(2022, 8, 20, 10, tzinfo=SHANGHAI), "beijing", "2022年8月31日"),
    ],
)
def test_a_festival_window_lists_the_deadlines_in_it(kb, question, today, region, deadline) -> None:
    assert deadline in turn_for(kb, today, question, region=region).text


@pytest.mark.parametrize(
    "question", ["国庆后要交什么", "两年前出过医疗事故还能报吗", "三年前评过推荐标准现在还要评吗", "年底前要建成多少家"]
)
def test_after_a_festival_or_years_ago_is_no_window(kb, question: str) -> None:
    assert WINDOW not in turn_for(kb, TODAY, question, region="jilin").text


def test_a_holiday_a_date_moves_past_is_still_that(kb) -> None:
    """N10 stays: 赶上国庆 (no 前) asks where the monthly report moves, not a window."""
    text = text_of(ask(kb, TODAY, "进展情况每个月几号报？赶上国庆咋办", region="beijing"))
    assert WINDOW not in text and "顺延" in text


@pytest.mark.parametrize("region", ["jilin", "beijing", "chongqing-yuzhong"])
@pytest.mark.parametrize(
    "question", ["最近有什么新政策", "最近怎么样", "这段时间有没有新文件出来", "最近床位要求变了吗"]
)
def test_lately_qualifying_something_else_is_no_window(kb, region: str, question: str) -> None:
    assert WINDOW not in turn_for(kb, TODAY, question, region=region).text


@pytest.mark.parametrize("question", ["最近要忙什么", "最近要交什么", "这段时间要做啥", "最近要准备什么材料"])
def test_lately_with_a_to_do_keeps_its_window(kb, question: str) -> None:
    assert WINDOW in turn_for(kb, TODAY, question, region="jilin").text


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("离截止还有几天？床位要多少张", "jilin"),
        ("下个月底前要做啥？业务用房面积要多少", "beijing"),
        ("最近要忙什么？床位使用率要多少", "jilin"),
        ("还剩几天截止？要几个全科医生", "chongqing-yuzhong"),
    ],
)
def test_a_later_part_does_not_repeat_the_first_parts_window(kb, question: str, region: str) -> None:
    turn = turn_for(kb, TODAY, question, region=region)
    assert turn.kind == "multipart" and len(turn.sections) == 2, turn.text
    first, second = (s.text for s in turn.sections)
    assert ("为止" in first or "还剩几天" in first) and "为止，收录的" not in second and "还剩几天”可算" not in second


def test_a_later_part_with_its_own_time_keeps_it(kb) -> None:
    turn = turn_for(kb, TODAY, "这个月要做什么？下个月呢", region="jilin")
    assert _until(dt.date(2027, 1, 31)) in turn.sections[1].text


@pytest.mark.parametrize(
    "question",
    [
        "二级综合医院基本标准还有效吗",
        "乡镇卫生院基本标准现在还适用吗",
        "社区卫生服务中心基本标准还有效吗",
        "护理院基本标准还在用吗",
        "三级医院基本标准还有效吗",
    ],
)
def test_another_institutions_standard_is_not_518s(kb, question: str) -> None:
    assert "518号" not in text_of(ask(kb, TODAY, question, region="jilin"))


@pytest.mark.parametrize("question", ["518号基本标准还有效吗", "基本标准还有效吗", "那个基本标准（试行）现在还管用吗"])
def test_the_short_name_alone_is_still_518(kb, question: str) -> None:
    assert "518号" in text_of(ask(kb, TODAY, question, region="jilin"))


@pytest.mark.xfail(strict=True, reason="brk8-C2: 还用吗, 现在用哪个 are no in-force phrasings (intent)")
@pytest.mark.parametrize("question", ["518号文现在还用吗", "基本标准现在用哪个", "三年行动方案现在用哪个版本"])
def test_other_in_force_phrasings_get_the_standing(kb, question: str) -> None:
    text = text_of(ask(kb, TODAY, question, region="jilin"))
    assert "本助手没有它的原文" in text


@pytest.mark.xfail(strict=True, reason="brk8-C3: 三年行动计划 (计划 for 方案) is no name of the report note")
def test_a_name_variant_of_a_cited_text(kb) -> None:
    assert "本助手没有它的原文" in text_of(ask(kb, TODAY, "三年行动计划还有效吗", region="jilin"))


@pytest.mark.xfail(strict=True, reason="brk8-C4: a standard held as an annex is answered by its content, not standing")
def test_a_standard_held_as_an_annex_gets_its_standing(kb) -> None:
    text = text_of(ask(kb, TODAY, "重庆市社区医院评价推荐标准还有效吗", region="chongqing-yuzhong"))
    assert "2020年版" in text and ("有效" in text or "现行" in text) and "共11项" not in text


@pytest.mark.parametrize("question", ["下个月底之前要做啥", "离截止还有几天", "年前要做什么", "最近要交什么"])
def test_a_window_without_a_region_asks_for_it(kb, question: str) -> None:
    """R4: it got the flat "no answer"."""
    assert "/region" in text_of(ask(kb, TODAY, question, region=None))


@pytest.mark.xfail(strict=True, reason="brk8-R5: 这周能报吗 gets the window and 'not sure', not whether one can apply")
def test_can_we_apply_this_week_is_still_open(kb) -> None:
    turn = turn_for(kb, TODAY, "这周能报吗", region="jilin")
    assert turn.answered and "不太确定" not in turn.text
