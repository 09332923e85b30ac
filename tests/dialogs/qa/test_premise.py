"""A figure of the rules asked to be confirmed (dialogs/qa/premise.py; newcomer trial 5, N15): a wrong
premise is said to be wrong first, a right one confirmed, and the figure is never taken as the
institution's own (是30人次吧 once got "✅ 符合（现为30人次）"). The limits come from the region's rules,
so each case is checked against knowledge/, not against a copy of the number."""

from __future__ import annotations

import pytest

from dialogs.qa import premise
from tests.dialogs.qa.conftest import turn_for


def limit_of(kb, region: str, field: str) -> float:
    (c,) = [c for c in kb.rules[region].criteria if c.fields == (field,) and c.force != "reported" and not c.derived]
    return float(c.limit)


@pytest.mark.parametrize(
    ("q", "region", "field", "said"),
    [
        ("渝中特色科室日均门诊量要50人次对吧", "chongqing-yuzhong", "featured_department_daily_visits", 50),
        ("特色科室日均门诊量是30人次吧", "chongqing-yuzhong", "featured_department_daily_visits", 30),
        ("吉林使用率是不是要80%以上", "jilin", "bed_occupancy_rate", 80),
        ("吉林床位是不是得50张", "jilin", "open_beds", 50),
        ("床位是不是30张就够了", "jilin", "open_beds", 30),
        ("业务用房是不是要3000平米", "jilin", "floor_area_m2", 3000),
        ("使用率七成半对不对", "jilin", "bed_occupancy_rate", 75),
        ("床位是不是得50张", "jilin", "open_beds", 50),  # the search alone was unsure of it
        ("床位得40张吧", "jilin", "open_beds", 40),
    ],
)
def test_a_premise_is_confirmed_or_corrected_first(kb, now, q: str, region: str, field: str, said: float) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.kind != "situation" and turn.answered, turn.text[:200]
    first = turn.text.splitlines()[0]
    limit = limit_of(kb, region, field)
    assert first.startswith("对，" if said == limit else "不是"), first
    assert f"{limit:g}" in first
    assert "吉卫基层发〔2020〕5号" in turn.text or "渝中卫发〔2021〕49号" in turn.text  # the rule's source


@pytest.mark.parametrize(
    ("q", "region"),
    [
        ("我们床位30张就够了吧", "jilin"),  # the institution's own figure: a situation
        ("床位要多少", "jilin"),  # no figure to confirm
        ("床位是不是30张就够了", "national"),  # national figures are reported, not a rule to confirm
    ],
)
def test_not_a_premise(kb, now, q: str, region: str) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert not turn.text.startswith(("对，", "不是")), turn.text[:120]


def test_the_asking_words_do_not_hide_the_figure(kb) -> None:
    assert premise.asks("使用率是不是要80%以上", kb) and not premise.asks("是不是要申请", kb)
