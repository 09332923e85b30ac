"""Newcomer trial 5, N4: at "卫生技术人员数是 2 人 吗？…请确认没有输错", only a clear yes or no confirms
the figure. A sentence that starts with a yes-word but answers another question ("有的，全科康复中医都有")
saves nothing: the director is asked again, politely, for every field with a usual range."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, Outcome, UserState
from dialogs.questionnaire.confirm import figure_confirmation
from dialogs.router import handle
from dialogs.texts import questionnaire as T
from knowledge.base import KnowledgeBase

NOW = dt.datetime(2026, 3, 10, 10, tzinfo=SHANGHAI)
UNCLEAR = T.CONFIRM_UNCLEAR.split("”")[-1][:6]  # "不像是对…" is after the quotes


def _asked_fields(kb: KnowledgeBase) -> list[tuple[str, str]]:
    out = []
    for name, spec in sorted(kb.fields.items()):
        region = next((r for r, rs in kb.rules.items() if name in rs.fields_needed()), None)
        if spec.plausible and region and spec.kind in ("int", "number") and spec.plausible[0] > (spec.min or 0):
            out.append((name, region))
    return out


def _at_confirmation(kb: KnowledgeBase, name: str, region: str) -> tuple[Outcome, float]:
    spec = kb.fields[name]
    value = spec.plausible[0] - 1 if spec.plausible[0] - 1 >= (spec.min or 0) else spec.min
    state = UserState(
        user_id=1,
        region=region,
        dialog="questionnaire",
        step=name,
        data={"region": region, "answered": [], "mode": "ask"},
    )
    out = handle(state, Event.say(f"{int(value)}{spec.unit}"), kb, NOW)
    assert out.state.data.get("confirm") == "plausible", name
    return out, int(value)


OTHER_ANSWERS = [
    "有的，全科康复中医都有",
    "是的，我们是乡镇卫生院",
    "对，床位有40张",
    "没有，还在建",
    "有，我们有全科医生",
]


@pytest.mark.parametrize("said", OTHER_ANSWERS)
def test_an_answer_to_another_question_confirms_nothing(kb, said: str) -> None:
    for name, region in _asked_fields(kb):
        out, _ = _at_confirmation(kb, name, region)
        after = handle(out.state, Event.say(said), kb, NOW)
        assert name not in after.state.profile, (name, said)
        assert after.state.step == name and after.state.data.get("confirm") == "plausible", (name, said)
        assert UNCLEAR in after.replies[0].text


@pytest.mark.parametrize("said", ["是", "是的", "对的", "确认", "是的，没输错", "对，没错"])
def test_a_clear_yes_confirms(kb, said: str) -> None:
    for name, region in _asked_fields(kb)[:4]:
        out, value = _at_confirmation(kb, name, region)
        assert handle(out.state, Event.say(said), kb, NOW).state.profile.get(name) == value, (name, said)


@pytest.mark.parametrize("said", ["否", "不是", "不对，输错了", "不对"])
def test_a_clear_no_asks_for_the_figure_again(kb, said: str) -> None:
    for name, region in _asked_fields(kb)[:4]:
        out, _ = _at_confirmation(kb, name, region)
        after = handle(out.state, Event.say(said), kb, NOW)
        assert name not in after.state.profile and after.state.data.get("mode") == "ask", (name, said)


def test_the_figure_said_again_after_a_yes_confirms() -> None:
    assert figure_confirmation("对，就是2人", "2 人") is True
    assert figure_confirmation("是的，就是3张", "2 张") is None
    assert figure_confirmation("有的，全科康复中医都有", "2 人") is None
