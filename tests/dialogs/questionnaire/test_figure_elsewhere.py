"""A figure typed at the wrong question (newcomer trial, F3): at every question of every region's
/check, a figure naming another question of the run by its words ("业务用房建筑面积3000平方米" while
床位使用率 is asked) is saved to that question and said so, and the pending question is asked again; a
figure for the pending question in the same message answers it; a range or a bound for another question
is said and not saved; a question ("床位40张吗") is not read this way."""

from __future__ import annotations

import copy

import pytest

from dialogs.field_words import NUMBER_WORDS
from dialogs.texts import questionnaire as T
from tests.dialogs.questionnaire.test_flow import answer_validly, director, expected_value, valid_answer

NUMERIC = ("int", "number", "percent")


def _steps(kb, now, region: str):
    d = director(kb, now, region=region)
    d.command("check")
    seen: list[str] = []
    while d.state.dialog == "questionnaire" and d.state.step not in seen:
        seen.append(d.state.step)
        yield d
        answer_validly(d, kb.fields[d.state.step])


def _named(kb, field: str) -> str:
    return NUMBER_WORDS[field][0] + valid_answer(kb.fields[field])


@pytest.mark.parametrize("region", ["jilin", "chongqing-yuzhong", "beijing", "national"])
def test_another_question_s_figure_is_saved_there_and_the_question_asked_again(kb, now, region: str) -> None:
    checked = 0
    for d in _steps(kb, now, region):
        current = d.state.step
        rules = kb.rules[region]
        others = [f for f in rules.fields_needed() if f != current and kb.fields[f].kind in NUMERIC]
        for other in others:
            if other not in NUMBER_WORDS:
                continue
            probe = director(kb, now, region=region)
            probe.state = copy.deepcopy(d.state)
            probe.say(_named(kb, other))
            spec = kb.fields[other]
            assert probe.state.profile.get(other) == expected_value(spec), (region, current, other, probe.text)
            assert probe.state.step == current, (region, current, other, probe.text)
            assert spec.label in probe.text and T.ELSEWHERE_NOW in probe.text, probe.text
            checked += 1
    assert checked >= 1, checked


def test_the_pending_figure_beside_it_answers_the_question(kb, now) -> None:
    for d in _steps(kb, now, "jilin"):
        if d.state.step == "bed_occupancy_rate":
            break
    d.say("床位40张，使用率80%")
    assert d.state.profile["open_beds"] == 40 and d.state.profile["bed_occupancy_rate"] == 80
    assert d.state.step != "bed_occupancy_rate"
    assert "40 张" in d.text and T.RECORDED.format(label=kb.fields["bed_occupancy_rate"].label, value="80%") in d.text


def test_a_later_question_filled_this_way_is_not_asked_again(kb, now) -> None:
    asked: list[str] = []
    d = director(kb, now, region="jilin")
    d.command("check")
    while d.state.step != "bed_occupancy_rate":
        answer_validly(d, kb.fields[d.state.step])
    d.say("业务用房3200平方米")
    assert d.state.profile["floor_area_m2"] == 3200 and d.state.step == "bed_occupancy_rate"
    while d.state.dialog == "questionnaire":
        asked.append(d.state.step)
        answer_validly(d, kb.fields[d.state.step])
    assert "floor_area_m2" not in asked and d.state.profile["floor_area_m2"] == 3200


@pytest.mark.parametrize("said", ["床位30到40张", "床位不到30张", "床位40张吗", "业务用房1平方米"])
def test_no_exact_figure_is_not_saved(kb, now, said: str) -> None:
    for d in _steps(kb, now, "jilin"):
        if d.state.step == "bed_occupancy_rate":
            break
    before = dict(d.state.profile)
    d.say(said)
    assert {k: v for k, v in d.state.profile.items() if k in before} == before
    assert "floor_area_m2" not in d.state.profile or said != "业务用房1平方米"
    assert d.state.step == "bed_occupancy_rate"
