"""core.text.simplified returns a text OpenCC's t2s cannot change without running the converter
(issue 12: the pure-Python converter was 0.4 s of a cold process's first question). The shortcut
must give OpenCC's own result on every text: the knowledge base's, the development sets', and
generated mixes of traditional, simplified and shared characters."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from core.text import _t2s_triggers, simplified

ROOT = Path(__file__).resolve().parents[2]
_T2S = OpenCC("t2s")
_CHARS, _PHRASES = _t2s_triggers()
# Traditional characters, the phrase keys' characters, common simplified ones, punctuation, digits.
_ALPHABET = (
    "".join(sorted(_CHARS))[:400]
    + "".join(sorted({c for p in _PHRASES for c in p}))
    + "社区医院床位申报的了是不在有序沈默船，。、 ？!1a"
)


def _opencc(text: str) -> str:
    return str(_T2S.convert(text))


def test_the_converters_tables_are_read() -> None:
    assert len(_CHARS) > 3000 and {"醫", "區", "幾"} <= _CHARS
    assert all(len(p) > 1 and _CHARS.isdisjoint(p) for p in _PHRASES)


@pytest.mark.parametrize(
    "text", ["社區醫院", "社区医院", "沈默", "沈船了", "有序推进", "乾隆", "著名", "", "ＯＫ", "幾張床"]
)
def test_examples(text: str) -> None:
    assert simplified.__wrapped__(text) == _opencc(text)


def test_every_text_of_the_knowledge_base_and_the_development_sets(kb) -> None:
    texts = [t for e in kb.faq for t in (e.question, e.answer, *e.phrasings)]
    for name in ("devset.yaml", "devblind.yaml"):
        texts += [str(i["q"]) for i in yaml.safe_load((ROOT / "tests" / "eval" / name).read_text(encoding="utf-8"))]
    assert len(texts) > 4000
    assert [t for t in texts if simplified.__wrapped__(t) != _opencc(t)] == []


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=12))
def test_generated_texts(text: str) -> None:
    assert simplified.__wrapped__(text) == _opencc(text)
