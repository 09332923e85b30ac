"""Method questions, kinds found on the spent sealed sets (issue 12 item 7, brief qameth), with
wordings of our own: 怎么认定 / 算不算 / 公式 / 分子分母 ask how a figure is counted, like 怎么算;
编制床位 names a bed count, not the 编制 office's matter; the reply says first when the texts give no
method, then the rule they do give, with its source."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from knowledge.search.intent import method_asked, referrals
from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    "q",
    ["业务用房面积怎么认定", "观察床算不算开放床位", "中医处方占比有公式吗", "满意度的分子分母是什么", "床位如何界定"],
)
def test_how_a_figure_is_counted_is_a_method_question(q: str) -> None:
    assert method_asked(q) == "method"


def test_a_bed_count_term_is_not_another_offices_matter() -> None:
    assert referrals("编制床位算不算开放床位") == ()
    assert referrals("编制怎么核定") == ("staffing",)


def test_how_open_beds_are_recognised_is_answered_with_the_rule_and_no_method(kb, now) -> None:
    turn = turn_for(kb, now, "开放床位怎么认定？编制床位算吗", region="jilin")
    assert turn.answered, turn.text[:120]
    assert "30张" in turn.text and "吉卫基层发〔2020〕5号" in turn.text
    assert "没有" in turn.text.split("。", 1)[0]
