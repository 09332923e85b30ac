"""The search index pickled on disk, so that `python -m bot ask` and the bot start fast.

Building needs jieba's default dictionary, pypinyin's tables and the YAML files (about 1–2 s); a
question needs none of them. So a built index is pickled into a cache directory under a key that
hashes every file it was built from (knowledge/data and the knowledge package's code): an edited
entry or synonym makes a new key, and the stale file is removed. This writes files, so it lives in
the shell, not in knowledge/ (which stays pure: knowledge.search.build_index). Imports nothing
heavy, for the cold start of `ask`.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_PREFIX = "search-index-"
_KNOWLEDGE_CODE = Path(__file__).resolve().parents[1] / "knowledge"


def fingerprint(root: Path) -> str:
    """A hash of everything an index is built from: the data files under `root` and the code of
    the knowledge package (any change there may change what is pickled)."""
    h = hashlib.sha256(f"{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    code = sorted(_KNOWLEDGE_CODE.rglob("*.py"))
    data = sorted(p for p in root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.parts))
    for path in (*code, *data):
        if path.exists():
            h.update(str(path.name).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:20]


def cached_index(root: Path, cache_dir: Path, build: Callable[[], Any]) -> Any:
    """The index pickled under the current fingerprint, else `build()` (and pickle it).
    A damaged or unreadable cache is rebuilt; a read-only directory only costs the build time."""
    from knowledge.search import SearchIndex

    path = cache_dir / f"{CACHE_PREFIX}{fingerprint(root)}.pickle"
    if path.exists():
        try:
            with path.open("rb") as f:
                index = pickle.load(f)
            if isinstance(index, SearchIndex):
                return index
        except Exception:  # a damaged or outdated cache is rebuilt, never fatal
            pass
    index = build()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for old in cache_dir.glob(f"{CACHE_PREFIX}*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return index


def use_cache(kb: Any, cache_dir: Path) -> Any:
    """Load kb's index from (or build it into) cache_dir, and make it kb.index."""
    from knowledge.search import build_index

    index = cached_index(kb.root, cache_dir, lambda: build_index(kb.faq, kb.documents, kb.root))
    kb.index = index  # KnowledgeBase.index is a cached_property: this fills the cache
    return index
