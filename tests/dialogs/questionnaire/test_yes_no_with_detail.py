"""A yes/no question answered the way people speak (newcomer trial, F4): a yes/no word at the start
followed by detail ("有的，全科", "有，我们有全科医生", "对的我们有"), dialect words alone (是滴, 没得, 木有),
read through the router at every yes/no question of every region; a detail that points the other way
("有，但不是区级的", "没有统计过") is not taken, and the question is asked again."""

from __future__ import annotations

import copy

import pytest

from dialogs.words import parse_yes_no
from tests.dialogs.questionnaire.test_flow import answer_validly, director

YES = ("有的，全科", "有，我们有全科医生", "对的", "是滴", "对的我们有", "是的 已经有了", "对头", "嗯嗯", "有滴")
NO = ("没得", "木有", "冇", "没有，还在建", "没得，今年才开始", "没有全科医生", "否，没有", "莫得")
UNCLEAR = ("有，但不是区级的", "没有统计过", "有的科室有有的没有", "是不是", "有，不过还没批", "不是很清楚")


@pytest.mark.parametrize("said", YES)
def test_yes_with_detail(said: str) -> None:
    assert parse_yes_no(said) is True
    assert parse_yes_no(said.replace("，", ",")) is True


@pytest.mark.parametrize("said", NO)
def test_no_with_detail(said: str) -> None:
    assert parse_yes_no(said) is False


@pytest.mark.parametrize("said", UNCLEAR)
def test_unclear_detail_is_not_an_answer(said: str) -> None:
    assert parse_yes_no(said) is None


def _bool_steps(kb, now, region: str):
    """(director, field) at each yes/no question of the region's questionnaire, in order."""
    d = director(kb, now, region=region)
    d.command("check")
    seen = []
    for _ in range(40):
        step = d.state.step
        if d.state.dialog != "questionnaire" or step is None or step in seen:
            break
        seen.append(step)
        if kb.fields[step].kind == "bool":
            yield d, step
        answer_validly(d, kb.fields[step])


@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong", "beijing", "national"])
def test_every_yes_no_question_reads_a_yes_with_detail(kb, now, region: str) -> None:
    asked = 0
    for d, field in _bool_steps(kb, now, region):
        said = YES[asked % len(YES)]
        shadow = director(kb, now, region=region)
        shadow.state = copy.deepcopy(d.state)
        shadow.say(said)
        assert shadow.state.profile.get(field) is True, (region, field, said, shadow.text)
        shadow.state = copy.deepcopy(d.state)
        shadow.say(NO[asked % len(NO)])
        assert shadow.state.profile.get(field) is False, (region, field, shadow.text)
        shadow.state = copy.deepcopy(d.state)
        shadow.say(UNCLEAR[asked % len(UNCLEAR)])
        assert field not in shadow.state.profile and shadow.state.step == field, (region, field, shadow.text)
        asked += 1
    assert asked > 0
