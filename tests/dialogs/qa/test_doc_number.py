"""Newcomer trial 3, F21: a bare 文号 number ("17号文件") names the document whose number is exactly
that one — the user's region's first — never one whose number ends with it (〔2021〕317号); and
"还有效吗" about a named document answers its period, whether it is in force today, and whom to ask."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from dialogs.qa import doc_number
from dialogs.texts import qa as T
from dialogs.texts import qa_docs as D
from tests.dialogs.qa.conftest import ask, text_of

LATE = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "region", "number"),
    [
        ("17号文件现在还有效吗", "jilin", "吉卫联发〔2024〕17号"),
        ("17号文还执行吗", "national", "吉卫联发〔2024〕17号"),
        ("5号文件还执行吗", "jilin", "吉卫基层发〔2020〕5号"),
        ("317号文件还有效吗", "jilin", "国卫办基层函〔2021〕317号"),
        ("49号文还有效吗", "chongqing-yuzhong", "渝中卫发〔2021〕49号"),
    ],
)
def test_a_bare_number_is_the_whole_number(kb, typed, region, number) -> None:
    text = text_of(ask(kb, LATE, typed, region=region))
    # the standing sentence may come first (newcomer trial 7, N10); then the period of that text
    first = next(line for line in text.splitlines() if not line.startswith(D.DOC_LEAD_STILL[:4]))
    assert first.startswith(number) and "适用期" in first, text
    others = [d.number for d in kb.catalogue.values() if d.number and d.number != number]
    assert not any(first.startswith(o) for o in others)


def test_an_ended_document_is_said_to_be_past_and_whom_to_ask(kb) -> None:
    text = text_of(ask(kb, LATE, "17号文件现在还有效吗", region="jilin"))
    assert T.DOC_PAST.format(today="2026年12月1日") in text
    assert "2025年12月31日" in text and "市（州）卫生健康委" in text
    assert "国卫办基层函〔2021〕317号" not in text.splitlines()[0]


def test_in_force_on_a_day_inside_its_period(kb) -> None:
    text = text_of(ask(kb, dt.datetime(2025, 3, 1, 10, tzinfo=SHANGHAI), "17号文件还有效吗", region="jilin"))
    assert T.DOC_IN_FORCE.format(today="2025年3月1日") in text


def test_only_a_number_another_one_ends_with_is_rewritten(kb) -> None:
    """17 is the tail of 〔2021〕317号: rewritten to the whole 文号 for the search; 317号文 is left as typed."""
    assert "吉卫联发〔2024〕17号" in doc_number.expand("17号文件讲的啥", "jilin", kb)
    assert (
        doc_number.expand("国家317号文说社区医院主要依托什么机构建", "jilin", kb)
        == "国家317号文说社区医院主要依托什么机构建"
    )


@pytest.mark.parametrize("typed", ["6月30号前交什么", "每月1号前报进展", "17号是周几"])
def test_a_day_is_not_a_document(kb, typed) -> None:
    assert doc_number.expand(typed, "jilin", kb) == typed
