"""Newcomer trial 9, finding 3: "年诊疗人次是常住人口的两倍" typed at 渝中's 年诊疗人次数 question brought a whole
situation verdict (about 1,200 characters) in the middle of /check, and nothing was recorded. A ratio typed at
one of the counts a criterion is computed from gets one line — which two counts the item takes — and the
question again; nothing is recorded or guessed. A question about the ratio is still answered as a question."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
REGION = "chongqing-yuzhong"


def _text(out) -> str:
    return "\n".join(r.text for r in out.replies)


def _at(kb, step: str):
    state = handle(UserState(user_id=1, region=REGION), Event.command("check"), kb, NOW).state
    state.step, state.data["mode"] = step, "ask"
    return state


@pytest.mark.parametrize(
    ("step", "typed", "other"),
    [
        ("annual_visits", "年诊疗人次是常住人口的两倍", "辖区常住人口"),
        ("annual_visits", "大概是服务人口的2.5倍", "辖区常住人口"),
        ("annual_visits", "两倍多", "辖区常住人口"),
        ("resident_population", "诊疗人次是人口的三倍", "年诊疗人次数"),
        ("general_practitioners", "每万人口有3个全科医生", "辖区常住人口"),
        ("resident_population", "每万人口全科医生2.5个", "全科医生数"),
    ],
)
def test_a_ratio_at_a_count_asks_for_the_counts_in_one_line(kb, step: str, typed: str, other: str) -> None:
    state = _at(kb, step)
    out = handle(state, Event.say(typed), kb, NOW)
    said = _text(out)
    assert "两个数来算" in said and other in said, said
    assert "结论" not in said and "✅" not in said and len(said) < 400, said  # no verdict screen
    assert out.state.step == step and out.state.profile == state.profile  # nothing recorded


@pytest.mark.parametrize("typed", ["年诊疗人次要达到常住人口的几倍？", "每万人口要有几个全科医生"])
def test_a_question_about_the_ratio_is_not_taken_for_one(kb, typed: str) -> None:
    out = handle(_at(kb, "annual_visits"), Event.say(typed), kb, NOW)
    assert "两个数来算" not in _text(out)


def test_the_count_itself_is_still_recorded(kb) -> None:
    out = handle(_at(kb, "annual_visits"), Event.say("12万"), kb, NOW)
    assert out.state.profile.get("annual_visits") == 120000
