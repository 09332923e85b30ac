"""Newcomer trial 8: typed button labels (N26), a place inside the region set (N27), a figure at a closed
question (N28) and a region's name typed as a homophone (N36) — each over phrasings × regions."""

from __future__ import annotations

import pytest

from core.model import Event, UserState
from dialogs import render
from dialogs.router import handle
from dialogs.texts import common as C
from dialogs.texts import questionnaire as T
from tests.dialogs.check_steps import at_question

REGIONS = ("jilin", "national", "chongqing-yuzhong", "beijing")
SITUATION = {
    "jilin": "床位40张，使用率75%，能申请吗",
    "national": "床位40张，使用率75%，能申请吗",
    "chongqing-yuzhong": "全科医生5个，患者满意度90%，能申请吗",
    "beijing": "公卫人员占比30%，我们是社区卫生服务中心，能申请吗",
}
FIRST_CLOSED = {  # a 是/否 or choice question of each region's run
    "jilin": "local_government_support",
    "national": "meets_basic_standard_resources",
    "chongqing-yuzhong": "community_grade_a",
    "beijing": "service_capability_level",
}
# Places inside each region (a city, a district), as a director says where the institution is.
INSIDE = {
    "jilin": ("我们其实是长春的", "我们是吉林市的", "我们在吉林"),
    "beijing": ("我们是北京的", "我们在北京"),
    "chongqing-yuzhong": ("我们是渝中区的", "我们在重庆渝中"),
}


def _texts(outcome) -> str:
    return "\n".join(r.text for r in outcome.replies)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", ("📝 带着这些数据做完整自评", "带着这些数据做完整自评", "用这些数开始自评"))
def test_the_figures_label_typed_later_acts_while_its_figures_wait(kb, now, region, typed) -> None:
    state = handle(UserState(region=region), Event.say(SITUATION[region]), kb, now).state
    out = handle(state, Event.say(typed), kb, now)
    assert out.state.dialog == "questionnaire" and out.state.data.get("prefilled"), _texts(out)
    again = handle(UserState(region=region), Event.say(typed), kb, now)  # nothing waits: out of date
    assert again.replies[0].text.startswith("“") and "已经过期" in again.replies[0].text
    assert again.state.dialog is None


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", ("继续", "📖 详细说明", "📝 带着这些数据做完整自评", "重新开始", "添加自定义提醒"))
def test_a_stale_label_at_a_check_question_is_said_out_of_date_and_the_question_asked(kb, now, region, typed) -> None:
    state = at_question(kb, region, FIRST_CLOSED[region], now)
    out = handle(state, Event.say(typed), kb, now)
    assert "已经过期" in out.replies[0].text and "没有看懂" not in _texts(out)
    assert out.state.step == state.step and out.state.profile == state.profile and C.PENDING_AGAIN in _texts(out)


@pytest.mark.parametrize("region", REGIONS)
def test_the_details_label_typed_after_a_situation_shows_the_details(kb, now, region) -> None:
    state = handle(UserState(region=region), Event.say(SITUATION[region]), kb, now).state
    typed = handle(state, Event.say("📖 详细说明"), kb, now)
    words = handle(state, Event.say("详细说明"), kb, now)
    assert _texts(typed) == _texts(words) and "已经过期" not in _texts(typed)


@pytest.mark.parametrize(("region", "typed"), [(r, t) for r, places in INSIDE.items() for t in places])
@pytest.mark.parametrize("in_check", (False, True))
def test_a_place_inside_the_region_set_keeps_it_and_says_so(kb, now, region, typed, in_check) -> None:
    state = at_question(kb, region, FIRST_CLOSED[region], now) if in_check else UserState(region=region)
    out = handle(state, Event.say(typed), kb, now)
    name = render.region_name(kb, region)
    assert out.replies[0].text.startswith("地区仍为"), _texts(out)
    assert name in out.replies[0].text and "现在可以直接输入问题" not in _texts(out)
    assert out.state.region == region
    if in_check:
        assert out.state.step == state.step and C.PENDING_AGAIN in _texts(out)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("typed", ("三十来张", "32", "七成", "40张"))
def test_a_figure_at_a_closed_question_is_never_called_not_understood(kb, now, region, typed) -> None:
    state = at_question(kb, region, FIRST_CLOSED[region], now)
    out = handle(state, Event.say(typed), kb, now)
    first = out.replies[0].text
    if first.startswith(T.FIGURE_AT_CLOSED.split("（")[0]):
        assert "没有看懂" not in first, first


@pytest.mark.parametrize(
    ("typed", "region"),
    [("吉临", "jilin"), ("极林", "jilin"), ("吉临省", "jilin"), ("北经", "beijing"), ("渝忠", "chongqing-yuzhong")],
)
@pytest.mark.parametrize("how", ("prompt", "command"))
def test_a_region_typed_as_a_homophone_is_read_and_said(kb, now, typed, region, how) -> None:
    if how == "prompt":
        state = handle(UserState(), Event.command("start"), kb, now).state
        out = handle(state, Event.say(typed), kb, now)
    else:
        out = handle(UserState(region="national"), Event.command("region", typed), kb, now)
    assert out.state.region == region and typed in out.replies[0].text, _texts(out)


@pytest.mark.parametrize("typed", ("南京", "吉安", "天津", "重亲"))
def test_a_place_that_only_looks_alike_is_never_taken(kb, now, typed) -> None:
    state = handle(UserState(), Event.command("start"), kb, now).state
    out = handle(state, Event.say(typed), kb, now)
    assert out.state.region is None
