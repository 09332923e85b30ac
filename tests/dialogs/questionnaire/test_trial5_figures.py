"""Newcomer trial 5, N7: figures typed at a /check screen that takes none (a 是/否 or choice question,
the 继续/重新开始 screen). Before, "七成" got the Q&A's "请输入 /check 开始或继续自评" in the middle of
/check, and "28张" at 社区卫生服务中心还是乡镇卫生院 "没有看懂". Now a figure naming a question of the run
(by its field's words or, at a closed question, its unit) is saved there, a bare figure is said to be one
this question does not take, and no /check screen ever tells the director to type /check."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import questionnaire as T
from knowledge.base import KnowledgeBase
from tests.dialogs.questionnaire.test_flow import director

NOW = dt.datetime(2026, 3, 10, 10, tzinfo=SHANGHAI)
FIGURE_SAID = T.FIGURE_AT_CLOSED.split("（")[0]


def _closed(kb: KnowledgeBase) -> list[tuple[str, str]]:
    return [
        (region, name)
        for region, rules in sorted(kb.rules.items())
        for name in rules.fields_needed()
        if kb.fields[name].kind in ("bool", "choice")
    ]


def _at(region: str, name: str) -> UserState:
    data = {"region": region, "answered": [], "mode": "ask"}
    return UserState(user_id=1, region=region, dialog="questionnaire", step=name, data=data)


@pytest.mark.parametrize("typed", ["七成", "75%", "3000", "约80%", "两成半"])
def test_a_bare_figure_at_a_closed_question_is_said_to_be_one(kb, typed: str) -> None:
    for region, name in _closed(kb):
        out = handle(_at(region, name), Event.say(typed), kb, NOW)
        said = "\n".join(r.text for r in out.replies)
        assert "/check" not in said, (region, name, said[:200])
        assert out.state.step == name and out.state.dialog == "questionnaire" and name not in out.state.profile
        assert FIGURE_SAID in said, (region, name, said[:200])


@pytest.mark.parametrize(("typed", "field", "value"), [("28张", "open_beds", 28), ("3200平米", "floor_area_m2", 3200)])
def test_a_figure_with_its_unit_at_a_closed_question_is_saved_to_its_question(kb, typed, field, value) -> None:
    for region, name in _closed(kb):
        flow_fields = kb.rules[region].fields_needed()
        if field not in flow_fields:
            continue
        out = handle(_at(region, name), Event.say(typed), kb, NOW)
        assert out.state.profile.get(field) == value and out.state.step == name, (region, name)
        assert "/check" not in "\n".join(r.text for r in out.replies)


@pytest.mark.parametrize("region", ["jilin", "national", "chongqing-yuzhong", "beijing"])
@pytest.mark.parametrize("typed", ["四十张", "七成半", "3000平米", "75%"])
def test_no_figure_at_the_resume_screen_says_type_check(kb, now, region: str, typed: str) -> None:
    d = director(kb, now, region=region)
    d.command("check")
    d.say("不清楚")
    d.command("cancel")
    d.command("check")
    assert d.state.data.get("mode") == "resume"
    d.say(typed)
    assert "/check" not in d.text and d.state.dialog == "questionnaire", d.text[:200]


def test_the_pending_questions_figure_at_the_resume_screen_continues_and_is_read(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.command("check")
    d.say("是")
    d.command("cancel")
    d.command("check")
    assert d.state.step == "open_beds" and d.state.data.get("mode") == "resume"
    d.say("四十张")
    assert d.state.profile["open_beds"] == 40
