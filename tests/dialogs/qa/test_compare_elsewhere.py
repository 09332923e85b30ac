"""A figure a side's answer attributes to another region is not that side's (breaker2 K-COMPARE): the national
answer on 业务用房面积 has no national figure and only cites Jilin's ≥3000平方米, so the 【比较】 summary must not
say both sides have 3000平方米."""

from __future__ import annotations

import pytest

from dialogs.qa.compare import key_facts
from dialogs.texts import qa_compare as TC
from tests.dialogs.qa.conftest import turn_for

SAME = TC.COMPARE_ALL_SAME.split("{")[0]


def test_a_sentence_naming_another_region_gives_no_fact() -> None:
    text = "国家没有面积数字。地方文件中，吉林省方案把业务用房建筑面积≥3000平方米列为遴选条件。床位不少于30张。"
    assert key_facts(text) == ["3000平方米", "30张"]
    assert key_facts(text, elsewhere=("吉林", "吉林省")) == ["30张"]
    own = "吉林省方案要求床位不少于30张，使用率≥75%。"
    assert key_facts(own, elsewhere=("北京", "渝中", "重庆")) == ["30张", "75%"]


@pytest.mark.parametrize(
    "text",
    [
        "全国和吉林的业务用房面积要求一样吗",
        "吉林和全国的业务用房面积要求一样吗",
        "全国和吉林的面积有区别吗",
        "北京和吉林的业务用房面积要求一样吗",
        "渝中和吉林的业务用房面积要求一样吗",
    ],
)
def test_a_figure_cited_from_another_region_is_only_that_regions(kb, now, text) -> None:
    turn = turn_for(kb, now, text, region=None)
    summary = turn.text.split("【比较】", 1)[1]
    assert SAME not in summary
    assert TC.COMPARE_ONLY.format(name="吉林省", facts="3000平方米") in summary


def test_figures_both_sides_give_as_their_own_are_still_the_same(kb, now) -> None:
    turn = turn_for(kb, now, "北京和吉林的床位使用率要求一样吗", region=None)
    assert "75%" in turn.text.split("【比较】", 1)[1]
