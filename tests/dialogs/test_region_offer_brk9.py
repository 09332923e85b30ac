"""Breaker brk9, the region offer (dialogs/region_offer.py), the kinds over phrasings × regions:

- R1/R2 a bare place with a closing mark or particle (北京。 北京！ 北京？ 北京吧) is a bare place: the offer
  and its button, idle or mid-/check — it was searched as a question (idle) or "没有看懂" (mid-/check);
- R3 a hedge before the subject (其实我们是北京的, 对了我们在海淀) states the place as 我们其实是北京的 does —
  it was answered as a question about Beijing's beds;
- R4/R5 a bare place is answered with its region's overview entries, whatever its spelling — 海淀 was
  "这个问题我的资料库里没有答案", 长春市 the 2020 mailing address, 北京 three suggestions, 北京市 an overview.
"""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import common as C
from tests.dialogs.check_steps import at_question

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
REGIONS = ("national", "jilin", "chongqing-yuzhong", "beijing")
PLACES = {
    "北京": "beijing",
    "海淀": "beijing",
    "北京市朝阳区": "beijing",
    "渝中": "chongqing-yuzhong",
    "长春市": "jilin",
    "吉林省": "jilin",
    "全国": "national",
    "国家层面": "national",
}
STEPS = {"jilin": "bed_occupancy_rate", "national": "bed_occupancy_rate", "chongqing-yuzhong": "general_practitioners"}
ENDINGS = ("", "。", "！", "？", "吧", "...")
# what a decline or an ask-back opens with: never the reply to a place alone
NOT_FOR_A_PLACE = ("没有答案", "我不太确定您想问的是哪一个", "没有找到回答这个问题的内容")


def _buttons(out) -> list[str]:
    return [b.data for r in out.replies for row in r.buttons for b in row]


def _overview_ids(kb, region: str) -> set[str]:
    return {a.entry_id for a in kb.index.answers if a.overview and region in a.regions}


@pytest.mark.parametrize("current", REGIONS)
@pytest.mark.parametrize(("place", "region"), list(PLACES.items()))
@pytest.mark.parametrize("ending", ENDINGS)
def test_a_bare_place_gets_its_overview_and_the_offer(kb, current: str, place: str, region: str, ending: str) -> None:
    out = handle(UserState(user_id=1, region=current), Event.say(place + ending), kb, NOW)
    said = "\n".join(r.text for r in out.replies)
    assert out.state.region == current
    assert not any(w in said for w in NOT_FOR_A_PLACE), said[:120]
    overview = [kb.index.entry(i) for i in _overview_ids(kb, region)]
    assert overview and all(a.answer[:20] in said for a in overview), said[:200]
    switch = f"g:rgn:{region}"
    assert (switch in _buttons(out)) == (region != current)
    if region != current:
        assert handle(out.state, Event.press(switch), kb, NOW).state.region == region


@pytest.mark.parametrize("current", ("jilin", "chongqing-yuzhong", "national"))
@pytest.mark.parametrize(
    "typed", ["北京。", "北京！", "其实我们是北京的", "对了，我们在北京海淀", "其实我们是北京朝阳的。"]
)
def test_a_place_said_mid_check_is_offered_with_a_mark_or_a_hedge(kb, current: str, typed: str) -> None:
    step = STEPS[current]
    state = at_question(kb, current, step, NOW)
    out = handle(state, Event.say(typed), kb, NOW)
    assert out.state.region == current and out.state.step == step
    assert "g:rgn:beijing" in _buttons(out), [r.text[:60] for r in out.replies]
    assert kb.fields[step].question[:10] in out.replies[-1].text


@pytest.mark.parametrize("current", ("jilin", "chongqing-yuzhong", "national"))
@pytest.mark.parametrize("typed", ["其实我们是北京的", "对了我们在海淀", "说实话我们单位在北京"])
def test_a_hedged_place_said_idle_changes_the_region(kb, current: str, typed: str) -> None:
    """As 我们其实是北京的 does when no dialog runs (README: 我在长春, 我们是朝阳区的 change the region)."""
    out = handle(UserState(user_id=1, region=current), Event.say(typed), kb, NOW)
    assert out.state.region == "beijing"


@pytest.mark.parametrize("typed", ["其实北京床位要多少", "说实话我们床位不够", "北京。床位要多少"])
def test_a_question_beside_a_place_is_still_a_question(kb, typed: str) -> None:
    out = handle(UserState(user_id=1, region="jilin"), Event.say(typed), kb, NOW)
    assert out.state.region == "jilin"
    assert C.REGION_SWITCH_BUTTON.format(short="北京") not in [
        b.label for r in out.replies for row in r.buttons for b in row
    ]


def test_a_place_with_ne_after_a_question_asks_it_there(kb) -> None:
    """brk9 R6, fixed in session 10 (dialogs/follow_up.py); the whole kind: tests/dialogs/test_follow_up_brk10.py."""
    first = handle(UserState(user_id=1, region="jilin"), Event.say("床位要多少张"), kb, NOW)
    out = handle(first.state, Event.say("北京呢"), kb, NOW)
    assert "床位" in out.replies[0].text
