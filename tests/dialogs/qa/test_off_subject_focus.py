"""A question's focus must be in the entry that answers it (issue 12, brief oos2; knowledge/search/focus.py,
subject.py SubjectCheck.off_focus, the situation hook in dialogs/qa/situation.py).

The kinds: a measure qualified by a noun the entry does not have is another measure (抗菌药物使用率
answered with 床位使用率 75 %, 电子健康档案建档率 with 档案开放率 98 %); an institution and a modal around a
service (卫生院能不能做剖宫产手术) ask about the service, not whether the institution may apply (it got a
/check-style verdict on 主要依托社区卫生服务中心); an acronym (CT, ICU) names a thing the entry must name.
Each is asked back or declined in every region, never answered as if an entry covered it. Questions of
our own, and the lead's development questions; the in-scope side: measures, services and acronyms the
knowledge base does hold, asked the way directors ask, still answered.
"""

from __future__ import annotations

import pytest

from core.model import UserState
from dialogs.qa import respond
from knowledge.search.focus import acronyms, measure_phrases, service_phrases
from tests.dialogs.qa.test_off_subject import REGIONS, _answers_as_if_covered

# A measure of something no entry measures (its owner is not in the entry the words found).
MEASURE_OF_ANOTHER_THING = [
    "基层医疗机构的抗菌药物使用率要求多少",
    "电子健康档案建档率要达到多少",
    "高血压患者规范管理率要求多少",
    "基层医疗机构的处方合格率要求多少",
    "社区卫生服务中心的儿童预防接种率要达到多少",
    "糖尿病患者规范管理率考核多少",
    "卫生院的门诊输液率有上限吗",
]
# A service asked about with a modal: the service is the subject (no situation verdict, no entry).
SERVICE_ASKED = [
    "卫生院能不能做剖宫产手术",
    "卫生院能不能开展血液透析",
    "社区卫生服务中心可以开设产科吗",
    "社区医院能不能开展心脏介入手术",
]
# An acronym the entry never names.
ACRONYM_NAMED = [
    "社区医院的CT需要办什么许可证",
    "卫生院的发热门诊要配几台CT",
    "社区医院可以设置ICU吗",
]

# In scope: measures, services and acronyms the knowledge base holds, with the region asked for.
IN_SCOPE = [
    ("床位使用率要达到多少", "jilin"),
    ("床位使用率要达到多少", "national"),
    ("公卫人员占比要多少", "jilin"),
    ("公卫人员占比要多少", "beijing"),
    ("重点人群档案开放率要多少", "jilin"),
    ("门诊中医处方占比要多少", "chongqing-yuzhong"),
    ("非卫生技术人员比例不能超过多少", "national"),
    ("回头看比例不低于多少", "beijing"),
    ("社区医院能不能评二级医院", "national"),
    ("我们卫生院能不能申请社区医院", "jilin"),
    ("社区医院可以设置发热诊室吗", "national"),
    ("社区医院能开展中医药服务吗", "chongqing-yuzhong"),
    ("社区医院可以开设康复科吗", "national"),
    ("社区医院能不能开家庭病床", "jilin"),
]


@pytest.mark.parametrize("question", MEASURE_OF_ANOTHER_THING + SERVICE_ASKED + ACRONYM_NAMED)
def test_a_question_whose_focus_the_entry_lacks_is_not_answered(kb, now, question: str) -> None:
    answered = [r for r in REGIONS if _answers_as_if_covered(kb, now, question, r)]
    assert not answered, f"{question}: answered in {answered}"


@pytest.mark.parametrize("question", SERVICE_ASKED)
def test_a_service_asked_about_is_no_situation(kb, now, question: str) -> None:
    for region in REGIONS:
        turn = respond(UserState(user_id=1, region=region), question, kb, now)
        assert turn.kind != "situation", (question, region, turn.text[:80])


@pytest.mark.parametrize(("question", "region"), IN_SCOPE)
def test_in_scope_measures_and_services_are_still_answered(kb, now, question: str, region: str) -> None:
    turn = respond(UserState(user_id=1, region=region), question, kb, now)
    assert turn.decision in ("answer", "likely"), (question, turn.decision, turn.text[:80])


def test_a_situation_with_figures_and_a_modal_is_still_a_situation(kb, now) -> None:
    turn = respond(UserState(user_id=1, region="jilin"), "我们卫生院床位40张，使用率70%，能申请吗", kb, now)
    assert turn.kind == "situation"


# ---------------------------------------------------------------------- the focus itself


def test_what_a_measure_is_of() -> None:
    owners, rates = measure_phrases(["基层", "医疗", "机构", "的", "抗", "菌", "药物", "床位使用率", "要求", "多少"])
    assert owners == ["抗菌药物", "床位使用率"]
    assert rates == ["床位使用率"]
    owners, rates = measure_phrases(["电子健康档案", "建", "档", "率", "要", "达到", "多少"])
    assert rates == ["建档率"]
    assert measure_phrases(["公共卫生人员", "占", "比", "要", "多少"])[0] == ["公共卫生人员"]
    assert measure_phrases(["床位使用率", "要", "达到", "多少"])[0] == []


def test_the_service_a_modal_asks_about() -> None:
    assert service_phrases(["乡镇卫生院", "能", "不能", "开展", "血液", "透析"]) == ["血液透析"]
    assert service_phrases(["社区卫生服务中心", "可以", "开设", "产", "科", "吗"]) == ["产科"]
    assert service_phrases(["乡镇卫生院", "能", "申请", "社区医院", "吗"]) == []


def test_an_acronym_is_one_written_in_capitals() -> None:
    assert acronyms(["社区医院", "的", "ct", "需要"], "社区医院的CT需要") == ["ct"]
    assert acronyms(["社区医院", "jiben", "标准"], "社区医院jiben标准") == []


def test_a_rate_the_knowledge_base_has_is_no_focus_of_its_own(kb) -> None:
    """使用率 folds into the entries' 床位使用率: a list of criteria (床位、使用率、面积) has no focus."""
    assert kb.index.subjects.focus("床位、使用率、面积分别要多少") == ()
    assert "抗菌" in kb.index.subjects.focus("基层医疗机构的抗菌药物使用率要求多少")
