"""The head noun of what is asked (公卫人员, 每万人, 第一名称, 印发日期, 申报条件, 乡镇卫生院:
question_cues.yaml `heads`): an entry that never names it answers another question (a staffing
share → the 非卫技 share; a ratio per population → an absolute count), so it is never shown as the
answer (issue 12, newcomer findings F1 F2 F8 F10 F13 F22 F24 F31)."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from knowledge.search.intent import heads_asked
from knowledge.search.signals import heads_first, heads_unmet


def test_heads_asked_reads_the_precise_head_only() -> None:
    assert heads_asked("公卫人员比例要多少") == ("public-health-staff",)
    assert heads_asked("每万人要几个全科医生") == ("per-population",)
    assert heads_asked("渝中方案是哪天印发的") == ("issue-date",)
    assert heads_asked("北京社区医院申报条件") == ("conditions",)
    assert heads_asked("评估通过以后第一名称要改吗") == ("first-name",)
    assert heads_asked("床位要多少张") == ()  # nothing precise named: the rule stays out of it
    assert heads_asked("人员比例要多少") == ()  # 人员 alone is not a head
    assert heads_asked("体检报告怎么看") == ("medical-report",)
    assert heads_asked("化验单上的指标看不懂") == ("medical-report",)
    assert heads_asked("传染病报告制度怎么健全") == ()  # a duty to report is not a person's report


def test_heads_unmet_and_the_order_of_candidates() -> None:
    assert heads_unmet(("public-health-staff",), "非卫生技术人员占全部人员的比例低于15%") == ("public-health-staff",)
    assert heads_unmet(("public-health-staff",), "公共卫生人员占专业技术人员编制的比例不低于25%") == ()
    assert heads_unmet(("per-population",), "至少有3名全科医师") == ("per-population",)
    texts = ["至少有3名全科医师", "床位30张", "每万名常住人口应当配置2名及以上全科医生"]
    assert heads_first(("per-population",), texts) == (("per-population",), [2, 0, 1])
    assert heads_first(("per-population",), texts[:2]) == (("per-population",), [0, 1])  # none holds it
    assert heads_first((), texts) == ((), [0, 1, 2])


def _lenient(kb):
    """The shared index with its thresholds lowered, so that only the rule can hold an answer back."""
    index = copy.copy(kb.index)
    index.calibration = dataclasses.replace(kb.index.calibration, answer_at=0.05, likely_at=0.05, suggest_at=0.01)
    return index


@pytest.mark.parametrize(
    ("region", "question"),
    [
        ("national", "公卫人员比例"),  # ranks the 非卫技 share first
        ("national", "公卫医师几名"),  # ranks 公共卫生经费 first
        ("jilin", "每万人几张床"),  # ranks the bed count first
        ("beijing", "第一名称怎么写"),  # ranks the 附件1 form first
        ("national", "遴选条件有哪些"),  # ranks the staffing entry first
        ("national", "通知印发日期"),  # ranks the 317号 overview (no date) first; 方案印发日期 now has its entry
    ],
)
def test_an_entry_that_never_names_the_head_is_at_most_suggested(kb, region: str, question: str) -> None:
    index = _lenient(kb)
    heads = heads_asked(question)
    ranked_first = index.rank(question, region)[0].index
    assert heads_unmet(heads, index.head_text[ranked_first]), "the case must be one the words alone get wrong"
    result = index.search(question, region)
    assert result.decision == "suggest"
    shown_first = index.head_text[index.by_id[result.answers[0].entry_id]]
    assert not heads_unmet(heads, shown_first), "an entry that names what was asked is suggested first"


@pytest.mark.parametrize(
    ("region", "question", "entry"),
    [
        ("chongqing-yuzhong", "乡镇卫生院能在渝中申请吗", "yuzhong-2021-scope"),  # F1 (was the 验收申请表)
        ("chongqing-yuzhong", "公卫人员比例要多少", "not-covered-yuzhong-public-health-staff-share"),  # F2
        ("chongqing-yuzhong", "公卫人员占比要多少", "not-covered-yuzhong-public-health-staff-share"),  # F8
        ("jilin", "每万人要几个全科医生", "not-covered-gp-per-10k"),  # F10 (was 至少3名)
        ("beijing", "每万人要几个全科医生", "not-covered-gp-per-10k"),
        ("national", "每万人要几个全科医生", "not-covered-gp-per-10k"),
        ("chongqing-yuzhong", "每万人要几个全科医生", "yuzhong-2021-gp-per-10k"),  # 渝中's own rule
        ("jilin", "评估通过以后第一名称要改吗", "jilin-2020-first-name"),  # F13 (was 加注)
        ("beijing", "社区医院申报条件", "beijing-2022-conditions"),  # F24 (was a deadline); N12: all the conditions
        ("beijing", "申报条件有哪些", "beijing-2022-conditions"),  # F24 (was the materials); N12
        ("chongqing-yuzhong", "社区医院申报条件", "yuzhong-2021-criteria-list"),  # F24 (was 甲级 only)
        ("national", "社区医院申报条件", "national-2021-basic-standard-required"),
        (None, "渝中方案是哪天印发的", "yuzhong-2021-overview"),  # F22 (was 3月底前)
        ("jilin", "什么时候能挂牌", "jilin-2020-naming"),  # F31 (was the application deadline)
        ("jilin", "公卫人员比例要多少", "jilin-2024-public-health-staff-share"),  # regions that state it still answer
        ("beijing", "公共卫生人员占比多少", "beijing-2022-public-health-staff-share"),
    ],
)
def test_the_findings_get_the_entry_about_the_thing_asked(kb, region, question: str, entry: str) -> None:
    result = kb.index.search(question, region)
    assert result.answers[0].entry_id == entry
    assert result.decision == "answer"


@pytest.mark.parametrize(
    ("region", "question"),
    [
        (None, "体检报告怎么看"),  # the words meet 健康体检 in the infectious-disease duties
        ("jilin", "化验单结果怎么看"),
        ("chongqing-yuzhong", "检查报告出来了怎么解读"),
        ("beijing", "体检结果异常要去哪看"),
    ],
)
def test_a_persons_own_medical_report_is_never_answered(kb, region, question: str) -> None:
    """No text explains a medical report; an entry on 健康体检 or 传染病报告 answers another question."""
    index = _lenient(kb)
    assert heads_asked(question) == ("medical-report",)
    assert index.search(question, region).decision not in ("answer", "likely")
