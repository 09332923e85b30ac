"""Question answering over the FAQ entries, built for Chinese (see index.py and tokens.py).

`build_index(faq, documents)` builds a SearchIndex; `use_cache(kb, cache_dir)` gives a knowledge
base the index pickled in cache_dir (built once per change of the data), which is what keeps
`python -m bot ask` fast to start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from knowledge.search.build import build_index, cached_index
from knowledge.search.index import SearchIndex

__all__ = ["SearchIndex", "build_index", "cached_index", "use_cache"]


def use_cache(kb: Any, cache_dir: Path) -> SearchIndex:
    """Load kb's index from (or build it into) cache_dir, and make it kb.index."""
    index = cached_index(kb.root, cache_dir, lambda: build_index(kb.faq, kb.documents, kb.root))
    kb.index = index  # KnowledgeBase.index is a cached_property: this fills the cache
    return index
