"""Newcomer trial 11, N8: "没有" at a choice question of /check.

At 贵机构在“优质服务基层行”活动中达到了哪一级服务能力标准？ (未达到 / 基本标准 / 推荐标准) "没有", "还没有",
"没达标", "还没评" were not read, and "没有" was called a figure: "您发来的是一个数字（没有），这一题不用填数字".
At 社区卫生服务中心还是乡镇卫生院 it said the same. Now words of none at a ladder that starts with a "not reached"
option are that option; elsewhere they are not understood, never "a figure"."""

from __future__ import annotations

import pytest

from core.model import Event
from dialogs.answer_words import read_choice
from dialogs.router import handle
from dialogs.texts import questionnaire as T
from tests.dialogs.check_steps import at_question

LEVEL = "service_capability_level"
NOT_REACHED = ("没有", "没", "还没有", "无", "暂无", "没有达到", "没达标", "未达标", "还没评", "没评上", "目前没有")
LEVELS = (("没有，只是基本标准", "basic"), ("基本标准", "basic"), ("达到推荐了", "recommended"), ("3", "recommended"))
NONE_WORDS = ("没有", "无", "没", "还没有")


def _texts(outcome) -> str:
    return "\n".join(r.text for r in outcome.replies)


@pytest.mark.parametrize("region", ("jilin", "beijing"))
@pytest.mark.parametrize("typed", NOT_REACHED)
def test_none_at_the_level_ladder_is_not_reached(kb, now, region, typed) -> None:
    state = at_question(kb, region, LEVEL, now)
    out = handle(state, Event.say(typed), kb, now)
    assert out.state.profile.get(LEVEL) == "none" and out.state.step != LEVEL, _texts(out)


@pytest.mark.parametrize(("typed", "level"), LEVELS)
def test_a_level_named_is_still_that_level(kb, now, typed, level) -> None:
    state = at_question(kb, "jilin", LEVEL, now)
    out = handle(state, Event.say(typed), kb, now)
    assert out.state.profile.get(LEVEL) == level, _texts(out)


@pytest.mark.parametrize("typed", ("没有推荐标准", "推荐标准还没有"))
def test_a_level_denied_is_not_read_as_none(typed) -> None:
    choices = (("none", "未达到"), ("basic", "基本标准"), ("recommended", "推荐标准"))
    assert read_choice(typed, choices).value != "none"


@pytest.mark.parametrize("region", ("jilin", "national", "beijing"))
@pytest.mark.parametrize("typed", NONE_WORDS)
def test_none_where_no_option_means_none_is_not_called_a_figure(kb, now, region, typed) -> None:
    state = at_question(kb, region, "institution_type", now)
    out = handle(state, Event.say(typed), kb, now)
    assert "institution_type" not in out.state.profile or out.state.profile["institution_type"] is None
    assert out.state.step == "institution_type"
    assert T.FIGURE_AT_CLOSED.format(typed=typed) not in _texts(out), _texts(out)


@pytest.mark.parametrize("typed", ("0", "零", "七成", "三十"))
def test_a_figure_at_a_closed_question_is_still_called_one(kb, now, typed) -> None:
    state = at_question(kb, "national", "institution_type", now)
    out = handle(state, Event.say(typed), kb, now)
    assert T.FIGURE_AT_CLOSED.format(typed=typed) in _texts(out), _texts(out)


@pytest.mark.parametrize("again", ("床位改成35张", "床位是35张", "实际开放床位35张", "床位数改为三十五张"))
def test_a_figure_stated_again_unchanged_is_said_unchanged(kb, now, again) -> None:
    """Newcomer trial 11, N11: "床位改成35张" with 35 stored said "已记下…（这是另一题的答案，已存到那一题）"."""
    state = at_question(kb, "jilin", LEVEL, now)
    first = handle(state, Event.say("床位35张"), kb, now)
    assert first.state.profile.get("open_beds") == 35, _texts(first)
    out = handle(first.state, Event.say(again), kb, now)
    label = kb.fields["open_beds"].label
    assert T.ELSEWHERE_SAME.format(label=label, value="35 张") in _texts(out), _texts(out)
    changed = handle(first.state, Event.say(again.replace("35", "40").replace("三十五", "四十")), kb, now)
    assert changed.state.profile.get("open_beds") == 40
    assert T.ELSEWHERE_CHANGED.format(label=label, value="40 张", old="35 张") in _texts(changed), _texts(changed)
