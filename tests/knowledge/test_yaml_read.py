"""knowledge.yaml_read: libyaml's loader gives the same values as PyYAML's pure-Python SafeLoader on
every YAML file of knowledge/data (the speed-up must not change what any loader reads)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.regions import DATA
from knowledge.yaml_read import LOADER, read_yaml

FILES = sorted(DATA.rglob("*.yaml"))


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    assert LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def test_there_are_data_files() -> None:
    assert len(FILES) >= 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_same_values_as_the_pure_python_loader(path: Path) -> None:
    pure = yaml.safe_load(path.read_text(encoding="utf-8"))
    fast = read_yaml(path)
    assert fast == pure
    assert repr(fast) == repr(pure)  # same types and key order, not only equal values


def test_kinds_of_scalar_read_alike(tmp_path: Path) -> None:
    """The scalar kinds the data files use (dates, numbers, booleans, null, quoted and block text)."""
    text = "a: 2026-06-30\nb: 1.5\nc: 0x1F\nd: yes\ne: ~\nf: '01'\ng: |\n  行一\n  行二\nh: [1, 二, 3.0]\n"
    path = tmp_path / "kinds.yaml"
    path.write_text(text, encoding="utf-8")
    assert repr(read_yaml(path)) == repr(yaml.safe_load(text))
