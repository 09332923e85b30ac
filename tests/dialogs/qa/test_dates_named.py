"""F9: a date the director names that the region's texts do not set is said to be not that region's
date (and whose it is), then the region's own dates, before the answer; a date of the region's own
adds nothing."""

from __future__ import annotations

import pytest

from dialogs import render
from dialogs.qa.dates_named import dates_named
from dialogs.texts import qa_dates as D
from tests.dialogs.qa.conftest import turn_for


def test_dates_are_read_in_digits_and_chinese_numerals() -> None:
    assert dates_named("6月30日前要交什么") == [(6, 30)]
    assert dates_named("六月三十号之前和11月10日") == [(6, 30), (11, 10)]
    assert dates_named("13月40日") == []


@pytest.mark.parametrize(
    ("region", "question", "date", "whose"),
    [
        ("beijing", "6月30日前要交什么", "6月30日", "吉林省"),
        ("beijing", "11月10日前要交什么", "11月10日", "重庆市渝中区"),
        ("chongqing-yuzhong", "6月30日前要交什么", "6月30日", "吉林省"),
        ("jilin", "11月10日前要交什么", "11月10日", "重庆市渝中区"),
        ("national", "6月30日前要交什么", "6月30日", "吉林省"),
    ],
)
def test_another_regions_date_is_said_to_be_that(kb, now, region, question, date, whose) -> None:
    text = turn_for(kb, now, question, region=region).text
    name = render.region_name(kb, region)
    elsewhere = D.DATE_ELSEWHERE.format(date=date, regions=whose)
    assert D.DATE_NOT_OURS.format(region=name, date=date, elsewhere=elsewhere) in text
    assert D.DATE_OWN_LIST.split("{")[1].split("}")[1][:6] in text, "the region's own dates follow"


@pytest.mark.parametrize(
    ("region", "question"),
    [("jilin", "6月30日前要交什么"), ("chongqing-yuzhong", "11月10日前要交什么"), ("national", "11月30日前要报什么")],
)
def test_the_regions_own_date_adds_nothing(kb, now, region, question) -> None:
    assert "ℹ️" not in turn_for(kb, now, question, region=region).text


def test_a_date_nobody_sets_is_said_without_another_region(kb, now) -> None:
    text = turn_for(kb, now, "5月20日前要交材料吗", region="jilin").text
    assert D.DATE_NOT_OURS.format(region="吉林省", date="5月20日", elsewhere="") in text
