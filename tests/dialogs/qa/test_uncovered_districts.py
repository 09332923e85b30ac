"""A district name that several cities share (和平区: 天津 and 沈阳) is a place not covered: never read as
a region, never answered with the user's region's rules as if they applied there, said plainly at the
region prompt too. Before, "和平区" was not read at all: the question was declined as off-topic and the
region prompt said it did not recognise the place."""

from __future__ import annotations

import pytest

from core.model import Event, UserState
from dialogs import router
from dialogs.texts import common as C
from tests.dialogs.qa.conftest import text_of, turn_for


@pytest.mark.parametrize(
    ("q", "region"),
    [
        ("和平区", None),
        ("和平区", "jilin"),
        ("和平区床位要多少", "jilin"),
        ("我们在鼓楼区，社区医院申报截止是哪天", None),
        ("河东区的乡镇卫生院能申请社区医院吗", "beijing"),
        ("沈阳和平区的社区卫生服务中心，床位要多少张", "jilin"),
    ],
)
def test_a_shared_district_name_is_said_not_covered(kb, now, q: str, region: str | None) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.kind == "not_covered", turn.text[:160]
    assert "和平区" in turn.text or "鼓楼区" in turn.text or "河东区" in turn.text
    assert turn.region == "national"  # no region's rules as if they applied there


@pytest.mark.parametrize("typed", ["和平区", "我们是和平区的", "鼓楼区"])
def test_at_the_region_prompt_it_is_said_not_covered_and_no_region_is_set(kb, now, typed: str) -> None:
    state = router.handle(UserState(user_id=1), Event.command("start"), kb, now).state
    out = router.handle(state, Event.say(typed), kb, now)
    assert out.state.region is None
    assert C.REGION_NOT_COVERED.split("{place}")[0] in text_of(out)


def test_a_district_of_a_covered_city_sets_its_region(kb, now) -> None:
    state = router.handle(UserState(user_id=1), Event.command("start"), kb, now).state
    out = router.handle(state, Event.say("长春南关区"), kb, now)
    assert out.state.region == "jilin"
