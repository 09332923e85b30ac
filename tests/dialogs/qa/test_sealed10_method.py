"""Sealed set 10's method misses, by kind: a share's denominator asked is answered from the rule's own words
("公共卫生人员占专业技术人员编制的比例" → 专业技术人员编制), never "no method given"; a measuring method and
sample the texts do not give (满意度怎么测，抽多少样本), and a choice of counting basis they do not make (按户籍
还是常住人口算), are said plainly not given, over the entry that holds the figure named."""

from __future__ import annotations

import pytest

from dialogs.qa import method_leads
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    "question",
    [
        "公卫人员25%这个比例分母是啥",
        "公共卫生人员比例的分母是什么",
        "公共卫生人员25%的基数是什么",
        "公卫人员占比25%是占谁的",
    ],
)
def test_the_denominator_is_said_from_the_rule(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.text.startswith("分母是“专业技术人员编制”")
    assert T.METHOD_NOT_GIVEN.split("“")[0] not in turn.text


@pytest.mark.parametrize(
    "question", ["渝中患者满意度80%是怎么测的，要抽多少样本", "患者满意度怎么测评", "满意度调查样本量多少"]
)
def test_a_measure_not_given_is_said_plainly(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "chongqing-yuzhong")
    assert "没有规定" in turn.text and "样本量" in turn.text and "现场了解" in turn.text


@pytest.mark.parametrize(
    "question",
    ["服务人口超过1万人是按户籍人口还是常住人口算", "服务人口1万人以上，这个人口按常住还是户籍统计"],
)
def test_a_basis_not_chosen_is_said_plainly_over_the_figures_entry(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.text.startswith("收录的文件没有规定按")
    assert "吉卫联发〔2024〕17号" in turn.text and "1万人" in turn.text


def test_the_leads_read_the_words() -> None:
    said = "吉林要求公共卫生人员占专业技术人员编制的比例不低于25%。"
    assert "“专业技术人员编制”" in method_leads.stated_part("分母是啥", said)
    assert method_leads.stated_part("分子是啥", said).startswith("分子是“公共卫生人员”")
    assert method_leads.stated_part("怎么算", said) == ""
    assert method_leads.unsaid("按工作日还是按365天算", "", "日均门诊量≥30人次") != ""
    assert method_leads.unsaid("按工作日还是按全年算", "", "按工作日计") == ""
    assert method_leads.unsaid("满意度怎么测", "满意度", "抽样调查100人") == ""
