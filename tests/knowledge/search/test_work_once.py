"""Work a turn did again and again for the same answer, done once (issue 12, turn p99 < 50 ms), each kind
checked to give what the repeated work gave: the pinyin spelling table measured only for a Latin run
worth splitting; the entries that compete in a region worked out once per region and kind of question;
a text's places read once whether its root is passed or not; the general dictionary's two-character
words of a slipped region name read from the lines opening with its character only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.places import places_named
from knowledge.regions import DATA
from knowledge.search.spelled import respell, spellings


class _Counted(dict):
    """A spelling table that counts the walks over all its spellings (what measuring it costs)."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        type(self).walks += 1
        return super().__iter__()


@pytest.mark.parametrize(
    "text",
    [
        "床位要多少张",
        "吉林社区医院申请截止是几月几号",
        "ct检查要配吗",
        "his系统 app 要有吗",
        "3000平方米",
        "",
        "dr和ct",
    ],
)
def test_a_text_with_no_latin_run_worth_splitting_never_measures_the_table(text: str) -> None:
    table = _Counted(spellings(["申请", "材料"], {"申": "shen", "请": "qing", "材": "cai", "料": "liao"}))
    _Counted.walks = 0
    assert respell(text, table) == text
    assert _Counted.walks == 0


@pytest.mark.parametrize(
    ("text", "read"),
    [("shenqingcailiao 要交啥", "申请材料 要交啥"), ("shenqing cailiao", "申请 材料"), ("shenqingx", "shenqingx")],
)
def test_a_run_worth_splitting_still_reads_as_its_words(text: str, read: str) -> None:
    table = _Counted(spellings(["申请", "材料"], {"申": "shen", "请": "qing", "材": "cai", "料": "liao"}))
    _Counted.walks = 0
    assert respell(text, table) == read
    assert _Counted.walks == 1  # measured once for the whole text, however many runs it has


def test_the_entries_that_compete_are_those_the_rule_lets_in_for_every_region_and_kind(kb) -> None:
    index = kb.index
    for region in [*(r.id for r in kb.regions), None, "no-such-region"]:
        for method_asked in (False, True):
            rough = index._rough({i: 1.0 for i in range(len(index.answers))}, {}, (1.0, 1.0), region, method_asked)
            expected = {
                i
                for i, a in enumerate(index.answers)
                if (region is None or region in a.regions or "national" in a.regions)
                and not (a.method and not method_asked)
            }
            assert set(rough) == expected, (region, method_asked)
    assert any(a.method for a in index.answers)  # the method kind is exercised


@pytest.mark.parametrize("text", ["重庆江北区和吉林比有什么不同", "北京月报几号报", "床位要多少张", "上海南站附近"])
def test_a_text_s_places_are_read_once_with_or_without_its_root(text: str) -> None:
    assert places_named(text) is places_named(text, DATA)
    assert places_named(text, Path(str(DATA))) is places_named(text)


def test_the_pairs_of_a_slipped_name_are_the_general_dictionary_s() -> None:
    import jieba

    from dialogs.qa.region_slip import _pairs_opening

    text = (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8")
    pairs = frozenset(re.findall(r"^(\S\S) ", text, re.M))  # how the whole file was read before
    firsts = sorted({p[0] for p in pairs})
    for first in [*"吉北渝重国上A", *firsts[:: max(1, len(firsts) // 150)]]:
        assert _pairs_opening(first) == frozenset(p for p in pairs if p[0] == first), first
