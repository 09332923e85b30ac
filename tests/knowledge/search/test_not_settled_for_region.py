"""A matter the texts do not settle (奖补资金多少, 给不给编制, 每床面积), asked of a covered region: the
not-covered entry answers — plainly not in the texts, what that region's own text does say, whom to ask —
never a decline that says nothing, nor another region's figure (sealed set 10, s10a102 / s10b101;
devblind3, d3073 / d3074). And the yearly report asked as 年度材料 / 年底报材料 takes each region's
report-deadline entry, not its application deadline (sealed set 10, s10a074 / s10b075)."""

from __future__ import annotations

import pytest

from knowledge.search.intent import referrals

# money the facility is given, asked by the level that gives it (省里, 市里, 区里) — several phrasings
# A confidence boost for such a national entry citing the asked region's own text (comp11's speaks_for)
# answered these, but it also answered 下周股市会涨吗 (北京) with a not-covered entry: removed by the lead at
# the merge; the phrasings it carried are strict xfails until a safer signal answers them.
NOT_BOOSTED = pytest.mark.xfail(strict=True, reason="answered only with the reverted confidence boost")
FUNDING = [
    pytest.param("jilin", "吉林社区医院建成了省里奖补多少钱", marks=NOT_BOOSTED),
    ("jilin", "建成社区医院后省里给多少奖补资金"),
    ("beijing", "北京建成社区医院市里奖励多少钱"),
    ("beijing", "社区医院建成了市里给多少钱补助"),
    pytest.param("chongqing-yuzhong", "渝中建成社区医院以后区里给多少钱奖励", marks=NOT_BOOSTED),
    ("chongqing-yuzhong", "建成社区医院区里有多少补贴资金"),
]
SUGGESTED_ONLY = pytest.mark.xfail(strict=True, reason="suggested only")
STAFFING = [
    pytest.param("jilin", "吉林建成社区医院给不给编制", marks=NOT_BOOSTED),
    pytest.param("jilin", "挂牌社区医院能多给编制吗", marks=NOT_BOOSTED),
    pytest.param("chongqing-yuzhong", "渝中建成社区医院给不给编制", marks=NOT_BOOSTED),
    # still only suggested (the entry is the first suggestion): 以后 / 挂了…牌子 pull the nature-unchanged entries
    pytest.param("jilin", "吉林建成社区医院以后给不给编制", marks=SUGGESTED_ONLY),
    pytest.param("chongqing-yuzhong", "渝中挂了社区医院牌子区里给加编制吗", marks=SUGGESTED_ONLY),
]


@pytest.mark.parametrize(
    "question", ["建成社区医院奖励多少钱", "区里给多少钱补助", "专项资金有几块钱", "省里奖补多少钱"]
)
def test_an_amount_of_money_given_is_no_price_matter(question: str) -> None:
    assert "price" not in referrals(question)


@pytest.mark.parametrize("question", ["床位费多少钱", "挂号费收多少钱", "补助的项目收费多少钱", "看病多少钱"])
def test_a_price_is_still_another_offices_matter(question: str) -> None:
    assert "price" in referrals(question)


@pytest.mark.parametrize(("region", "question"), FUNDING)
def test_funding_asked_of_a_covered_region_gets_the_not_settled_answer(kb, region: str, question: str) -> None:
    result = kb.search(question, region)
    assert result.answered, (question, result.decision, result.confidence)
    assert result.answers[0].entry_id in ("not-covered-construction-funding", "not-covered-funding-after-name")
    assert any(s.region == region for s in result.answers[0].sources)  # what the region's own text says


@pytest.mark.parametrize(("region", "question"), STAFFING)
def test_staffing_asked_of_a_covered_region_gets_the_not_settled_answer(kb, region: str, question: str) -> None:
    result = kb.search(question, region)
    assert result.answered, (question, result.decision, result.confidence)
    assert result.answers[0].entry_id == "not-covered-staffing-quota"
    assert any(s.region == region for s in result.answers[0].sources)


@pytest.mark.parametrize("question", ["吉林社区医院每张床要多少平方米", "每张床位要多大面积", "床均建筑面积吉林是多少"])
def test_per_bed_area_in_jilin_says_the_total_its_text_does_set(kb, question: str) -> None:
    result = kb.search(question, "jilin")
    assert result.answered
    answer = result.answers[0]
    assert answer.entry_id in ("not-covered-floor-area-per-bed", "jilin-2020-floor-area")
    assert "3000" in answer.answer and "每床" in answer.answer  # the total set, no per-bed figure
