"""Newcomer trial 5, N1 and N5: a question naming a situation that bars applying.

N1: in 渝中, "出租科室了还能申请吗" got the calendar's "常态化受理 … 自评达标后可申请" (it matched the
"还能申请吗" of a still-open question): any phrasing naming a bar of the region's rules (出租/承包科室,
骗保, 医疗事故) gets that bar, never the calendar. A still-open question naming no bar keeps the calendar.
N5: a bar said without every condition of its rule (二级及以上, 负主要责任, 两年内) gets no ❌; the
reply says what the rule needs, which of it was not said, and that it depends."""

from __future__ import annotations

import pytest

from dialogs.texts import depends as D
from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, text_of

YUZHONG = "chongqing-yuzhong"
CALENDAR = T.STILL_OPEN_HEADER.split("{")[1].split("}")[1][:4]  # "现在（"
DEPENDS = D.BAR_DEPENDS.split("：")[0]


@pytest.mark.parametrize(
    ("text", "bar"),
    [
        ("出租科室了还能申请吗", "出租或承包内部科室"),
        ("科室出租了能申请吗", "出租或承包内部科室"),
        ("科室承包出去了现在还能报吗", "出租或承包内部科室"),
        ("把科室包给别人了今年还能申请吗", "出租或承包内部科室"),
        ("出租了一个科室还来得及申报吗", "出租或承包内部科室"),
        ("我们有个科室外包了，还能申请验收吗", "出租或承包内部科室"),
        ("被医保处罚过还能申请吗", "医保"),
        ("套取医保资金被罚了现在还能报吗", "医保"),
        ("去年出了二级医疗事故我们负主要责任，还能申请吗", "医疗事故"),
    ],
)
def test_a_bar_named_in_any_phrasing_gets_the_bar_not_the_calendar(kb, now, text: str, bar: str) -> None:
    said = text_of(ask(kb, now, text, YUZHONG))
    assert CALENDAR not in said, said[:200]
    assert bar in said and "五（三）" in said, said[:300]


@pytest.mark.parametrize("text", ["现在还能申请吗", "今年还能报吗", "还来得及吗"])
def test_still_open_without_a_bar_keeps_the_calendar(kb, now, text: str) -> None:
    assert CALENDAR in text_of(ask(kb, now, text, YUZHONG))


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("前年出过一起二级医疗事故，还能报吗", ("responsibility", "window")),
        ("我们去年出了一起二级医疗事故，能申请吗", ("responsibility",)),
        ("去年出过一起医疗事故 我们负主要责任，还能申请验收吗", ("grade",)),
        ("出过一起二级医疗事故，负主要责任，能报吗", ("window",)),
        ("我们出过医疗事故，床位40张，能申请吗", ("grade", "responsibility", "window")),
    ],
)
@pytest.mark.parametrize("region", [YUZHONG, None])
def test_a_bar_without_every_condition_depends_on_them(kb, now, text: str, missing, region) -> None:
    said = text_of(ask(kb, now, text, region))
    assert "两年内发生过二级及以上负主要责任的医疗事故：按规定不能申请验收" not in said, said[:300]
    assert DEPENDS in said and "负主要责任" in said
    for m in missing:
        assert D.BAR_CONDITIONS[m] in said
    for m in set(D.BAR_CONDITIONS) - set(missing):
        assert D.BAR_CONDITIONS[m] not in said


def test_a_bar_with_every_condition_is_decided(kb, now) -> None:
    said = text_of(ask(kb, now, "去年出过一起二级医疗事故 我们负主要责任 今年还能申请验收不", YUZHONG))
    assert "❌" in said and DEPENDS not in said


def test_a_region_without_the_bar_gets_no_note(kb, now) -> None:
    assert DEPENDS not in text_of(ask(kb, now, "前年出过一起二级医疗事故，还能报吗", "jilin"))
