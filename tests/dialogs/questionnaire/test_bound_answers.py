"""Breaker B4: inside /check, "不到九成" typed at the occupancy question was searched as a question (the
取消资格 paragraph came back) and the earlier 90 % stayed on offer. A bound (不到九成, 少于50张, 超过七成)
is an answer: read as its interval and said back — across a limit (要看准确的数), wholly short of one
(已达不到), or deciding nothing — never recorded as its figure, never searched; and an earlier answer
outside what was just said (bound or approximate: 不到九成, 将近八成, 差不多三十张, 将近3000平米) is dropped
and said so, the question asked afresh, not 沿用 offered again. Driven through the router."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import questionnaire as T

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
TYPED = {"local_government_support": "是", "open_beds": "40", "bed_occupancy_rate": "80", "floor_area_m2": "3500"}
DROPPED = T.STALE_DROPPED.rsplit("，", 1)[-1]  # 已不再沿用。
PRIOR = {"local_government_support": True, "open_beds": 40, "bed_occupancy_rate": 90, "floor_area_m2": 3500}


def _buttons(out) -> list[str]:
    return [b.data for r in out.replies for row in r.buttons for b in row]


def _at(kb, region: str, field: str, prior: dict | None = None) -> UserState:
    """A /check run of `region` waiting at `field`'s question, the earlier ones answered (with `prior`
    stored from an earlier run: each offered to keep, and kept)."""
    out = handle(UserState(user_id=1, region=region, profile=dict(prior or {})), Event.command("check"), kb, NOW)
    restart = [b for b in _buttons(out) if b.endswith(":new")]
    state = handle(out.state, Event.press(restart[0]), kb, NOW).state if restart else out.state
    for _ in range(12):
        if state.step == field:
            return state
        typed = "沿用" if state.step in (prior or {}) else TYPED[state.step]
        state = handle(state, Event.say(typed), kb, NOW).state
    raise AssertionError(f"never reached {field}")


def _said(out) -> str:
    return "\n".join(r.text for r in out.replies)


BOUNDS = [
    ("bed_occupancy_rate", "不到九成", T.BOUND_DEPENDS, "床位使用率≥75%"),
    ("bed_occupancy_rate", "超过七成", T.BOUND_DEPENDS, "床位使用率≥75%"),
    ("bed_occupancy_rate", "不到七成", T.BOUND_SHORT, "床位使用率≥75%"),
    ("bed_occupancy_rate", "低于75%", T.BOUND_SHORT, "床位使用率≥75%"),
    ("open_beds", "不到30张", T.BOUND_SHORT, "实际开放床位数≥30张"),
    ("open_beds", "少于50张", T.BOUND_DEPENDS, "实际开放床位数≥30张"),
    ("floor_area_m2", "不到五千平", T.BOUND_DEPENDS, "业务用房建筑面积≥3000平方米"),
]


@pytest.mark.parametrize(("field", "typed", "template", "limit"), BOUNDS)
def test_a_bound_is_an_answer_said_back_never_a_question(kb, field, typed, template, limit) -> None:
    out = handle(_at(kb, "jilin", field), Event.say(typed), kb, NOW)
    text = _said(out)
    assert text.startswith(template.split("“")[0] + "“" + typed + "”"), text
    assert limit in text and "📄 出处" not in text, "said back, not searched"
    assert not out.unread and out.state.step == field and field not in out.state.profile


def test_a_bound_deciding_nothing_asks_for_the_figure(kb) -> None:
    state = handle(UserState(user_id=1, region="national"), Event.command("check"), kb, NOW).state
    for typed in ("是", "1"):
        state = handle(state, Event.say(typed), kb, NOW).state
    assert state.step == "open_beds"
    out = handle(state, Event.say("不到三十张"), kb, NOW)
    text = _said(out)
    assert text.startswith(T.BOUND_EXACT.split("“")[0]) and not out.unread and "open_beds" not in out.state.profile


STALE = [
    ("bed_occupancy_rate", "不到九成", "90%"),
    ("bed_occupancy_rate", "将近八成", "90%"),
    ("bed_occupancy_rate", "七成左右", "90%"),
    ("open_beds", "差不多三十张", "40张"),
    ("open_beds", "不到30张", "40张"),
    ("floor_area_m2", "将近3000平米", "3500平方米"),
]


@pytest.mark.parametrize(("field", "typed", "old"), STALE)
def test_an_earlier_answer_outside_what_is_said_is_dropped_and_said(kb, field, typed, old) -> None:
    state = _at(kb, "jilin", field, PRIOR)
    assert any(b.endswith(":keep") for b in _buttons(handle(state, Event.say("为什么问这个"), kb, NOW)))
    out = handle(state, Event.say(typed), kb, NOW)
    text = _said(out)
    assert f"上次填的 {old} " in text and DROPPED in text, text
    assert field not in out.state.profile, "the old value is not kept"
    assert not any(b.endswith(":keep") for b in _buttons(out)), "沿用 is not offered again"
    exact = {"bed_occupancy_rate": "78", "open_beds": "31", "floor_area_m2": "2950"}[field]
    after = handle(out.state, Event.say(exact), kb, NOW)
    assert after.state.profile[field] == float(exact) and after.state.step != field


def test_an_earlier_answer_inside_what_is_said_stays_on_offer(kb) -> None:
    state = _at(kb, "jilin", "bed_occupancy_rate", {**PRIOR, "bed_occupancy_rate": 85})
    out = handle(state, Event.say("不到九成"), kb, NOW)
    assert DROPPED not in _said(out)
    assert out.state.profile["bed_occupancy_rate"] == 85 and any(b.endswith(":keep") for b in _buttons(out))
