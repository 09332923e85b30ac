"""A key written twice in a knowledge YAML file silently keeps only its last value (two branches
each added 有问题 to synonyms.yaml; the merge dropped 出了问题). Every data file is read with a loader
that refuses a repeated key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "knowledge" / "data"


class _Strict(yaml.SafeLoader):
    pass


def _mapping(loader: _Strict, node: yaml.MappingNode) -> dict:
    own = [k for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"]  # "<<:" merges are not repeats
    loader.flatten_mapping(node)
    seen: set = set()
    for key_node in own:
        key = loader.construct_object(key_node)
        if key in seen:
            raise AssertionError(f"repeated key {key!r} at line {key_node.start_mark.line + 1}")
        seen.add(key)
    return loader.construct_mapping(node)


_Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA)))
def test_no_key_is_written_twice(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8"), Loader=_Strict)
