"""Newcomer trial 7, N2: a place named where no region change was asked for is offered, never switched
silently and never left unsaid. A bare place typed while another region is chosen (渝中区, 全国, 北京朝阳,
吉林) is answered as before, with a line saying the region stays and a 切换到… button; a place stated in
the middle of /check (我们其实是北京通州的) offers the switch and asks the pending question again; the
button switches as /region does."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from tests.dialogs.check_steps import at_question

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
REGIONS = ("national", "jilin", "chongqing-yuzhong", "beijing")
BARE = {"渝中区": "chongqing-yuzhong", "全国": "national", "北京朝阳": "beijing", "吉林": "jilin", "长春": "jilin"}


def _switch_button(replies, region: str):
    return next((b for r in replies for row in r.buttons for b in row if b.data == f"g:rgn:{region}"), None)


@pytest.mark.parametrize("current", REGIONS)
@pytest.mark.parametrize(("typed", "named"), list(BARE.items()))
def test_a_bare_place_keeps_the_region_and_offers_the_switch(kb, current: str, typed: str, named: str) -> None:
    out = handle(UserState(region=current), Event.say(typed), kb, NOW)
    assert out.state.region == current
    button = _switch_button(out.replies, named)
    if named == current:
        assert button is None
        return
    assert button is not None and kb.regions.name(current) in out.replies[-1].text
    switched = handle(out.state, Event.press(button.data), kb, NOW)
    assert switched.state.region == named


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("我们其实是北京通州的", "beijing"),
        ("我们是重庆渝中的", "chongqing-yuzhong"),
        ("渝中区", "chongqing-yuzhong"),
        ("我们实际上在北京朝阳", "beijing"),
    ],
)
def test_a_place_stated_mid_check_is_offered_and_the_question_kept(kb, typed: str, named: str) -> None:
    state = at_question(kb, "jilin", "bed_occupancy_rate", NOW)
    out = handle(state, Event.say(typed), kb, NOW)
    assert out.state.region == "jilin" and out.state.step == "bed_occupancy_rate"
    assert _switch_button(out.replies, named) is not None
    assert "床位使用率" in out.replies[-1].text
    switched = handle(out.state, Event.press(f"g:rgn:{named}"), kb, NOW)
    assert switched.state.region == named


def test_an_uncovered_place_mid_check_is_said_and_the_question_kept(kb) -> None:
    state = at_question(kb, "jilin", "bed_occupancy_rate", NOW)
    out = handle(state, Event.say("我们其实是上海的"), kb, NOW)
    assert out.state.region == "jilin" and out.state.step == "bed_occupancy_rate"
    assert "上海" in out.replies[0].text and "床位使用率" in out.replies[-1].text


def test_a_change_asked_for_still_changes(kb) -> None:
    out = handle(UserState(region="jilin"), Event.say("换到渝中"), kb, NOW)
    assert out.state.region == "chongqing-yuzhong"


def test_a_stale_region_button_changes_nothing(kb) -> None:
    out = handle(UserState(region="jilin"), Event.press("g:rgn:shanghai"), kb, NOW)
    assert out.state.region == "jilin"
