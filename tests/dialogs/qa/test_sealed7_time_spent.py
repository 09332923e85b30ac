"""Sealed set 7's spent items about time and texts in force (tests/eval/sealed-2026-12-01c.yaml, judged
wrong by hand in .judged.yaml): each passes the strict grader (tests/eval/blind.py) and what its reader's
note asked for. The kinds behind them are tested with phrasings of our own in test_sealed7_revisit.py,
test_sealed7_steps.py, test_sealed7_in_force.py and test_sealed7_who_and_number.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.eval.blind import chat, grade, load_items

SET = Path(__file__).resolve().parents[2] / "eval" / "sealed-2026-12-01c.yaml"
# What each reader's note asked for beyond the item's facts: (words the reply must hold, words it must not).
NOTES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "s7a008": (("吉卫基层发〔2020〕5号", "11月30日"), ("指发文当年",)),
    "s7a019": (("10月底", "吉卫联发〔2024〕17号"), ()),
    "s7a042": (("自愿",), ()),
    "s7a061": (("518号",), ("文号不详",)),
    "s7a089": (("回头看", "2021年及以前"), ()),
    "s7a091": (("518号", "试行", "新版本"), ()),
    "s7a092": (("2022版", "回头看", "30%"), ()),
    "s7a108": ((), ("适用文件",)),
    "s7b052": (("回头看", "30%"), ()),
    "s7b088": (("吉卫联发〔2024〕17号",), ("不低于800家",)),
    "s7b093": (("回头看", "2021年及以前"), ("不低于800家",)),
}
ITEMS = {i.id: i for i in load_items(SET) if i.id in NOTES}


@pytest.mark.parametrize("item_id", sorted(NOTES))
def test_spent_item_passes(kb, item_id: str) -> None:
    item = ITEMS[item_id]
    seen = chat(kb, item.q, item.region)
    assert grade(kb, item, seen).right, grade(kb, item, seen).reasons
    must, must_not = NOTES[item_id]
    assert all(w in seen.text for w in must), seen.text
    assert not any(w in seen.text for w in must_not), seen.text
