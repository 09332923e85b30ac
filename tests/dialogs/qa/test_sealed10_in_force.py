"""Sealed set 10's in-force misses, by kind: a text's period asked in other words (管到啥时候, 还能照着办吗,
是不是最新的) is answered with the text's period and standing, never one of its deadlines; a cited text's
year beside its standing (哪年出的); a named date asked whether it is every year's (每年都这样吗) says which of
its mentions are one year's and which every year's; a figure asked of a year the texts do not cover is said
to be missing before another year's figure."""

from __future__ import annotations

import pytest

from dialogs.qa import year_asked, yearly
from dialogs.qa.turn import Turn
from dialogs.texts import qa_docs as D
from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    "question",
    [
        "吉林2024-2025那个方案管到啥时候",
        "吉林17号文执行到什么时候",
        "吉林2024年的方案有效期到啥时候",
        "17号文啥时候到期",
    ],
)
def test_the_2024_plans_period_asked_is_its_period(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.kind == "in_force" and turn.answered
    assert "2025年12月31日" in turn.text and "适用期" in turn.text
    assert "6月30日前报送" not in turn.text  # a deadline of the plan is not its period


@pytest.mark.parametrize(
    "question",
    ["北京这个方案是2022年的，现在还能照着办吗？", "北京那个方案还能照着做吗", "北京的方案是2022年出的，还能沿用吗"],
)
def test_beijings_plan_named_by_pointing_words_gets_its_period(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "beijing")
    assert turn.kind == "in_force" and turn.answered
    assert "2022年12月31日" in turn.text and "已过了适用期" in turn.text
    assert "区卫生健康委" in turn.text


@pytest.mark.parametrize(
    "question", ["国家层面317号文是不是最新的社区医院文件了", "317号是最新的吗", "国家的317号文件有没有更新的"]
)
def test_is_317_the_newest_names_the_later_reported_plan(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "national")
    assert turn.kind == "in_force" and turn.answered
    assert "三年行动方案" in turn.text and "2023—2025" in turn.text and "新闻报道" in turn.text


@pytest.mark.parametrize(
    "question", ["社区医院基本标准（试行）现在还作数吗？哪年出的", "518号那个基本标准还算数吗", "基本标准还有效吗"]
)
def test_a_cited_texts_standing_says_its_year(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, None)
    assert "2019年印发" in turn.text and "518号" in turn.text


@pytest.mark.parametrize(
    "question",
    ["吉林8月31日前报申请，是每年都这样吗", "吉林申请8月31日截止是固定的吗", "吉林的8月31日只是2020年吗"],
)
def test_a_date_both_one_years_and_every_years_says_both(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.answered
    assert turn.text.startswith(D.YEARLY_MIXED.format(date="8月31日", years="2020年"))
    assert "每年6月30日" in turn.text and "完成基本建设任务" in turn.text


@pytest.mark.parametrize(
    ("question", "region", "lead"),
    [
        ("吉林6月30日前报省，是不是每年都是这个时间", "jilin", D.YEARLY_EVERY.format(date="6月30日")),
        ("吉林10月31日评估是每年都这样吗", "jilin", D.YEARLY_EVERY.format(date="10月31日")),
        (
            "渝中11月10日交信息表是每年都这样吗",
            "chongqing-yuzhong",
            D.YEARLY_ONE_OFF.format(date="11月10日", years="2021年"),
        ),
    ],
)
def test_a_date_of_one_kind_says_which(kb, now, question: str, region: str, lead: str) -> None:
    assert turn_for(kb, now, question, region).text.startswith(lead)


def test_date_kinds_reads_the_nearest_mark() -> None:
    said = "于每年6月30日（2020年度于8月31日）前报送；每年8月31日前完成建设；2021年11月10日前报送。"
    assert yearly.date_kinds(said, (8, 31)) == [2020, None]
    assert yearly.date_kinds(said, (6, 30)) == [None]
    assert yearly.date_kinds(said, (11, 10)) == [2021]
    assert yearly.date_kinds("9月30日前上报", (9, 30)) == []


@pytest.mark.parametrize(
    ("question", "region", "year"),
    [
        ("北京2023年要新建多少家社区医院", "beijing", 2023),
        ("北京2024年社区医院目标是多少", "beijing", 2024),
        ("吉林2026年要建成多少家社区医院", "jilin", 2026),
    ],
)
def test_a_year_the_texts_do_not_cover_is_said_missing(kb, now, question: str, region: str, year: int) -> None:
    turn = turn_for(kb, now, question, region)
    assert f"收录的文件没有给出{year}年的数字" in turn.text


@pytest.mark.parametrize(
    ("question", "region"),
    [("渝中2022年要建几家社区医院", "chongqing-yuzhong"), ("北京2022年要新建多少家", "beijing")],
)
def test_a_year_the_texts_cover_has_no_such_lead(kb, now, question: str, region: str) -> None:
    assert "收录的文件没有给出" not in turn_for(kb, now, question, region).text


def test_covers_reads_spans_and_starts() -> None:
    assert year_asked.covers("2023-2025年建2家", 2024)
    assert year_asked.covers("2022年及以后常态化受理", 2026)
    assert year_asked.covers("2022年新建10家", 2022)
    assert not year_asked.covers("2022年新建10家", 2023)
    assert not year_asked.covers("到2025年累计建成100家", 2026)


def test_a_year_of_a_text_named_is_not_the_year_asked() -> None:
    from core.model import Reply

    turn = Turn("search", "answer", (Reply("2022年新建10家。"),))
    assert year_asked.annotate("2024年的方案说要新建多少家", turn) is turn
    assert year_asked.annotate("2024年新建多少家", turn) is not turn


@pytest.mark.parametrize(
    ("question", "region", "dates"),
    [
        ("吉林和北京年度材料报送截止时间有什么区别", "jilin", ("10月底", "9月30日")),
        ("北京和吉林年终材料报送时间一样吗", "beijing", ("10月底", "9月30日")),
        ("国家和渝中对年底报材料的截止日期一样吗", "chongqing-yuzhong", ("11月30日", "11月10日")),
    ],
)
def test_the_years_materials_compared_are_the_annual_reports(kb, now, question: str, region: str, dates) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.kind == "comparison"
    assert all(d in turn.text for d in dates)
    assert "6月30日" not in turn.text  # the application's deadline is another matter
