"""jieba imported without pkg_resources (knowledge.search.tokens.import_jieba): its own fallback
reads its data files, and it segments as jieba does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

_PROBE = """
import sys
from knowledge.search.tokens import import_jieba
jieba = import_jieba()
hidden = 'pkg_resources' not in sys.modules
words = '/'.join(jieba.cut('社区卫生服务中心申报社区医院床位使用率', HMM=True))
print(hidden, words)
"""


def test_a_fresh_process_imports_jieba_without_pkg_resources_and_jieba_still_reads_its_data() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    hidden, words = out
    assert hidden == "True"
    # the general dictionary (dict.txt), read through jieba's fallback, segments the question
    assert "社区" in words.split("/") and "床位" in words.split("/")


def test_a_pkg_resources_already_imported_is_left_alone() -> None:
    probe = "import sys, pkg_resources; m = pkg_resources\n" + _PROBE.replace(
        "hidden = 'pkg_resources' not in sys.modules", "hidden = sys.modules['pkg_resources'] is m"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    assert out[0] == "True"
