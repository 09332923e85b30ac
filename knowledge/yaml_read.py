"""Reading the YAML files of knowledge/data, with libyaml's loader when PyYAML was built with it.

libyaml's CSafeLoader is about 10x faster than PyYAML's pure-Python SafeLoader and builds the same
Python values (tests/knowledge/test_yaml_read.py compares both on every data file). The search's
cue, place and synonym tables are read on a question's first turn, so this counts in the cold start
of `python -m bot ask` (issue 12). No pydantic here: the search reads its tables without the schema.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

LOADER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """A YAML file's content (raises OSError, yaml.YAMLError)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
