"""knowledge.search.segment: a question's words without importing jieba (issue 12, cold start),
word for word what jieba's Tokenizer.cut(text, HMM=False) gives over the same dictionary."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import jieba
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.search.segment import Segmenter

ROOT = Path(__file__).resolve().parents[3]


def _jieba(vocabulary: dict[str, int]) -> jieba.Tokenizer:
    lines = "".join(f"{w} {f}\n" for w, f in vocabulary.items()).encode("utf-8")
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = jieba.Tokenizer.gen_pfdict(io.BytesIO(lines))
    tokenizer.initialized = True
    return tokenizer


@pytest.fixture(scope="module")
def index(kb):  # type: ignore[no-untyped-def]
    return kb.index


@pytest.fixture(scope="module")
def both(index):  # type: ignore[no-untyped-def]
    vocabulary = {w: f for w, f in index.analyzer.vocabulary.items() if " " not in w}
    return Segmenter(vocabulary), _jieba(vocabulary)


def test_the_prefix_dictionary_is_jiebas(both) -> None:  # type: ignore[no-untyped-def]
    ours, theirs = both
    assert ours.freq == theirs.FREQ and ours.total == theirs.total


def test_every_entry_and_question_segments_alike(kb, index, both) -> None:  # type: ignore[no-untyped-def]
    ours, theirs = both
    texts = [t for e in kb.faq for t in (e.question, e.answer, *e.phrasings)]
    for name in ("devset.yaml", "devblind.yaml"):
        texts += [str(i["q"]) for i in yaml.safe_load((ROOT / "tests" / "eval" / name).read_text(encoding="utf-8"))]
    texts += [index.analyzer.normalise(t) for t in texts]  # as the analyser cuts them: normalised
    assert len(texts) > 8000
    assert [t for t in texts if list(ours.cut(t)) != list(theirs.cut(t, HMM=False))] == []


_ALPHABET = "社区医院床位申报卫生服务中心要多少张平方米的了吗AaZz09 .-_%#+&\t\r\n，。？！（）《》①²"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_generated_text_segments_alike(both, text: str) -> None:  # type: ignore[no-untyped-def]
    ours, theirs = both
    assert list(ours.cut(text)) == list(theirs.cut(text, HMM=False))


def test_a_question_does_not_import_jieba() -> None:
    code = (
        "import sys\n"
        "from knowledge.base import load\n"
        "from knowledge.search.tokens import make_tokenizer\n"
        "print(list(make_tokenizer({'社区医院': 5, '床位': 3}).cut('社区医院床位abc')), 'jieba' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "['社区医院', '床位', 'abc'] False"
