"""Building the search index from FAQ entries and source documents, and caching it on disk.

Building needs jieba's default dictionary, pypinyin's tables and the YAML files (about 1–2 s);
a question needs none of them. So a built index is pickled into a cache directory under a key that
hashes every file it was built from (knowledge/data and this package's code): an edited entry or
synonym makes a new key, and the stale file is removed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from knowledge.regions import DATA
from knowledge.search.calibration import load_calibration
from knowledge.search.index import SearchIndex
from knowledge.search.model import Answer, Source

SYNONYMS = "synonyms.yaml"
DOMAIN_WORDS = "search_words.txt"
CALIBRATION = "search_calibration.yaml"
CACHE_PREFIX = "search-index-"


def build_index(faq_entries: Sequence[Any], documents: Mapping[str, Any], root: Path = DATA) -> SearchIndex:
    from knowledge.search.normalize import Normaliser, load_synonyms
    from knowledge.search.tokens import Analyzer, build_vocabulary, pinyin_readings

    normaliser = Normaliser(load_synonyms(root / SYNONYMS))
    texts = [normaliser(t) for e in faq_entries for t in (e.question, *e.phrasings, e.answer)]
    texts += [normaliser(d.text) for d in documents.values() if getattr(d, "kind", "") != "secondary"]
    analyzer = Analyzer(normaliser, build_vocabulary(texts, root / DOMAIN_WORDS), pinyin_readings())
    answers = [answer_from_entry(e, documents) for e in faq_entries]
    phrasings = [(e.question, *e.phrasings) for e in faq_entries]
    return SearchIndex(analyzer, answers, phrasings, load_calibration(root / CALIBRATION))


def answer_from_entry(entry: Any, documents: Mapping[str, Any]) -> Answer:
    sources = []
    for c in entry.citations:
        doc = documents.get(c.document)
        secondary = bool(entry.secondary or (doc is not None and getattr(doc, "kind", "") == "secondary"))
        sources.append(
            Source(
                document=(doc.short or doc.title) if doc is not None else c.document,
                number=doc.number if doc is not None else "",
                section=c.section,
                quote=c.quote,
                secondary=secondary,
            )
        )
    return Answer(
        entry_id=entry.id,
        question=entry.question,
        answer=entry.answer,
        sources=tuple(sources),
        regions=tuple(entry.regions),
        topic=entry.topic,
        provenance=entry.provenance if entry.secondary else None,
    )


def fingerprint(root: Path = DATA) -> str:
    """A hash of everything an index is built from: the data files and the code that reads them."""
    h = hashlib.sha256(f"{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    package = Path(__file__).parent
    code = [*sorted(package.glob("*.py")), package.parent / "faq.py", package.parent / "sources.py"]
    data = sorted(p for p in root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.parts))
    for path in (*code, *data):
        if path.exists():
            h.update(str(path.name).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:20]


def cached_index(root: Path, cache_dir: Path, build: Callable[[], SearchIndex]) -> SearchIndex:
    """The index pickled under the current fingerprint, else `build()` (and pickle it)."""
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
        pass  # a read-only data directory only costs the next start its build time
    return index
