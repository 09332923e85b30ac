"""The pickled search index (bot/index_cache.py): reused while nothing changed, rebuilt when damaged."""

from __future__ import annotations

import pickle
from pathlib import Path

from bot.index_cache import cached_index, fingerprint
from knowledge.faq import entry_from_dict
from knowledge.search import SearchIndex, build_index

ENTRY = {
    "id": "jl-beds",
    "regions": ["jilin"],
    "question": "吉林申请社区医院，实际开放床位要多少张？",
    "phrasings": ["床位要多少张", "开放床位最少几张", "床位数要求"],
    "answer": "实际开放床位数不低于30张。",
    "citations": [{"document": "jilin-2020", "section": "四（二）", "quote": "实际开放床位数≥30张"}],
}


def test_cache_returns_the_same_index_and_rebuilds_when_damaged(tmp_path: Path, kb) -> None:
    small = build_index([entry_from_dict(ENTRY)], kb.documents)
    builds = []

    def build() -> SearchIndex:
        builds.append(1)
        return small

    first = cached_index(kb.root, tmp_path, build)
    second = cached_index(kb.root, tmp_path, build)
    assert len(builds) == 1
    assert second is not first and [a.entry_id for a in second.answers] == [a.entry_id for a in first.answers]
    (cached,) = tmp_path.glob("search-index-*.pickle")
    cached.write_bytes(b"not a pickle")
    cached_index(kb.root, tmp_path, build)
    assert len(builds) == 2
    assert isinstance(pickle.loads(cached.read_bytes()), SearchIndex)




def test_fingerprint_changes_with_the_data(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x: 1", encoding="utf-8")
    before = fingerprint(tmp_path)
    assert fingerprint(tmp_path) == before
    (tmp_path / "a.yaml").write_text("x: 2", encoding="utf-8")
    assert fingerprint(tmp_path) != before


def test_use_cache_keeps_the_faq_and_phrasings_beside_the_index(tmp_path: Path, monkeypatch) -> None:
    """A cold process takes the FAQ entries and their folded phrasings from the cache too (issue 12):
    the same values as reading knowledge/data, and no YAML read for them."""
    import knowledge.faq
    from bot.index_cache import use_cache
    from knowledge.base import load

    fresh = load()
    use_cache(fresh, tmp_path)  # builds and pickles
    monkeypatch.setattr(knowledge.faq, "load_faq", lambda root: (_ for _ in ()).throw(AssertionError("read")))
    cold = load()
    use_cache(cold, tmp_path)
    assert cold.faq == fresh.faq and cold.phrasings == fresh.phrasings
    assert [a.entry_id for a in cold.index.answers] == [e.id for e in fresh.faq]
    assert cold.search("床位要多少张", "jilin") == fresh.search("床位要多少张", "jilin")
