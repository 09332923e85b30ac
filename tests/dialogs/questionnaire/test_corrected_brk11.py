"""Breaker brk11, B16: an earlier /check answer corrected in words at another question — by its number
(第2题改成35张), as the one before (上一题改成90%) or by its subject with a slip said (刚才床位填错了，应该是35张) —
got "这里只需要一个数字" or "没有看懂", and the wrong answer stayed (dialogs/questionnaire/corrected.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event
from dialogs.router import handle
from tests.dialogs.check_steps import at_question

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


def _at_area(kb):
    """吉林 /check at 业务用房 (question 4) with 是, 40 张 and 80 % given."""
    state = at_question(kb, "jilin", "local_government_support", NOW)
    for typed in ("是", "40", "80"):
        state = handle(state, Event.say(typed), kb, NOW).state
    assert state.step == "floor_area_m2"
    return state


@pytest.mark.parametrize(
    ("typed", "field", "value"),
    [
        ("第2题改成35张", "open_beds", 35),
        ("把第二题改为35", "open_beds", 35),
        ("第2题填错了，应该是35张", "open_beds", 35),
        ("上一题改成90%", "bed_occupancy_rate", 90),
        ("上一个应该是九成", "bed_occupancy_rate", 90),
        ("刚才床位填错了，应该是35张", "open_beds", 35),
        ("床位写错了，是35张", "open_beds", 35),
        ("使用率写错了，是85%", "bed_occupancy_rate", 85),
        ("第1题改成否", "local_government_support", False),
        ("第一题选错了，应该是不清楚", "local_government_support", None),
    ],
)
def test_an_earlier_answer_corrected_in_words_is_changed(kb, typed: str, field: str, value) -> None:
    out = handle(_at_area(kb), Event.say(typed), kb, NOW)
    assert out.state.profile[field] == value
    assert out.state.step == "floor_area_m2", "the pending question is asked again"
    said = "\n".join(r.text for r in out.replies)
    assert "改为" in said and "第 4/" in said


def test_a_correction_to_the_same_value_says_so(kb) -> None:
    out = handle(_at_area(kb), Event.say("第2题改成40张"), kb, NOW)
    assert out.state.profile["open_beds"] == 40 and "已经是" in out.replies[0].text


@pytest.mark.parametrize(
    ("typed", "step"), [("第2题改成三十来张", "open_beds"), ("上一题改成0.75", "bed_occupancy_rate")]
)
def test_a_new_answer_that_question_does_not_take_asks_that_question(kb, typed: str, step: str) -> None:
    out = handle(_at_area(kb), Event.say(typed), kb, NOW)
    assert out.state.profile["open_beds"] == 40 and out.state.profile["bed_occupancy_rate"] == 80
    assert out.state.step == step


@pytest.mark.parametrize("typed", ["3200", "第2题是什么意思", "3200平方米"])
def test_no_correction_reads_as_before(kb, typed: str) -> None:
    out = handle(_at_area(kb), Event.say(typed), kb, NOW)
    assert out.state.profile["open_beds"] == 40 and out.state.profile["bed_occupancy_rate"] == 80


def test_a_question_not_yet_answered_is_not_corrected(kb) -> None:
    out = handle(_at_area(kb), Event.say("第6题改成35"), kb, NOW)
    assert out.state.profile.get("public_health_physicians") != 35
