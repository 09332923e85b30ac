"""Question answering over the FAQ entries, built for Chinese (see index.py and tokens.py).

`build_index(faq, documents)` builds a SearchIndex (pure; bot/index_cache.py keeps it pickled on
disk for a fast start).
"""

from __future__ import annotations

from knowledge.search.build import build_index
from knowledge.search.index import SearchIndex

__all__ = ["SearchIndex", "build_index"]
