"""A breaker's findings on the index cache's key (bot/index_cache.py): each a test of its kind."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.index_cache import fingerprint

DATA = Path(__file__).resolve().parents[2] / "knowledge" / "data"


def test_b1_an_edit_changes_the_key_under_a_dot_directory(tmp_path: Path) -> None:
    """B1: the key skips files with any dot component in their ABSOLUTE path, so a checkout under
    e.g. ~/.local/… or /srv/.bot/… hashes no data file at all and an edited FAQ answer is served
    stale from the pickle forever (until code changes)."""
    root = tmp_path / ".deploy" / "data"
    shutil.copytree(DATA, root)
    before = fingerprint(root)
    faq = root / "faq" / "national-2021.yaml"
    faq.write_text(faq.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert fingerprint(root) != before


def test_b6_another_version_of_a_segmenting_library_changes_the_key(monkeypatch) -> None:
    """B6: jieba's, OpenCC's and pypinyin's output is in the pickle: an upgrade of one must rebuild."""
    import bot.index_cache as cache

    before = fingerprint(DATA)
    monkeypatch.setattr(cache, "_library_versions", lambda: "jieba=99,opencc=1,pypinyin=1")
    assert fingerprint(DATA) != before


def test_hidden_files_below_the_data_folder_do_not_change_the_key(tmp_path: Path) -> None:
    """An editor's swap file or a .git folder inside the data folder is no edit of the data."""
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    before = fingerprint(root)
    (root / ".faq.yaml.swp").write_text("swap", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    assert fingerprint(root) == before
