"""Newcomer trial 3, F6/F7: at every closed /check question (a choice or 是/否) of every region, a text
asked as a question is never recorded — it is answered and the question asked again; a statement
naming one option is the answer even when another option is named with 还差/不是; a statement naming
several options, or a hedge (差不多吧), asks to choose, with the buttons; everyday names (社区中心,
卫生院) are the options they name; a shortfall (床位还差几张) at "是否已达到…" is 否."""

from __future__ import annotations

import pytest

from dialogs.answer_words import ClosedReading, read_choice, read_yes_no
from dialogs.texts import common as C
from dialogs.texts import questionnaire as T
from tests.dialogs.questionnaire.test_flow import REGIONS, answer_validly, director

LEVELS = (("none", "未达到"), ("basic", "基本标准"), ("recommended", "推荐标准"))
TYPES = (("community_health_center", "社区卫生服务中心"), ("township_health_center", "乡镇卫生院"))
REACHED = "贵机构的房屋、设备、床位、人员等资源配置是否已达到《社区医院基本标准（试行）》要求？"


def _probe_choice(d, field: str) -> None:
    spec = d.kb.fields[field]
    labels = [label for _, label in spec.choices]
    d.say(f"是不是必须{labels[-1]}才能报？")  # a question naming one option (F6)
    assert field not in d.state.profile and d.state.step == field, d.text
    assert C.PENDING_AGAIN in d.text or T.CHOICE_NOT_UNDERSTOOD.format(n=len(labels)) in d.text
    d.say(f"{labels[0]}和{labels[-1]}")  # a statement naming two: which one?
    assert field not in d.state.profile and d.state.step == field, d.text
    assert d.replies[0].text.startswith(T.CHOICE_WHICH.split("{")[0]) and d.question.buttons
    d.say(f"是{labels[-1]}，不是{labels[0]}")  # the one said without 不是 is the answer
    assert d.state.profile.get(field) == spec.choices[-1][0], d.text


def _probe_bool(d, field: str) -> None:
    d.say("是不是一定要这样才能报？")
    assert field not in d.state.profile and d.state.step == field, d.text
    d.say("差不多吧")  # a hedge: not clear, choose (never "资料库里没有答案")
    assert field not in d.state.profile and d.replies[0].text == T.BOOL_UNCLEAR and d.question.buttons
    answer_validly(d, d.kb.fields[field])


@pytest.mark.parametrize("region", REGIONS)
def test_every_closed_question_reads_questions_and_statements_apart(kb, now, region: str) -> None:
    d = director(kb, now, region=region)
    d.command("check")
    probed = 0
    for _ in range(40):
        field = d.state.step
        if field is None or d.state.dialog != "questionnaire":
            break
        spec = kb.fields[field]
        if spec.kind == "choice":
            _probe_choice(d, field)
        elif spec.kind == "bool":
            _probe_bool(d, field)
        else:
            answer_validly(d, spec)
        probed += spec.kind in ("choice", "bool")
    assert probed >= 1


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("达到基本标准了，推荐标准还差点", "basic"),
        ("推荐标准没达到，基本标准达到了", "basic"),
        ("还没达到基本标准", "none"),
        ("基本标准都没达到", "none"),
        ("没达到", "none"),
        ("达到推荐了", "recommended"),
        ("基本上达到推荐标准了", "recommended"),
        ("3", "recommended"),
    ],
)
def test_a_level_said_in_a_sentence(said: str, value: str) -> None:
    reading = read_choice(said, LEVELS)
    assert (reading.kind, reading.value) == ("value", value)


@pytest.mark.parametrize(
    "said", ["是不是必须到推荐标准才能报？", "推荐标准可以吗", "要不要达到推荐标准", "基本标准能不能报"]
)
def test_a_question_naming_an_option_is_a_question(said: str) -> None:
    assert read_choice(said, LEVELS).kind == "question"


@pytest.mark.parametrize("said", ["推荐标准还差点", "基本标准和推荐标准都达到了", "不是未达到"])
def test_several_options_left_ask_which(said: str) -> None:
    assert read_choice(said, LEVELS).kind == "several"


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("社区中心", "community_health_center"),
        ("社区卫生中心", "community_health_center"),
        ("卫生院", "township_health_center"),
        ("乡镇院", "township_health_center"),
        ("不是社区中心，是乡镇卫生院", "township_health_center"),
        ("我们是乡镇卫生院，想建社区医院", "township_health_center"),
    ],
)
def test_everyday_names_of_the_institution_type(said: str, value: str) -> None:
    reading = read_choice(said, TYPES)
    assert (reading.kind, reading.value) == ("value", value)


def test_a_shortfall_at_a_reached_question_is_no_and_said_so(kb, now) -> None:
    assert read_yes_no("差不多吧，床位还差几张", REACHED) == ClosedReading("short", False)
    assert read_yes_no("床位还差几张？", REACHED).kind == "question"
    assert read_yes_no("差不多吧", REACHED).kind == "unclear"
    d = director(kb, now, region="beijing")
    d.command("check")
    for _ in range(10):
        if d.state.step == "meets_basic_standard_resources":
            break
        answer_validly(d, kb.fields[d.state.step])
    d.say("差不多吧，床位还差几张")
    assert d.state.profile.get("meets_basic_standard_resources") is False
    assert d.replies[0].text == T.READ_AS_NO


def test_the_beijing_level_typed_as_the_trial_did(kb, now) -> None:
    d = director(kb, now, region="beijing")
    d.command("check")
    for _ in range(10):
        if d.state.step == "service_capability_level":
            break
        answer_validly(d, kb.fields[d.state.step])
    d.say("是不是必须到推荐标准才能报？")
    assert "service_capability_level" not in d.state.profile and C.PENDING_AGAIN in d.text
    d.say("达到基本标准了，推荐标准还差点")
    assert d.state.profile.get("service_capability_level") == "basic"


@pytest.mark.parametrize(
    ("said", "field", "value"),
    [
        ("是的，19年就评上甲级了", "community_grade_a", True),
        ("有一个，中医康复科", "has_district_featured_department", True),
        ("没发生过", "major_malpractice_last_2_years", False),
        ("从来没有出租", "outsourced_departments", False),
        ("不存在", "outsourced_departments", False),
        ("不清楚，要问医保科", "insurance_fraud_penalty", None),
        ("建成了", "has_district_featured_department", True),
    ],
)
def test_natural_yes_no_answers_newcomer_trial_3_f9(kb, said: str, field: str, value: object) -> None:
    reading = read_yes_no(said, kb.fields[field].question)
    assert reading.kind in ("value", "unknown") and reading.value is value, reading


def test_a_yes_then_a_shortfall_is_not_clear(kb) -> None:
    assert read_yes_no("是的，但是床位还差几张", REACHED).kind == "unclear"
    assert read_yes_no("蓝色", REACHED).kind == "none"
