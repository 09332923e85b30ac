"""Whether something is counted in a rule's figure ("家庭病床能不能算进那30张实际开放床位里"; sealed set 7,
s7a094): the 30 is the rule's, not the institution's, so no self-check ("✅ …符合（现为30张）") — the
reply says the texts do not say whether it counts, and whom to ask. In every region whose rules (or the
national standard's reported figures it refers to) hold that figure."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import turn_for

PHRASINGS = (
    "家庭病床能不能算进那30张实际开放床位里？",
    "家庭病床可以计入30张床位吗",
    "家庭病床算不算在30张床位里",
    "家庭病床能算入实际开放床位30张吗",
)


@pytest.mark.parametrize("region", ["jilin", "national", "beijing", "chongqing-yuzhong"])
@pytest.mark.parametrize("q", PHRASINGS)
def test_counted_in_a_rules_figure_is_no_self_check(kb, now, region: str, q: str) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.kind != "situation", turn.text[:200]
    assert "现为30张" not in turn.text and "符合（" not in turn.text, turn.text[:200]
    first = turn.text.split("📄", 1)[0]
    assert "没有" in first and any(w in first for w in ("确认", "咨询")), first


def test_an_institutions_own_count_is_still_its_situation(kb, now) -> None:
    """我们床位32张，家庭病床能算进去吗: the director's own figure, a situation as before."""
    turn = turn_for(kb, now, "我们实际开放床位32张，家庭病床能算进去吗", region="jilin")
    assert turn.kind == "situation", turn.text[:200]
