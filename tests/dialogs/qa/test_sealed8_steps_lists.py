"""The kinds behind sealed set 8's misses of steps, lists and reported figures
(tests/eval/sealed-2026-12-01d.judged.yaml), each with phrasings of our own over the regions, never
the set's questions alone:

1. a list asked after a part (分别是啥, 具体都有哪些) or that thing's doing (什么时候完成) names nothing of
   its own: it leans on the part before it, never on an entry whose question holds 分别 (s8a010, s8b006);
   a step named by its day (市级10月底前报送哪些东西) is that day's entry, not another step's (s8a025);
2. a step asked by its day (9月30日前又要完成啥, 8月31日这个时间点要做什么) gets every item the region's
   texts set on that day (the calendar's), alone or as a part (s8a081, s8b079);
3. a part's when / who comes from what the part names: the clauses before a list of texts in places
   of their own go with every text (s8a073); the day asked of a paper (申请表几号前报) is the day it
   goes up, not the paper's contents (s8a003); a list's deadline asked by who sends it up (s8b074);
4. reported figures asked get them with provenance: a share asked in words (能占多少, s8a044); a dated
   official target asked about now gets the later plan's reported target (s8a092, s8b090).
"""

from __future__ import annotations

import itertools

import pytest

from dialogs.qa.dates_named import SPAN
from knowledge.search.bare_ask import asks_only
from knowledge.search.intent import attributes_asked
from knowledge.search.question_parts import split_parts
from knowledge.search.signals import attribute_fit, provided, step_unmet
from knowledge.search.step_days import days_stated
from tests.dialogs.qa.conftest import turn_for

# ---------------------------------------------------------------- 1. lists and steps named by their day


@pytest.mark.parametrize(
    ("part", "bare"),
    [
        ("分别是啥", True),
        ("分别是什么", True),
        ("具体都有哪些", True),
        ("都包括什么", True),
        ("什么时候完成", True),
        ("啥时候办", True),
        ("包括哪些材料", False),  # 材料 is a thing of its own
        ("什么时候验收", False),
        ("分别负责什么", False),  # 负责 names what is asked of each
    ],
)
def test_a_part_asking_a_list_or_a_doing_names_nothing_of_its_own(part: str, bare: bool) -> None:
    assert asks_only(part) is bare


@pytest.mark.parametrize(
    ("question", "region", "wanted"),
    [
        ("吉林2020年方案有几个附件？分别是啥", "jilin", "建设机构申请表"),
        ("吉卫基层发〔2020〕5号一共几个附件，具体都有哪些", "jilin", "核心制度要点"),
        ("北京方案有几个附件，分别是什么", "beijing", "推荐标准基层医疗卫生机构名单"),
        ("渝中方案一共几个附件？具体都有哪些", "chongqing-yuzhong", "社区医院信息表"),
    ],
)
def test_a_list_asked_after_a_part_is_that_parts_list(kb, now, question: str, region: str, wanted: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered and wanted in turn.text
    assert "各级的分工" not in turn.text  # the 分工 entry's question holds 分别: never its answer here


@pytest.mark.parametrize(
    "question",
    ["北京执业许可证加注社区医院谁来办？啥时候完成？", "北京社区医院命名谁负责，什么时候完成"],
)
def test_a_doing_asked_after_a_part_is_that_parts_step(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "beijing")
    assert turn.answered and "2022年底前" in turn.text
    assert "9月30日" not in turn.text  # the 区级评审's day, another step


def test_days_stated_read_a_months_end_as_its_last_day() -> None:
    assert days_stated("每年10月底前，9月30日前") == {(10, 31), (9, 30)}
    assert days_stated("十月末") == {(10, 31)}
    assert days_stated("二月底") == {(2, 28)}
    assert days_stated("2022年底前") == frozenset()  # a year's end is no day of a step
    # a day named that the entry states: not another step's, whatever steps the entry names
    assert step_unmet(frozenset({"review"}), frozenset({"summary"}), {(10, 31)}, {(10, 31)}) == 0.0
    assert step_unmet(frozenset({"review"}), frozenset({"summary"}), {(9, 30)}, {(10, 31)}) == 1.0


@pytest.mark.parametrize(
    ("question", "region", "wanted"),
    [
        ("吉林市级卫健部门每年10月底前要向省里报送哪些东西", "jilin", "村卫生室"),
        ("市里每年10月底前要给省里报哪些材料", "jilin", "达到基本标准机构名单"),
        ("各区9月30日前要向市里报送哪些东西", "beijing", "年度报告"),
        ("各省11月30日前要报送哪些东西给国家", "national", "年度工作总结"),
        ("11月10日前要交哪些东西", "chongqing-yuzhong", "信息表"),
    ],
)
def test_a_step_named_by_its_day_is_that_days_entry(kb, now, question: str, region: str, wanted: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered and wanted in turn.text


# ---------------------------------------------------------------- 2. a step asked by its day, whole


def _days(kb, region: str) -> list[tuple[int, int, list[str]]]:
    """(month, day, titles) of every day the region's calendar sets (a rule's yearly day, or each
    date of a dated one, as dialogs/qa/on_date.py selects them); monthly 1st-of-month reports aside."""
    calendar = kb.calendars[region]
    days: dict[tuple[int, int], list[str]] = {}
    for rule in calendar.rules:
        if rule.kind == "yearly":
            found = {(rule.month, rule.day)}
        else:
            found = {(d.month, d.day) for _, d, _ in rule.dates_between(*SPAN)}
        for md in found:
            if md[1] != 1:
                days.setdefault(md, []).append(rule.title)
    return [(m, d, titles) for (m, d), titles in sorted(days.items())]


REGIONS = ("national", "jilin", "chongqing-yuzhong", "beijing")
DAY_PHRASINGS = ("{m}月{d}日前又要完成啥", "{m}月{d}号这个时间点要做什么", "每年{m}月{d}日前还要干啥")


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("phrasing", DAY_PHRASINGS)
def test_a_step_asked_by_its_day_gets_every_item_of_that_day(kb, now, region: str, phrasing: str) -> None:
    for m, d, titles in _days(kb, region):
        turn = turn_for(kb, now, phrasing.format(m=m, d=d), region)
        assert turn.answered, (region, m, d)
        missing = [t for t in titles if t not in turn.text]
        assert not missing, (region, m, d, missing)


@pytest.mark.parametrize("region", REGIONS)
def test_each_part_asking_a_day_gets_that_days_items(kb, now, region: str) -> None:
    days = _days(kb, region)
    for (m1, d1, first), (m2, d2, second) in itertools.pairwise(days):
        turn = turn_for(kb, now, f"{m1}月{d1}日前要干啥？{m2}月{d2}日前又要完成啥？", region)
        assert turn.kind == "multipart" and len(turn.sections) == 2, (region, m1, d1, m2, d2)
        one, two = turn.sections
        assert all(t in one.text for t in first) and all(t in two.text for t in second), (region, m1, d1, m2, d2)


def test_beijings_september_step_names_the_reports_and_both_lists(kb, now) -> None:
    turn = turn_for(kb, now, "北京2022年8月31日前要干啥？9月30日前又要完成啥？", "beijing")
    second = turn.sections[1].text
    for item in ("评审", "复核", "年度报告", "盖章PDF", "推荐标准机构名单", "新建成社区医院名单", "市卫生健康委"):
        assert item in second, item


# ---------------------------------------------------------------- 3. a part's when / who from what it names


def test_the_clauses_before_a_list_of_texts_in_their_places_go_with_every_text() -> None:
    assert split_parts("社区医院的评估，北京方案和国家通知分别是谁负责") == [
        "社区医院的评估，北京方案是谁负责",
        "社区医院的评估，国家通知是谁负责",
    ]
    # things without a place of their own still lean on the first part (its context is kept there)
    assert split_parts("我们在吉林，床位，面积分别要多少") == ["我们在吉林，床位要多少", "面积要多少"]


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("社区医院评估，北京方案和国家通知分别是谁负责", "beijing"),
        ("社区医院的评估，吉林2024年方案和国家2021年通知分别由谁负责", "jilin"),
        ("评估这块，渝中方案和国家317号通知分别是谁来做", "chongqing-yuzhong"),
    ],
)
def test_who_evaluates_under_the_national_notice_is_its_own_part(kb, now, question: str, region: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.kind == "multipart"
    national = turn.sections[-1].text
    assert "省级" in national and "授权地市级" in national


def test_a_day_asked_of_a_paper_is_the_day_asked() -> None:
    assert attributes_asked("申请表每年几号之前要报到省卫健委") == {"time", "day"}
    assert "materials" in attributes_asked("要交什么材料，几号前交")
    assert "materials" in attributes_asked("10月底前要报送哪些东西")
    # an entry giving only a year gives no day, and so no time either
    assert attribute_fit({"time", "day"}, provided("2020年发文时的电话")) == -0.5
    assert attribute_fit({"time", "day"}, provided("每年6月30日前报送")) == 0.5


@pytest.mark.parametrize(
    ("question", "region", "wanted"),
    [
        ("按吉林2020年方案，申请表每年几号前要报到省卫健委", "jilin", "6月30日"),
        ("申请表哪天之前交到省里", "jilin", "6月30日"),
        ("推荐标准机构名单几号前报市卫健委", "beijing", "9月30日"),
        ("《重庆市社区医院信息表》几号前交", "chongqing-yuzhong", "11月10日"),
        ("年度工作总结和名单几号前报国家", "national", "11月30日"),
    ],
)
def test_a_day_asked_of_a_paper_gets_the_day_it_goes_up(kb, now, question: str, region: str, wanted: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered and wanted in turn.text


@pytest.mark.parametrize(
    ("question", "region", "wanted"),
    [
        ("北京各区报名单给上级的截止时间是哪天", "beijing", "9月30日"),
        ("区里什么时候把新建成社区医院名单报到市里", "beijing", "9月30日"),
        ("名单什么时候报给上级", "jilin", "10月底"),
        ("各省报名单给国家的截止日期", "national", "11月30日"),
    ],
)
def test_a_lists_deadline_asked_by_who_sends_it_up(kb, now, question: str, region: str, wanted: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered and wanted in turn.text
    assert "8月31日前，参评基层卫生机构" not in turn.text  # the institutions' 填报, another step


# ---------------------------------------------------------------- 4. reported figures, with provenance


@pytest.mark.parametrize("words", ["占多少", "能占到多少", "占了多少"])
def test_a_share_asked_in_words_asks_a_ratio(words: str) -> None:
    assert "ratio" in attributes_asked(f"行政后勤人员最多{words}")


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("那个基本标准里头，不是卫技的人最多能占多少啊", None),
        ("基本标准里，不是卫技的人最多能占多少", "national"),
        ("行政后勤人员最多能占多少啊", None),
        ("管理后勤的人能占到多少", "national"),
    ],
)
def test_the_reported_non_technical_share_is_answered_with_its_report(kb, now, question: str, region) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered and "15%" in turn.text and "新华社" in turn.text


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("317号说“年底前再建成500家左右”，是指今年的目标吗", "national"),
        ("国家那个再建成500家左右的目标现在还算数吗", "beijing"),
        ("国家今年还是要建500家左右吗", "national"),
        ("国家那个“年底前再建成500家左右社区医院”是哪一年的？现在还是这个目标吗？", "national"),
        ("国家说再建成500家左右社区医院，现在还是这个数吗", "chongqing-yuzhong"),
    ],
)
def test_a_dated_national_target_asked_about_now_gets_the_later_reported_one(kb, now, question, region) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered
    assert "2021" in turn.text and "500家左右" in turn.text  # the notice's own target, dated
    assert "每年新建社区医院不少于500家" in turn.text and "新闻报道" in turn.text  # the later plan's, as reported


def test_the_later_target_is_not_added_when_now_is_not_asked(kb, now) -> None:
    turn = turn_for(kb, now, "317号通知里年底前再建成多少家", "national")
    assert turn.answered and "500家左右" in turn.text
    assert "不少于500家" not in turn.text
