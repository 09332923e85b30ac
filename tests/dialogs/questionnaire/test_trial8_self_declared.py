"""Newcomer trial 8, N24: 北京 gave ✅ 符合 after four questions, the 基本标准 one self-declared 是 and none
of its figures asked. Where a region's run checks no figure of the standard, a 是 to it brings the reported
figures into the result as ⚠️ 待核实; where the run asks them (national), or the answer is not 是, nothing."""

from __future__ import annotations

import pytest

from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import questionnaire as T
from knowledge.eligibility.model import BASIC_STANDARD_FIELD

HEAD = T.BASIC_STANDARD_UNCHECKED.split("{")[0]


def _finish(kb, now, region: str, standard: str) -> str:
    state = handle(UserState(region=region), Event.command("check"), kb, now).state
    said = []
    for _ in range(40):
        if state.dialog is None:
            break
        spec = kb.fields[state.step]
        answer = standard if spec.name == BASIC_STANDARD_FIELD else "1" if spec.kind == "choice" else "是"
        if spec.kind not in ("choice", "bool"):
            answer = "不清楚"
        out = handle(state, Event.say(answer), kb, now)
        said += [r.text for r in out.replies]
        state = out.state
    return "\n".join(said)


@pytest.mark.parametrize("region", ("beijing", "chongqing-yuzhong"))
@pytest.mark.parametrize("standard", ("是", "是的", "达到了"))
def test_a_self_declared_standard_shows_its_reported_figures_to_check(kb, now, region, standard) -> None:
    text = _finish(kb, now, region, standard)
    assert HEAD in text and "30张" in text and "3名全科医师" in text, text


@pytest.mark.parametrize("region", ("beijing", "chongqing-yuzhong", "national"))
@pytest.mark.parametrize("standard", ("否", "不清楚"))
def test_no_such_note_when_the_standard_is_not_said_met(kb, now, region, standard) -> None:
    assert HEAD not in _finish(kb, now, region, standard)


def test_no_such_note_where_the_run_asks_the_figures(kb, now) -> None:
    assert HEAD not in _finish(kb, now, "national", "是")
