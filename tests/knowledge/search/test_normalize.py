"""Normalisation and the analyser: what a question becomes before it is scored."""

from __future__ import annotations

import pytest

from knowledge.regions import DATA
from knowledge.search.normalize import Normaliser, load_synonyms, numerals_to_digits


@pytest.fixture(scope="module")
def normalise() -> Normaliser:
    return Normaliser(load_synonyms(DATA / "synonyms.yaml"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("百分之七十五", "75%"),
        ("三十张床", "30张床"),
        ("十一月三十日", "11月30日"),
        ("二〇二〇年", "2020年"),
        ("至少一名", "至少1名"),
        ("两年内", "2年内"),
        ("统一思想", "统一思想"),  # a word, not a number
        ("一老一小", "一老一小"),
        ("一是提高", "一是提高"),
        ("两三家", "两三家"),  # a range, not 23
        ("十四五", "十四五"),  # the 14th five-year plan
        ("万一", "万一"),
        ("每万名", "每万名"),
    ],
)
def test_numerals_only_where_they_count(text: str, expected: str) -> None:
    assert numerals_to_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("社衛中心申報社區醫院", "社区卫生服务中心申报社区医院"),  # traditional + abbreviation + synonym
        ("床位要幾張？", "床位要多少张"),
        ("３０００平米", "3000平方米"),
        ("面积3000平", "业务用房建筑面积3000平方米"),
        ("６月３０號前", "6月30日前"),
        ("卫生院和乡镇卫生院", "乡镇卫生院和乡镇卫生院"),  # the canonical form is not expanded again
        ("中心卫生院", "中心乡镇卫生院"),
        ("病床使用率", "床位使用率"),
        ("使用率", "床位使用率"),
        ("医保", "医疗保险"),
        ("截止是哪天", "截止日期是什么时候"),
        ("DROP TABLE users;--", "drop table users"),
        ("<b>床位</b>", "b 床位 b"),
    ],
)
def test_normalise(normalise: Normaliser, text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_synonym_table_has_no_cycles_or_self_maps() -> None:
    table = load_synonyms(DATA / "synonyms.yaml")
    for variant, canonical in table.items():
        assert variant != canonical, variant
        assert canonical not in table, f"{canonical} is itself a variant"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("社区一院", "社区医院"), ("床味", "床位"), ("申保", "申报"), ("截只日期", "截止日期")],
)
def test_pinyin_corrects_input_method_homophones(kb, typed: str, meant: str) -> None:
    analyzer = kb.index.analyzer
    assert meant in analyzer.correct(analyzer.normalise(typed))


def test_pinyin_leaves_known_words_and_unrelated_homophones(kb) -> None:
    analyzer = kb.index.analyzer
    for text in ["社区医院", "床位使用率", "天气"]:
        assert analyzer.correct(text) == text


@pytest.mark.parametrize(
    ("typed", "meant"), [("乡镇卫身院", "乡镇卫生院"), ("特社科室", "特色科室"), ("实思方案", "实施方案")]
)
def test_fuzzy_pinyin_slips_are_corrected(kb, typed: str, meant: str) -> None:
    """sh typed as s, eng as en: one slipped character in a word of three or more."""
    analyzer = kb.index.analyzer
    assert meant in analyzer.correct(typed)


@pytest.mark.parametrize(
    "text", ["吉林申报条件", "北京已建成是什么意思", "以乡带村怎么帮扶", "吉林信息化要求", "吉林新方案", "四级", "私立"]
)
def test_fuzzy_pinyin_leaves_words_next_to_a_word_alone(kb, text: str) -> None:
    """吉林申 sounds like 吉林省 to fuzzy pinyin, but 吉林 and 申报 are words: nothing slipped."""
    analyzer = kb.index.analyzer
    assert analyzer.correct(text) == text


def test_terms_are_words_and_bigrams_without_stopwords(kb) -> None:
    words, terms = kb.index.analyzer.analyse("请问社区医院的床位要多少张？")
    assert "w:社区医院" in terms
    assert "b:床位" in terms
    assert not any(t.endswith("的") or t.startswith("b:的") for t in terms)
    assert "的" in words  # segmented, then dropped from the terms
