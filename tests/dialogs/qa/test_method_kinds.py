"""Method questions, kinds found on the spent sealed sets (issue 12 item 7, brief qameth), with
wordings of our own: 怎么认定 / 算不算 / 公式 / 分子分母 ask how a figure is counted, like 怎么算;
编制床位 names a bed count, not the 编制 office's matter; the reply says first when the texts give no
method, then the rule they do give, with its source."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from dialogs.texts import qa_docs as D
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


def test_a_not_given_clause_is_not_a_method() -> None:
    from dialogs.qa.method import gives_method, opens_not_given

    threshold = "要求床位使用率不低于75%。方案没有规定按哪一年、怎么计算。"
    assert not gives_method(threshold) and not opens_not_given(threshold)
    assert gives_method("也就是：门诊中医处方数 ÷ 处方总数 ≥ 30%。文件没有说明统计哪一段时间。")
    assert opens_not_given("方案只写了“≥75%”，没有给出计算方法。")


def test_the_method_entry_of_the_term_replaces_its_threshold(kb, now) -> None:
    """The threshold entry ranked first for 怎么算 (its answer says, late, that no method is
    given): the method entry of the same term, whose first sentence says so, answers."""
    from dialogs.qa import method

    q = "床位使用率到底怎么算，分子分母是啥"
    result = kb.search(q, "jilin")
    turn = method.reply(q, result, kb, now.date())
    shown = turn.shown[0] if turn is not None else result.answers[0]
    assert shown.method, shown.entry_id
    assert "没有给出" in shown.answer.split("。", 1)[0]


def test_a_method_missing_only_later_is_said_first(kb, now) -> None:
    turn = turn_for(kb, now, "特色科室日均门诊量的日均，是按工作日算还是按自然日算", region="chongqing-yuzhong")
    # the generic lead, or (sealed set 10) the one naming the two bases asked, neither chosen by the texts
    basis = D.METHOD_BASIS_NOT_GIVEN.format(a="工作日", b="自然日").split("。", 1)[0]
    assert turn.answered
    assert turn.text.startswith((T.METHOD_NOT_GIVEN.split("“", 1)[0], basis))
    assert "≥30人次" in turn.text and "渝中卫发〔2021〕49号" in turn.text


def test_a_ratio_rule_is_worked_out_for_the_base_stated(kb, now) -> None:
    """每万名常住人口2名全科医生, 常住人口9万: at least 18, said first, with the rule's source."""
    turn = turn_for(kb, now, "辖区常住人口9万，全科医生得配几个", region="chongqing-yuzhong")
    assert turn.answered
    first = turn.text.split("\n", 1)[0]
    assert "至少要18人" in first and "渝中卫发〔2021〕49号" in first


def test_a_multiple_restated_is_not_the_base(kb, now) -> None:
    """服务人口3倍 restates a multiple; 服务人口4万 is the base: 年诊疗人次 at least 8万 (rule: 2倍)."""
    turn = turn_for(kb, now, "年诊疗人次要到服务人口2倍，我们服务人口4万，怎么算", region="chongqing-yuzhong")
    assert "年诊疗人次至少要80000人次" in turn.text


def test_a_not_given_of_another_thing_is_no_not_given_method() -> None:
    """渝中's bed entry opens "没有规定床位数": no bed count, nothing said of how 床位使用率 is counted."""
    from dialogs.qa.method import opens_not_given

    bed = "渝中卫发〔2021〕49号没有规定床位数，只要求资源配置达到基本标准要求。"
    assert opens_not_given(bed) and not opens_not_given(bed, "床位使用率")
    assert opens_not_given("方案只写了“≥75%”，没有给出计算方法。", "床位使用率")
    assert opens_not_given("方案没有规定床位使用率的计算口径。", "床位使用率")
