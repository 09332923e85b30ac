"""Sealed set 8, s8a059 (kind: a typo meeting a synonym): the synonym table ran before the typo
correction, so 中心向镇卫生院 became 中心向乡镇卫生院 (镇卫生院 → 乡镇卫生院) and no word sounded like it any more.
A slip just before a synonym variant is now read first (knowledge/search/tokens.py
correct_before_synonyms). Typed slips of our own, over the institution words whose tail is a variant."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("中心向镇卫生院", "中心乡镇卫生院"),  # 向 for 乡: xiang
        ("中心相镇卫生院到2025年要干啥", "中心乡镇卫生院"),
        ("吉林的中心乡真卫生院", "中心乡镇卫生院"),  # 真 for 镇: zhen
        ("乡真卫生院能申请吗", "乡镇卫生院"),
    ],
)
def test_a_slip_before_a_synonym_variant_is_corrected_to_the_whole_term(kb, typed: str, meant: str) -> None:
    words, _ = kb.index.analyzer.analyse(typed)
    assert meant in words, words


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("我们卫生院床位", "乡镇卫生院"),
        ("中心卫生院", "中心乡镇卫生院"),
        ("社卫中心", "社区卫生服务中心"),
        ("使用率", "床位使用率"),
    ],
)
def test_variants_without_a_slip_still_become_their_term(kb, typed: str, meant: str) -> None:
    words, _ = kb.index.analyzer.analyse(typed)
    assert meant in words, words


def test_a_variant_after_a_word_of_its_own_is_left_to_the_table(kb) -> None:
    # 院长 runs past 卫生院: 乡卫生院院长 is 乡镇卫生院 + 院长, not a slip
    words, _ = kb.index.analyzer.analyse("乡卫生院院长")
    assert words == ["乡镇卫生院", "院长"]


@pytest.mark.parametrize("region", ["jilin", None])
@pytest.mark.parametrize(
    "question",
    [
        "吉林46所中心向镇卫生院2025年底要达到啥",
        "吉林那46所中心相镇卫生院有什么要求",
        "吉林中心乡真卫生院2025年要达到什么标准",
    ],
)
def test_the_46_central_township_centres_asked_with_a_slip_get_their_2025_target(kb, now, region, question) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered and "推荐标准" in turn.text and "吉卫联发〔2024〕17号" in turn.text, turn.text
