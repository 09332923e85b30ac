"""Brief polish 3: an approximate answer to a /check question (差不多30张, 三十来张, 大概七成左右,
将近3000平米) is read as the range it stands for, by the situations' own reading (numerals through
cn2an); when the range straddles a limit of the region's rules the answer is not recorded — the
verdict depends on the exact figure — and the question is asked again. A range wholly on one side is
recorded as the figure said, marked 按约数记录."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import questionnaire as T

NOW = dt.datetime(2026, 11, 30, 10, tzinfo=SHANGHAI)
DEPENDS = T.APPROX_DEPENDS.split("{")[0]


def _at(kb, field: str) -> UserState:
    """A Jilin /check run waiting at `field`'s question (the earlier ones answered)."""
    state = handle(UserState(user_id=1, region="jilin"), Event.command("check"), kb, NOW).state
    answers = {"local_government_support": "是", "open_beds": "40", "bed_occupancy_rate": "80"}
    for name, typed in answers.items():
        if state.step == field:
            break
        assert state.step == name
        state = handle(state, Event.say(typed), kb, NOW).state
    assert state.step == field
    return state


@pytest.mark.parametrize(
    ("field", "typed", "limit"),
    [
        ("open_beds", "差不多30张", "实际开放床位数≥30张"),
        ("bed_occupancy_rate", "七十来", "床位使用率≥75%"),  # 70–79 %: across 75 % (newcomer trial 7, N15)
        ("open_beds", "大约30张吧", "实际开放床位数≥30张"),
        ("open_beds", "30张左右", "实际开放床位数≥30张"),
        ("bed_occupancy_rate", "大概七成左右", "床位使用率≥75%"),
        ("bed_occupancy_rate", "75%上下", "床位使用率≥75%"),
        ("floor_area_m2", "将近3000平米", "业务用房建筑面积≥3000平方米"),
        ("floor_area_m2", "三千平左右", "业务用房建筑面积≥3000平方米"),
    ],
)
def test_an_approximation_across_a_limit_is_not_recorded(kb, field, typed, limit) -> None:
    state = _at(kb, field)
    out = handle(state, Event.say(typed), kb, NOW)
    text = "\n".join(r.text for r in out.replies)
    assert text.startswith(DEPENDS) and limit in text, text
    assert field not in out.state.profile and out.state.step == field, "asked again, nothing recorded"
    assert T.RECORDED.split("{")[0] not in text


@pytest.mark.parametrize(
    ("field", "typed", "value"),
    [
        ("open_beds", "差不多40张", 40),
        ("open_beds", "40来张", 40),
        ("bed_occupancy_rate", "大概九成", 90),
        ("floor_area_m2", "将近2000平米", 2000),
        ("floor_area_m2", "约4000平方米", 4000),
    ],
)
def test_an_approximation_on_one_side_is_recorded_as_approximate(kb, field, typed, value) -> None:
    state = _at(kb, field)
    out = handle(state, Event.say(typed), kb, NOW)
    text = "\n".join(r.text for r in out.replies)
    assert out.state.profile[field] == value and T.RECORDED_APPROX in text, text


def test_an_exact_figure_at_the_limit_is_recorded(kb) -> None:
    out = handle(_at(kb, "open_beds"), Event.say("30张"), kb, NOW)
    assert out.state.profile["open_beds"] == 30
