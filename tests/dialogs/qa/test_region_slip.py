"""Several slips in one short question, one of them in the region's name (sealed set 9, s9b054:
北就社区医院命明和执业许可证加住啥时候完成 was declined though Beijing's plan 二（二） answers it): a covered
region's short name with its second character slipped to one of the same pinyin initial is read as
that region — never a word of the general dictionary (北极, 吉利, 渝州) or a pair not opening a phrase."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from dialogs.qa.region_slip import respelled
from tests.dialogs.qa.conftest import turn_for

TODAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("question", "entry", "fact"),
    [
        ("北就社区医院命明和执业许可证加住啥时候完成", "beijing-2022-second-name", "2022年底前"),
        ("北井社区医院命名和执业许可证加注啥时候完成", "beijing-2022-second-name", "2022年底前"),
        ("北经社区医院执业许可证加住啥时候完成", "beijing-2022-second-name", "2022年底前"),
        ("吉淋社区医院床位要多少张", "jilin-2020-open-beds", "30张"),
        ("渝忠社区医院验收谁来验", "yuzhong-2021-who-evaluates", ""),
    ],
)
def test_a_slipped_region_name_is_that_region(kb, question: str, entry: str, fact: str) -> None:
    turn = turn_for(kb, TODAY, question, region=None)
    assert turn.answered and entry in [a.entry_id for a in turn.shown]
    assert fact in turn.text


@pytest.mark.parametrize(
    "question",
    [
        "北极社区医院怎么申报",
        "吉利社区医院床位要多少",
        "渝州社区医院几号截止",
        "我在北就",
        "北京社区医院几号截止",
        "床位要多少",
    ],
)
def test_words_and_names_are_left_alone(kb, question: str) -> None:
    assert respelled(question, kb) == question
