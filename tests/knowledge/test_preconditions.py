"""knowledge/data/preconditions.yaml (what the texts make a condition of an act, dialogs/qa/act_first.py):
which entries a region gets, and `kb check` naming an id that names no entry, an entry of another region
and an unknown region."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.check import run_checks
from knowledge.preconditions import FILE, entries_for
from knowledge.regions import DATA


def test_a_region_gets_its_own_entries_before_the_national_ones(kb) -> None:
    assert entries_for(kb, "sign", "chongqing-yuzhong") == [
        "yuzhong-2021-all-criteria-must-pass",
        "national-2021-basic-standard-required",
    ]
    assert entries_for(kb, "sign", "beijing") == ["national-2021-basic-standard-required"]  # none of its own
    assert entries_for(kb, "sign", None) == ["national-2021-basic-standard-required"]
    assert entries_for(kb, "no-such-act", "jilin") == []


@pytest.mark.parametrize(
    ("change", "fault"),
    [
        (("[jilin-2020-naming]", "[jilin-2020-no-such-entry]"), "sign.jilin: no FAQ entry 'jilin-2020-no-such-entry'"),
        (("[jilin-2020-naming]", "[beijing-2022-second-name]"), "entry 'beijing-2022-second-name' is for ['beijing']"),
        (("  jilin: [", "  shanghai: ["), "sign.shanghai: unknown region 'shanghai'"),
    ],
)
def test_kb_check_names_a_broken_precondition(tmp_path: Path, change: tuple[str, str], fault: str) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    path = root / FILE
    path.write_text(path.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    errors = run_checks(KnowledgeBase(root))
    assert any(fault in e for e in errors), errors
