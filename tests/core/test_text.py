"""The shared text helpers: folding typed text, clipping shown text, reading numerals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.text import chinese_int, clip, fold, fold_chinese, simplified


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("12", 12),
        ("１２", 12),  # full-width
        ("十二", 12),
        ("三十一", 31),
        ("二〇二七", 2027),  # a year read digit by digit
        ("二零二七", 2027),
        ("两千", 2000),
        ("叁拾", 30),  # financial numerals
        ("廿", 20),
    ],
)
def test_numerals_are_read(typed: str, number: int) -> None:
    assert chinese_int(typed) == number


@pytest.mark.parametrize("typed", ["", "三十张", "1.5", "百", "abc", "٣", "፩"])
def test_what_is_not_one_whole_number_is_none(typed: str) -> None:
    assert chinese_int(typed) is None


@given(st.integers(min_value=0, max_value=10**9))
def test_every_written_integer_reads_back(n: int) -> None:
    assert chinese_int(str(n)) == n


@given(st.text(max_size=20))
def test_chinese_int_never_raises(text: str) -> None:
    result = chinese_int(text)
    assert result is None or isinstance(result, int)


def test_fold_and_clip() -> None:
    assert fold("  ＯＫ！") == "ok"
    assert fold("是的。") == "是的"
    assert clip("一二三四五", 5) == "一二三四五"
    assert clip("一二三四五六", 5) == "一二三四…"
    assert clip("a  b\n c", 10) == "a b c"


@given(st.text(), st.integers(min_value=1, max_value=50))
def test_clip_never_exceeds_its_limit(text: str, limit: int) -> None:
    assert len(clip(text, limit)) <= limit


@given(st.text(max_size=30))
def test_the_memoised_folds_are_the_converter_s(text: str) -> None:
    """simplified and fold_chinese are memoised (a turn folds the same texts many times): the memo
    gives what OpenCC gives, on a first call and on a repeat."""
    import unicodedata

    from core.text import _traditional_to_simplified

    expected = str(_traditional_to_simplified().convert(text))
    assert simplified(text) == expected
    assert simplified(text) == expected
    folded = str(_traditional_to_simplified().convert(unicodedata.normalize("NFKC", text))).lower()
    assert fold_chinese(text) == folded == fold_chinese(text)


def test_traditional_text_is_folded_to_simplified() -> None:
    assert fold_chinese("社區醫院 ＡＢ") == "社区医院 ab"
    assert simplified("醫") == "医"
