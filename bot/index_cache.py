"""The search index pickled on disk, so that `python -m bot ask` and the bot start fast.

Building needs jieba's default dictionary, pypinyin's tables and the YAML files (about 1–2 s); a
question needs none of them. So a built index is pickled into a cache directory under a key that
hashes every file it was built from (knowledge/data and the code of the knowledge and core
packages): an edited entry or synonym makes a new key, and the stale file is removed. The FAQ
entries and their folded phrasings are pickled beside the index (Prepared): reading and validating
the FAQ files was most of a cold process's first question after that (issue 12). This writes
files, so it lives in the shell, not in knowledge/ (which stays pure: knowledge.search.build_index).
Imports nothing heavy, for the cold start of `ask`.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CACHE_PREFIX = "search-index-"
LIBRARIES = ("jieba", "opencc-python-reimplemented", "pypinyin")  # their output is in the pickle
_CODE = tuple(Path(__file__).resolve().parents[1] / package for package in ("knowledge", "core"))


@dataclass(frozen=True)
class Prepared:
    """What a question needs of the knowledge base and took a cold process ~0.5 s to make (issue
    12): the index, the FAQ entries (26 YAML files read and validated) and their phrasings folded
    for verbatim.py (KnowledgeBase.phrasings)."""

    index: Any
    faq: list[Any]
    phrasings: dict[str, tuple[str, ...]]


def fingerprint(root: Path) -> str:
    """A hash of everything an index is built from: the data files under `root`, the code of the
    knowledge and core packages (any change there may change what is pickled) and the versions of
    the libraries that segment, fold and romanise it (jieba, OpenCC, pypinyin). A file is hashed
    with its path below its folder; hidden files (editor swaps, .git) below it are left out, but
    never for a dot in the folders above it (a checkout under ~/.local still sees its edits)."""
    h = hashlib.sha256(f"{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}|{_library_versions()}".encode())
    for folder, pattern in ((folder, "*.py") for folder in _CODE):
        _hash_files(h, folder, pattern)
    _hash_files(h, root, "*")
    return h.hexdigest()[:20]


def _hash_files(h: Any, folder: Path, pattern: str) -> None:
    paths = sorted(p for p in folder.rglob(pattern) if p.is_file())
    for path in paths:
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        h.update(relative.as_posix().encode())
        h.update(path.read_bytes())


def _library_versions() -> str:
    """The installed versions of the libraries whose output the pickle holds (read from their
    metadata: none of them is imported)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in LIBRARIES:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=-")
    return ",".join(found)


def cached_index(root: Path, cache_dir: Path, build: Callable[[], Any], kind: type | None = None) -> Any:
    """The index (or `kind`, when given) pickled under the current fingerprint, else `build()` (and
    pickle it). A damaged or unreadable cache, or one of another kind, is rebuilt; a read-only
    directory only costs the build time."""
    from knowledge.search import SearchIndex

    path = cache_dir / f"{CACHE_PREFIX}{fingerprint(root)}.pickle"
    if path.exists():
        try:
            with path.open("rb") as f:
                index = pickle.load(f)
            if isinstance(index, kind or SearchIndex):
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
    """Load kb's index, FAQ entries and phrasings (Prepared) from (or build them into) cache_dir,
    and make them kb.index, kb.faq and kb.phrasings."""
    from knowledge.search import build_index

    def build() -> Prepared:
        return Prepared(build_index(kb.faq, kb.documents, kb.root), kb.faq, kb.phrasings)

    prepared = cached_index(kb.root, cache_dir, build, Prepared)
    # KnowledgeBase's cached_property values: setting them fills the caches.
    kb.index, kb.faq, kb.phrasings = prepared.index, prepared.faq, prepared.phrasings
    return prepared.index
