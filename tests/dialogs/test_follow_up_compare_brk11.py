"""Breaker brk11, B7 and B9 (dialogs/follow_up.py): after an answered question, "跟国家比", "和北京比一下呢",
"北京和吉林比呢", "对比一下渝中" got three unrelated suggestions — the question is now compared across those places;
and "那北京的呢" after 吉林2020年的方案还有效吗 (or 北京呢 after 5号文还算数吗) asked Beijing about 吉林's 2020 text
and got an unrelated passage — the marks of the last place's text (2020年的, 5号文) are no longer asked there."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, UserState
from dialogs.router import handle

NOW = dt.datetime(2026, 12, 1, 10, tzinfo=SHANGHAI)
COMPARISONS = {
    "跟国家比": ("全国", "吉林"),
    "跟国家比呢": ("全国", "吉林"),
    "和北京比一下呢": ("吉林", "北京"),
    "北京和吉林比呢": ("北京", "吉林"),
    "对比一下渝中": ("吉林", "渝中"),
    "跟北京比较": ("吉林", "北京"),
}


def _after(question: str, typed: str, kb, region: str = "jilin"):
    first = handle(UserState(user_id=1, region=region), Event.say(question), kb, NOW)
    return handle(first.state, Event.say(typed), kb, NOW)


@pytest.mark.parametrize("question", ["床位要多少张", "什么时候截止"])
@pytest.mark.parametrize(("typed", "places"), list(COMPARISONS.items()))
def test_a_comparison_after_a_question_compares_that_question(kb, question, typed, places) -> None:
    out = _after(question, typed, kb)
    said = out.replies[0].text
    assert said.startswith("分地区回答") and all(p in said[:40] for p in places), said[:80]
    assert out.state.region == "jilin"


def test_one_place_with_no_region_of_ones_own_compares_nothing(kb) -> None:
    first = handle(UserState(user_id=1, region=None), Event.say("全国床位要多少张"), kb, NOW)
    out = handle(first.state, Event.say("跟国家比"), kb, NOW)
    assert not out.replies[0].text.startswith("分地区回答")


@pytest.mark.parametrize(
    ("question", "typed", "title"),
    [
        ("吉林2020年的方案还有效吗", "那北京的呢", "北京市统筹开展"),
        ("5号文还算数吗", "北京呢", "北京市统筹开展"),
        ("吉林2020年的方案还有效吗", "渝中呢", "渝中卫发〔2021〕49号"),
        ("2024年发的行动方案管的是哪几年", "北京呢", "北京市统筹开展"),
    ],
)
def test_the_last_places_text_is_not_asked_of_another(kb, question: str, typed: str, title: str) -> None:
    said = _after(question, typed, kb).replies[0].text
    assert title in said[:80] and "适用期" in said, said[:120]


@pytest.mark.parametrize(
    "typed", ["除了申请表还有什么", "除了申请表，还要啥", "那除了申请表呢", "除了申请表之外还有哪些"]
)
def test_besides_after_a_question_asks_that_question_besides(kb, typed: str) -> None:
    """B8: 除了申请表还有什么 after 申报要交哪些材料 got the 2020 plan's annex addresses."""
    out = _after("申报要交哪些材料", typed, kb)
    said = out.replies[0].text
    assert "机构建设方案" in said and "http" not in said, said[:120]
