"""Newcomer trial 7, N7: 北京 and 渝中 require 《社区医院基本标准（试行）》, whose figures are known only as
reported (≥30 beds, ≥75 %). A figure question there whose official answer gives no number gets the
reported figure under it, with the criterion requiring the standard and the report's provenance; a
comparison counts it as reported rather than "只有吉林省写了"."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import ask, text_of

REPORT = "新闻报道"


@pytest.mark.parametrize("region", ["beijing", "chongqing-yuzhong"])
@pytest.mark.parametrize("question", ["床位最少几张", "床位要多少张", "那这边床位最少几张"])
def test_bed_minimum_where_the_standard_is_required(kb, now, region, question) -> None:
    reply = text_of(ask(kb, now, question, region))
    assert "30张" in reply and REPORT in reply and "基本标准" in reply, reply


def test_occupancy_question_gets_the_occupancy_report(kb, now) -> None:
    reply = text_of(ask(kb, now, "渝中床位使用率要多少", "chongqing-yuzhong"))
    assert "75%" in reply and REPORT in reply, reply


@pytest.mark.parametrize("region", ["jilin", "national"])
def test_regions_with_their_own_figure_or_the_report_itself_are_unchanged(kb, now, region) -> None:
    reply = text_of(ask(kb, now, "床位最少几张", region))
    assert "要求资源配置达到" not in reply, reply


def test_no_report_where_none_exists(kb, now) -> None:
    reply = text_of(ask(kb, now, "业务用房面积要多少", "chongqing-yuzhong"))
    assert "新闻报道转述的是" not in reply, reply


@pytest.mark.parametrize(
    "question", ["吉林和渝中对床位的要求比一比", "北京和吉林床位要求一样吗", "渝中和吉林床位数有什么区别"]
)
def test_comparison_counts_the_reported_figure_as_reported(kb, now, question) -> None:
    reply = text_of(ask(kb, now, question, None))
    assert "只有吉林省写了" not in reply, reply
    assert "来自新闻报道转述" in reply, reply


@pytest.mark.parametrize("region", ["beijing", "jilin", "national", "chongqing-yuzhong"])
@pytest.mark.parametrize("question", ["医护比有要求吗", "床护比多少", "护士要配多少"])
def test_a_ratio_no_text_gives_is_said_plainly(kb, now, region, question) -> None:
    """N8: "助手没有…的规定" read as odd; the texts and the reports have none, said so."""
    text = text_of(ask(kb, now, question, region))
    assert "收录的文件里没有床护比" in text and "助手没有床护比" not in text, text
