""" "其他10项都达标了" (devblind3 d3008, d3016): the asker says every condition not named is met. The
verdict lists no unknown conditions, takes what is said as said (never checked), and says what
follows: a failed deciding condition must be met first (all must be met); a reported basic-standard
figure not reached meets the national rule 未达到基本标准的不得加挂牌子; else nothing fails as said.
And "能搞社区医院建设吗" with the type stated is a situation, not a question about a service (d3014)."""

from __future__ import annotations

import pytest

from dialogs.qa.situation_gate import others_met
from dialogs.texts.qa_situation import SITUATION_OTHERS_PASSED
from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    "text",
    ["其他10项都达标了", "其余都符合", "别的都没问题", "其他条件也都满足", "剩下的几项都达标", "其它指标全部达到"],
)
def test_others_said_met_is_read(text) -> None:
    assert others_met("我们床位40张，" + text)


@pytest.mark.parametrize("text", ["其他地方怎么规定的", "别的区有什么要求", "其他材料要交吗", "都达标了吗"])
def test_no_others_said_met(text) -> None:
    assert not others_met(text)


@pytest.mark.parametrize(
    "question",
    [
        "我们现在是社区乙级，其他10项都达标了，能申请社区医院验收吗",
        "我们中心是乙级，别的都没问题，能申请验收吗",
        "我们等级评审只评上乙级，其余指标都符合，能过吗",
        "社区乙级，其他全部达标，可以申请吗",
    ],
)
def test_a_failed_condition_with_the_others_said_met(kb, now, question) -> None:
    text = turn_for(kb, now, question, region="chongqing-yuzhong").text
    assert "❌ 第1项：等级评审达到社区甲级（乡镇乙级以上）标准：不符合" in text
    assert "全部达标" in text and "没有逐项核对" in text
    assert "条件不知道" not in text and "还不知道" not in text


@pytest.mark.parametrize(
    "question",
    [
        "我们全科医生只有2个，其他都差不多，能挂社区医院牌子吗",
        "全科医生2名，别的都达标了，能加挂社区医院牌子吗",
        "我们床位只有20张，其他都没问题，能挂牌吗",
        "我们全科医师就2人，其余都满足，能当社区医院吗",
    ],
)
def test_a_reported_figure_missed_with_the_others_said_met(kb, now, question) -> None:
    text = turn_for(kb, now, question, region="national").text
    assert "（新闻报道）：未达到报道的要求" in text
    assert "不得加挂社区医院牌子" in text and "国卫办基层函〔2021〕317号" in text


@pytest.mark.parametrize(
    "question",
    ["我们床位40张，使用率80%，其余都符合，能申请吗", "床位35张，使用率78%，别的都达标了，够吗"],
)
def test_nothing_failed_with_the_others_said_met(kb, now, question) -> None:
    text = turn_for(kb, now, question, region="jilin").text
    assert SITUATION_OTHERS_PASSED in text and "还不知道" not in text


@pytest.mark.parametrize(
    "question",
    [
        "我们是城乡结合部的一个乡镇卫生院，不是社区卫生服务中心，能搞社区医院建设吗",
        "我们是城乡结合部的乡镇卫生院，能建社区医院吗",
        "我们卫生院在城乡结合部，能不能办社区医院",
        "我们是城乡结合部的卫生院，可以搞社区医院吗",
        "我们是城乡结合部的乡镇卫生院 按国家政策能纳入社区医院建设吗",
        "我们卫生院在城乡结合部，国家文件说能纳入社区医院建设吗",
    ],
)
def test_a_fringe_township_centre_asking_to_build_gets_the_national_note(kb, now, question) -> None:
    turn = turn_for(kb, now, question, region="national")  # the type norm met by 城乡结合部 answers (d167)
    assert turn.kind == "situation" and "✅ 属于国家文件提到的社区医院建设依托" in turn.text
    assert "城乡结合部" in turn.text and "可纳入" in turn.text and "基本标准" in turn.text
