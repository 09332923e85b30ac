"""Issue 10, offered values: a bare "1" typed where 沿用 is the first button is not silently saved as
1 张 / 1 % / 1 m², and a value outside a field's usual range (fields.yaml `plausible`) is confirmed
before it is saved, like 0.75 → 75 %."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.clock import SHANGHAI
from core.model import Event, Outcome, UserState
from dialogs.router import handle
from dialogs.texts import questionnaire as T
from knowledge.base import KnowledgeBase

NOW = dt.datetime(2026, 3, 10, 10, tzinfo=SHANGHAI)


def walk_to(kb: KnowledgeBase, state: UserState, field: str) -> UserState:
    out = handle(state, Event.command("check"), kb, NOW)
    while out.state.step != field:
        assert out.state.dialog == "questionnaire", field
        out = handle(out.state, Event.say("沿用" if out.state.data.get("mode") == "reuse" else "不清楚"), kb, NOW)
    return out.state


def press(kb: KnowledgeBase, out: Outcome, label_start: str) -> Outcome:
    data = next(b.data for r in out.replies for row in r.buttons for b in row if b.label.startswith(label_start))
    return handle(out.state, Event.press(data), kb, NOW)


@pytest.mark.parametrize(("field", "stored"), [("open_beds", 30), ("bed_occupancy_rate", 80), ("floor_area_m2", 3000)])
def test_a_bare_1_where_keep_is_offered_is_asked_about(kb, field: str, stored: int) -> None:
    state = walk_to(kb, UserState(user_id=1, region="jilin", profile={field: stored}), field)
    assert state.data["mode"] == "reuse"
    out = handle(state, Event.say("1"), kb, NOW)
    assert out.state.profile[field] == stored and out.state.step == field  # nothing saved yet
    labels = [b.label for r in out.replies for row in r.buttons for b in row]
    assert any(label.startswith("沿用") for label in labels) and any(label.startswith("改为") for label in labels)
    kept = press(kb, out, "沿用")
    assert kept.state.profile[field] == stored and kept.state.step != field
    changed = handle(out.state, Event.say("是"), kb, NOW)
    assert changed.state.profile[field] == 1 or changed.state.step == field  # 1 % / 1 m² is confirmed again


def test_one_square_metre_of_floor_area_is_confirmed(kb) -> None:
    state = walk_to(kb, UserState(user_id=1, region="jilin"), "floor_area_m2")
    out = handle(state, Event.say("1"), kb, NOW)
    assert "floor_area_m2" not in out.state.profile and out.state.data["mode"] == "confirm"
    assert "低于" in out.replies[-1].text
    again = press(kb, out, T.RETYPE_BUTTON)
    assert "floor_area_m2" not in again.state.profile and again.state.data["mode"] == "ask"
    sure = handle(out.state, Event.say("是"), kb, NOW)
    assert sure.state.profile["floor_area_m2"] == 1


def test_a_usual_value_is_saved_at_once(kb) -> None:
    state = walk_to(kb, UserState(user_id=1, region="jilin"), "floor_area_m2")
    out = handle(state, Event.say("3200平方米"), kb, NOW)
    assert out.state.profile["floor_area_m2"] == 3200


def test_an_approximate_value_stays_marked_after_the_confirmation(kb) -> None:
    state = walk_to(kb, UserState(user_id=1, region="jilin"), "open_beds")
    out = handle(handle(state, Event.say("约600张"), kb, NOW).state, Event.say("是"), kb, NOW)
    assert out.state.profile["open_beds"] == 600 and T.RECORDED_APPROX in out.replies[0].text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_property_outside_the_usual_range_is_confirmed_inside_is_saved(kb, data: st.DataObject) -> None:
    asked = {n for rs in kb.rules.values() for n in rs.fields_needed()}
    name = data.draw(st.sampled_from(sorted(n for n, f in kb.fields.items() if f.plausible and n in asked)))
    spec = kb.fields[name]
    low, high = spec.min or 0, spec.max or 10**6
    value = data.draw(st.integers(min_value=int(low), max_value=int(high)))
    region = next(r for r, rs in kb.rules.items() if name in rs.fields_needed())
    state = UserState(
        user_id=1,
        region=region,
        dialog="questionnaire",
        step=name,
        data={"region": region, "answered": [], "mode": "ask"},
    )
    suffix = "%" if spec.kind == "percent" else spec.unit
    out = handle(state, Event.say(f"{value}{suffix}"), kb, NOW)
    if spec.implausible(value):
        assert name not in out.state.profile and out.state.data.get("confirm") == "plausible"
    else:
        assert out.state.profile.get(name) == value


# F6: the same figure typed again at its own confirmation is still not a choice between the buttons.
@pytest.mark.parametrize(("field", "stored"), [("open_beds", 30), ("floor_area_m2", 3000)])
def test_a_repeated_1_at_the_offered_prompt_is_not_taken(kb, field: str, stored: int) -> None:
    state = walk_to(kb, UserState(user_id=1, region="jilin", profile={field: stored}), field)
    out = handle(state, Event.say("1"), kb, NOW)
    assert out.state.data.get("confirm") == "offered"
    again = handle(out.state, Event.say("1"), kb, NOW)
    assert again.state.profile[field] == stored and again.state.step == field
    assert again.state.data.get("confirm") == "offered"
    assert T.SAME_AGAIN.format(typed="1") in again.replies[0].text
    thrice = handle(again.state, Event.say("1"), kb, NOW)
    assert thrice.state.profile[field] == stored, "never taken by repetition"
    changed = handle(again.state, Event.say("改为"), kb, NOW)
    assert changed.state.profile.get(field) == 1 or changed.state.data.get("confirm") == "plausible"


def test_a_repeated_figure_at_a_plausibility_prompt_is_not_taken(kb) -> None:
    state = walk_to(kb, UserState(user_id=1, region="chongqing-yuzhong"), "resident_population")
    out = handle(state, Event.say("1"), kb, NOW)
    assert out.state.data.get("confirm") == "plausible"
    again = handle(out.state, Event.say("1"), kb, NOW)
    assert "resident_population" not in again.state.profile and again.state.data.get("confirm") == "plausible"


def test_every_numeric_field_has_a_usual_range(kb) -> None:
    numeric = [f for f in kb.fields.values() if f.kind in ("int", "number", "percent")]
    assert numeric and all(f.plausible is not None for f in numeric), [f.name for f in numeric if not f.plausible]


def test_one_visit_a_day_in_the_featured_department_is_confirmed(kb) -> None:
    state = walk_to(kb, UserState(user_id=1, region="chongqing-yuzhong"), "featured_department_daily_visits")
    out = handle(state, Event.say("1"), kb, NOW)
    assert "featured_department_daily_visits" not in out.state.profile and out.state.data["confirm"] == "plausible"
