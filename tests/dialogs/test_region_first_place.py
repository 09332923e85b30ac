"""Newcomer trial 3, F24: the place named first is where the institution is. A place not covered named
before a covered one (河北廊坊 … 北京的方案; 上海闵行 … 渝中的做法) sets no region — the question is
answered (不能套用) and the region asked again; a covered place named first still sets its region."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)


def _at_region_prompt(kb):
    out = handle(UserState(user_id=1), Event.command("start"), kb, NOW)
    assert out.state.dialog == "onboarding" and out.state.step == "region"
    return out.state


@pytest.mark.parametrize(
    "typed",
    [
        "河北廊坊的乡镇卫生院，离北京近，能按北京的方案来吗",
        "我是上海闵行的社区卫生服务中心主任，想参考下重庆渝中的做法，验收要啥条件",
        "广东佛山的卫生院，吉林的条件是什么",
    ],
)
def test_a_place_not_covered_named_first_sets_no_region(kb, typed: str) -> None:
    out = handle(_at_region_prompt(kb), Event.say(typed), kb, NOW)
    text = "\n".join(r.text for r in out.replies)
    assert out.state.region is None and out.state.step == "region", text
    assert "已将地区设为" not in text and "没有收录" in text


@pytest.mark.parametrize(("typed", "region"), [("吉林长春的卫生院", "jilin"), ("北京海淀，吉林怎么规定的", "beijing")])
def test_a_covered_place_named_first_sets_its_region(kb, typed: str, region: str) -> None:
    assert handle(_at_region_prompt(kb), Event.say(typed), kb, NOW).state.region == region
