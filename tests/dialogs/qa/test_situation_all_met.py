"""Stated figures that all pass, asked "都够了吧 / 达标了吧 / 都符合吧" (sealed set 7, s7a065): the figures
are the institution's own, so the reply is the situation's verdict — each one ✅ with the rule's limit —
never the premise check's "不是32张：…的要求是≥30张", which reads as a correction and gives no verdict.
A requirement word (要, 得, 是不是, 就够) still makes the figure the rule's (tests/dialogs/qa/test_premise.py).
Limits are read from knowledge/, not copied here."""

from __future__ import annotations

import pytest

from dialogs.qa import premise
from knowledge.eligibility.evaluate import number_text
from tests.dialogs.qa.conftest import turn_for

PHRASINGS = (
    "床位{beds}张，使用率{rate}%，硬杠杠都够了吧？",
    "床位{beds}张、使用率{rate}%，应该达标了吧",
    "实际开放床位{beds}张，床位使用率{rate}%，这两项都符合吧",
    "床位{beds}张，使用率{rate}%，都满足了吧？",
    "床位{beds}张 使用率{rate}% 没问题吧",
)


def limits(kb, region: str) -> dict[str, float]:
    """field -> the limit of the region's rule on beds and occupancy (the national rules' are reported)."""
    return {
        c.fields[0]: float(c.limit)
        for c in kb.rules[region].criteria
        if c.fields and c.fields[0] in ("open_beds", "bed_occupancy_rate") and not c.derived
    }


@pytest.mark.parametrize("region", ["jilin", "national"])
@pytest.mark.parametrize("phrasing", PHRASINGS)
def test_figures_that_pass_are_said_to_meet_each_limit(kb, now, region: str, phrasing: str) -> None:
    found = limits(kb, region)
    beds, rate = int(found["open_beds"]) + 2, int(found["bed_occupancy_rate"]) + 3
    q = phrasing.format(beds=beds, rate=rate)
    assert not premise.asks(q, kb), q
    turn = turn_for(kb, now, q, region=region)
    assert turn.kind == "situation", turn.text[:200]
    assert "不是" not in turn.text.splitlines()[0], turn.text[:200]
    for field, limit in found.items():
        shown = number_text(limit, 1)  # ≥30张 (吉林), 不少于30张 (national, reported)
        lines = [line for line in turn.text.splitlines() if shown in line and line.startswith("✅")]
        assert lines, (field, turn.text[:400])


@pytest.mark.parametrize("region", ["beijing", "chongqing-yuzhong"])
def test_regions_without_own_figures_hold_them_to_the_reported_standard(kb, now, region: str) -> None:
    """北京 and 渝中 write no bed or occupancy number: the reported national figures, each ✅, no correction."""
    found = limits(kb, "national")
    q = f"床位{int(found['open_beds']) + 2}张，使用率{int(found['bed_occupancy_rate']) + 3}%，都够了吧"
    turn = turn_for(kb, now, q, region=region)
    assert turn.kind == "situation" and not turn.text.startswith("不是"), turn.text[:200]
    assert turn.text.count("✅") >= 2 and "新闻报道" in turn.text


@pytest.mark.parametrize(
    "q",
    ["床位得40张吧", "使用率是不是要80%以上", "床位是不是30张就够了", "床位30张就够了吧", "使用率七成半对不对"],
)
def test_a_figure_put_to_the_rule_is_still_a_premise(kb, q: str) -> None:
    assert premise.asks(q, kb), q
