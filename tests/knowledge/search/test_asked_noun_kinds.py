"""Newcomer trial 4 (F5, F40): a question naming what it counts by its noun ("要多少床位", "床位得多少")
asked for no particular count, and a question about a hospital grade ("是不是一级医院") named no head:
the share-of-centres news report (它 says 30 %) and 渝中's "成熟一个加挂一个" (matched on 一个) were
the confident answers. An entry that says the texts give no figure in other words ("没有直接写床位数")
gives what is asked: it answers the question."""

from __future__ import annotations

import pytest

from knowledge.search.intent import attributes_asked, heads_asked
from knowledge.search.signals import NOT_GIVEN_MARK, provided


@pytest.mark.parametrize(
    "question",
    [
        "要多少床位",
        "床位要多少",
        "社区卫生服务中心要多少床位",
        "床位得多少才行",
        "需要几个床位",
        "我们有多少床位才够",
        "床位需要多少",
        "床位数多少合适",
    ],
)
def test_a_count_asked_by_its_noun_is_a_count_of_beds(question) -> None:
    assert "count:beds" in attributes_asked(question)


@pytest.mark.parametrize("question", ["床位使用率要多少", "床位使用率得多少", "每张床位面积多少平方米"])
def test_other_figures_about_beds_are_not_taken_for_a_bed_count(question) -> None:
    asked = attributes_asked(question)
    assert asked and "count:beds" not in asked, asked


@pytest.mark.parametrize(
    "text",
    ["北京方案没有直接写床位数，要求合理设置床位。", "文件没有写具体的面积。", "方案未规定床位数。"],
)
def test_no_figure_said_in_other_words_is_a_not_given_answer(text) -> None:
    assert NOT_GIVEN_MARK in provided(text)


@pytest.mark.parametrize(
    "question", ["社区医院是不是一级医院", "社区医院算几级医院", "建成以后是二级医院吗", "社区医院属于哪级医院"]
)
def test_a_hospital_grade_is_a_head(question) -> None:
    assert "hospital-grade" in heads_asked(question)


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("社区卫生服务中心要多少床位", "national"),
        ("上海浦东的社区卫生服务中心申请社区医院要多少床位", None),
        ("社区医院和社区卫生服务中心要多少床位", "national"),
        ("社区医院是不是一级医院", "chongqing-yuzhong"),
        ("社区医院是一级医院吗", "jilin"),
    ],
)
def test_an_entry_on_another_matter_is_never_the_confident_answer(kb, question, region) -> None:
    result = kb.search(question, region)
    if result.decision == "answer":
        best = result.answers[0].entry_id
        assert best not in ("three-year-plan-share-of-centres", "yuzhong-2021-quality-over-quantity"), best


@pytest.mark.parametrize(
    ("text", "gives", "not_gives"),
    [
        (
            "国家文件没有规定社区医院的床位数、面积等数字。床位等数字见各省文件。",
            {"count:beds", "area", "ratio"},
            {"time", "who"},
        ),
        ("文件没有规定申报的截止时间，请向市（州）卫生健康委确认。", {"time"}, set()),
        ("文件没有提供工作总结的模板，也没有规定格式。", {"materials"}, {"time", "money"}),
        ("文件没有写由哪个部门负责。", {"who"}, {"time"}),
    ],
)
def test_a_not_given_answer_leaves_open_only_what_it_names(text, gives, not_gives) -> None:
    """Newcomer trial 4, F3: "国家文件没有规定床位数" gave every attribute, dates too, and so was the
    confident answer to "国家文件要求每年几号前报总结"."""
    found = provided(text)
    assert gives <= found and not (not_gives & found), sorted(found)


@pytest.mark.parametrize(
    "question",
    [
        "国家文件要求每年几号前报总结",
        "国家文件要求几号前报名单",
        "国家文件规定总结啥时候交",
        "国家文件要求哪天前报年度总结",
    ],
)
def test_a_date_asked_of_the_national_text_is_never_the_no_figures_entry(kb, question) -> None:
    result = kb.search(question, "national")
    assert result.answers and result.answers[0].entry_id == "national-2021-report-deadline", [
        a.entry_id for a in result.answers[:3]
    ]
