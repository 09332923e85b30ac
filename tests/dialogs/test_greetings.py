"""Newcomer trial 3, N8/N9: a greeting or a self-introduction at the region prompt is greeted back
and the region named in it is taken (吉林省梨树县 → 吉林); one without a place is greeted and the
region asked again; a self-introduction after the region is set, greeting by a title (院长好) too,
gets a greeting, not the decline."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import common as C
from dialogs.texts import qa as Q

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


def _prompt(kb):
    return handle(UserState(user_id=1), Event.command("start"), kb, NOW).state


@pytest.mark.parametrize(
    ("typed", "region"),
    [
        ("你好，我是吉林省梨树县一个乡镇卫生院的院长", "jilin"),
        ("您好！我是长春市某社区卫生服务中心主任", "jilin"),
        ("院长好，我是北京海淀区一个社区卫生服务中心的负责人", "beijing"),
        ("你好，我是渝中区一家社区卫生服务中心的主任", "chongqing-yuzhong"),
    ],
)
def test_an_introduction_at_the_region_prompt_is_greeted_and_sets_its_region(kb, typed, region) -> None:
    out = handle(_prompt(kb), Event.say(typed), kb, NOW)
    assert out.state.region == region and out.state.dialog is None
    assert out.replies[0].text.startswith(C.GREET_BACK + C.REGION_SET.split("{")[0])


@pytest.mark.parametrize("typed", ["你好", "您好", "院长好", "各位老师好", "你好，我是一个乡镇卫生院的院长"])
def test_a_greeting_without_a_place_is_greeted_and_the_region_asked_again(kb, typed) -> None:
    out = handle(_prompt(kb), Event.say(typed), kb, NOW)
    texts = [r.text for r in out.replies]
    assert out.state.region is None and out.state.step == "region"
    assert not texts[0].startswith(C.REGION_NOT_UNDERSTOOD[:6]) and "您好" in texts[0]
    assert texts[-1] == C.ASK_REGION


@pytest.mark.parametrize(
    "typed",
    [
        "院长好！我是海淀区一个社区卫生服务中心主任",
        "主任您好",
        "各位老师好，我是丰台区一家社区卫生服务中心的负责人",
        "领导好，我是朝阳区社区卫生服务中心的书记",
    ],
)
def test_an_introduction_after_the_region_is_greeted_not_declined(kb, typed) -> None:
    out = handle(UserState(user_id=1, region="beijing"), Event.say(typed), kb, NOW)
    text = out.replies[0].text
    assert not text.startswith(Q.DECLINE[:10]) and text.startswith("您好"), text


def test_a_question_after_a_title_greeting_is_still_answered(kb) -> None:
    out = handle(UserState(user_id=1, region="jilin"), Event.say("院长好，我想问床位最少要多少张"), kb, NOW)
    assert "30" in out.replies[0].text and "📄" in out.replies[0].text
