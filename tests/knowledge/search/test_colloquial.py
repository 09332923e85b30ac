"""Colloquial questions (issue 12 item 7, brief qameth): the particles and fillers of spoken
Chinese (才, 搞, 咱这, 那边, 上头) are not unknown vocabulary that lowers the confidence, and the
everyday words for what the texts call 条件, 规定, 一票否决 and 挂牌 are read as those terms. Wordings
of our own, through the real index."""

from __future__ import annotations

import pytest

from knowledge.search.calibration import FEATURES

KNOWN = FEATURES.index("known")


@pytest.mark.parametrize(
    ("plain", "spoken"),
    [
        ("业务用房面积要多少平方米？", "咱这业务用房面积得有多少平方米才够格？"),
        ("公共卫生医师要几名？", "搞公卫的医师那边得有几名才行？"),
        ("全科医生要几名？", "全科医生上头是得有几名呗？"),
        ("特色科室要什么级别？", "特色科室得是什么级别的话才算数？"),
    ],
)
def test_spoken_fillers_are_not_unknown_words(kb, plain: str, spoken: str) -> None:
    """The spoken form knows every word the plain one does and finds the same best entry."""
    a, b = kb.index.rank(plain, "jilin"), kb.index.rank(spoken, "jilin")
    assert b[0].features[KNOWN] == pytest.approx(1.0)
    assert kb.index.answers[a[0].index].entry_id == kb.index.answers[b[0].index].entry_id


@pytest.mark.parametrize(
    ("spoken", "term"),
    [
        ("够格申报", "条件"),
        ("够资格", "条件"),
        ("有啥说法", "规定"),
        ("直接不让过", "一票否决"),
        ("先把牌子挂上", "挂牌"),
        ("面积还没够上", "达到"),
    ],
)
def test_everyday_words_read_as_the_texts_terms(kb, spoken: str, term: str) -> None:
    words, _ = kb.index.analyzer.analyse(spoken)
    assert term in "".join(words)
