"""Newcomer trial 3, F24: the region is where the director says they ARE (我们是/我在/我们…的, or the
first place named that is not a model); a place named as a comparison or model (按/参考/像/跟…一样)
never sets it. A not-covered place beside a covered one is answered as not covered, at the region
prompt, with /region and in a question, and the covered region's plan is said not to bind it."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle
from dialogs.texts import common as C
from dialogs.texts import qa as Q
from knowledge.places import places_named

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
NOT_COVERED = [
    ("河北廊坊的乡镇卫生院，离北京近，能按北京的方案来吗", "河北省廊坊市", "北京市"),
    ("我是上海闵行的社区卫生服务中心主任，想参考下重庆渝中的做法，验收要啥条件", "上海市闵行区", "重庆市渝中区"),
    ("我们是广州的，能跟吉林一样报吗", "广东省广州市", "吉林省"),
    ("能照北京的来吗？我们在天津", "天津市", "北京市"),
]


def _at_region_prompt(kb) -> UserState:  # type: ignore[no-untyped-def]
    out = handle(UserState(user_id=1), Event.command("start"), kb, NOW)
    assert out.state.step == "region"
    return out.state


@pytest.mark.parametrize(("typed", "place", "covered"), NOT_COVERED)
def test_a_not_covered_place_beside_a_covered_one_sets_no_region(kb, typed, place, covered) -> None:
    out = handle(_at_region_prompt(kb), Event.say(typed), kb, NOW)
    text = "\n".join(r.text for r in out.replies)
    assert out.state.region is None and out.state.step == "region", text
    assert Q.NOT_COVERED.format(places=place) in text
    assert Q.ONLY_APPLIES.format(regions=covered, places=place) in text
    assert C.REGION_SET.split("{")[0] not in text


@pytest.mark.parametrize(("typed", "place", "covered"), NOT_COVERED)
def test_region_command_with_such_a_text_sets_no_region(kb, typed, place, covered) -> None:
    out = handle(UserState(user_id=1), Event.command("region", typed), kb, NOW)
    assert out.state.region is None


@pytest.mark.parametrize(
    ("typed", "region"),
    [
        ("我们是吉林的，能按北京的来吗", "jilin"),
        ("能按北京的方案来吗，我们在吉林长春", "jilin"),
        ("北京海淀的，想参考下渝中的做法", "beijing"),
        ("渝中区的 大坪街道社区卫生服务中心", "chongqing-yuzhong"),
    ],
)
def test_the_place_the_director_is_in_wins_over_a_reference(kb, typed, region) -> None:
    out = handle(_at_region_prompt(kb), Event.say(typed), kb, NOW)
    assert out.state.region == region


@pytest.mark.parametrize("typed", ["能按北京的方案来吗", "想参考下渝中的做法", "跟吉林一样吗"])
def test_a_place_named_only_as_a_model_sets_no_region(kb, typed) -> None:
    assert places_named(typed).own is None
    out = handle(_at_region_prompt(kb), Event.say(typed), kb, NOW)
    assert out.state.region is None


@pytest.mark.parametrize(
    "typed", ["我们是上海浦东的社区卫生服务中心，国家对床位有啥要求"]
)
def test_a_not_covered_director_asking_the_national_rule_gets_it(kb, typed) -> None:
    """F12: the self-introduction names a place not covered; what is asked (国家…) is searched in the
    national text and given as a reference, not refused."""
    out = handle(UserState(user_id=1, region="national"), Event.say(typed), kb, NOW)
    text = "\n".join(r.text for r in out.replies)
    assert Q.NATIONAL_FOR_REFERENCE in text and "317号" in text, text


def test_a_question_about_a_not_covered_place_at_the_region_prompt_is_answered(kb) -> None:
    out = handle(_at_region_prompt(kb), Event.say("那上海的社区医院床位要求多少张？"), kb, NOW)
    text = "\n".join(r.text for r in out.replies)
    assert Q.NOT_COVERED.format(places="上海市") in text
    # the only national bed figure is the 2019 basic standard's, known from news reports: shown as such
    assert Q.NATIONAL_REPORTED_FOR_REFERENCE in text and "30张" in text and "新闻报道" in text
    assert out.state.region is None and out.state.step == "region"
