"""Newcomer trial 9, finding 9: 渝中's 第3题 (是否已建成区县级特色科室) answered 否, and the next question asked
the daily outpatient visits of that 特色科室. A criterion may name the 是/否 field it presupposes (rule YAML
`premise`): answered 否, its own question is not asked, the count says so (少了 1 道题), and the result
gives the criterion's premise_fail message, never "暂无法判断"."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from knowledge.eligibility import evaluate
from knowledge.eligibility.schema import CriterionModel

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
REGION = "chongqing-yuzhong"
FOLLOW_UP = "featured_department_daily_visits"


def _text(out) -> str:
    return "\n".join(r.text for r in out.replies)


def _at_department(kb):
    out = handle(UserState(user_id=1, region=REGION), Event.command("check"), kb, NOW)
    for said in ("是", "是"):
        out = handle(out.state, Event.say(said), kb, NOW)
    assert out.state.step == "has_district_featured_department"
    return out


@pytest.mark.parametrize("said", ["否", "没有", "还没建成", "press"])
def test_no_premise_skips_the_follow_up(kb, said: str) -> None:
    out = _at_department(kb)
    event = Event.press(out.replies[-1].buttons[0][1].data) if said == "press" else Event.say(said)
    after = handle(out.state, event, kb, NOW)
    assert after.state.profile["has_district_featured_department"] is False, _text(after)
    assert after.state.step != FOLLOW_UP and "特色科室平均每天的门诊量" not in _text(after)
    assert "少了 1 道题" in _text(after)


@pytest.mark.parametrize("said", ["是", "不清楚"])
def test_yes_or_unknown_still_asks_the_follow_up(kb, said: str) -> None:
    after = handle(_at_department(kb).state, Event.say(said), kb, NOW)
    assert after.state.step == FOLLOW_UP, _text(after)


def test_back_to_yes_asks_the_follow_up_again(kb) -> None:
    skipped = handle(_at_department(kb).state, Event.say("否"), kb, NOW)
    back = handle(skipped.state, Event.say("上一步"), kb, NOW)
    assert back.state.step == "has_district_featured_department"
    again = handle(back.state, Event.say("是"), kb, NOW)
    assert again.state.step == FOLLOW_UP


def test_the_result_says_why_not_unknown(kb) -> None:
    verdict = evaluate({"has_district_featured_department": False}, kb.rules[REGION])
    follow = next(r for r in verdict.criteria if r.id == "c3b-featured-daily-visits")
    assert follow.status == "fail" and "尚未建成区县级特色科室" in follow.message
    known = evaluate({"has_district_featured_department": True, FOLLOW_UP: 40}, kb.rules[REGION])
    assert next(r for r in known.criteria if r.id == "c3b-featured-daily-visits").status == "pass"


def test_a_premise_needs_its_message() -> None:
    base = {
        "id": "x",
        "force": "condition",
        "title": "t",
        "field": "f",
        "why": "w",
        "pass": "p",
        "fail": "f",
        "citation": {"document": "d", "section": "s", "quote": "q"},
    }
    with pytest.raises(ValueError, match="premise"):
        CriterionModel.model_validate({**base, "premise": "has_x"})
    assert CriterionModel.model_validate({**base, "premise": "has_x", "premise_fail": "没有x"}).premise == "has_x"
