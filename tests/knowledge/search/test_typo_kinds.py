"""Phone-style slips of three kinds the typo bench (tests/eval/typos.py) found losing most: a word left as
pinyin (shenbao), two neighbouring characters swapped (林吉), and a fuzzy-pinyin slip in a two-character
word (申亲 for 申请, 江设 for 建设). Each kind: the analyser reads the word meant, never turns a word typed
right into another, and the slipped question gets the clean question's reply, over the regions."""

from __future__ import annotations

import pytest

from knowledge.search.spelled import respell, spellings

REGIONS = ["jilin", "beijing", "chongqing-yuzhong", "national", None]


def words(kb, text: str) -> list[str]:
    return kb.index.analyzer.analyse(text)[0]


# ------------------------------------------------------------------ pinyin left unconverted


def test_spellings_split_a_run_into_the_fewest_words() -> None:
    table = spellings(["申请", "材料", "申请材料"], {"申": "shen", "请": "qing", "材": "cai", "料": "liao"})
    assert respell("shenqingcailiao 要交啥", table) == "申请材料 要交啥"
    assert respell("shenqing cailiao", table) == "申请 材料"
    # a run that is not wholly spellings, or too short to tell from an abbreviation, is left alone
    assert respell("shenqingx", table) == "shenqingx"
    assert respell("ct", {"ct": "词"}) == "ct"


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("shenbao要交啥材料", "申报要交啥材料"),
        ("吉林chuangwei要多少张", "吉林床位要多少张"),
        ("社区医院yaoqiu有哪些", "社区医院要求有哪些"),
        ("faremenzhen必须设吗", "发热门诊必须设吗"),
        ("jilin社区医院床位", "吉林社区医院床位"),
    ],
)
def test_a_word_left_as_pinyin_is_read_as_the_word(kb, typed: str, clean: str) -> None:
    assert words(kb, typed) == words(kb, clean)


@pytest.mark.parametrize("typed", ["ct和dr要配吗", "his系统要建吗", "app上能申请吗"])
def test_latin_abbreviations_are_left_alone(kb, typed: str) -> None:
    latin = [w for w in words(kb, typed) if w.isascii()]
    assert latin and all(w in typed for w in latin)


# ------------------------------------------------------------------ two characters swapped


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("吉林区社医院床位要多少", "吉林社区医院床位要多少"),
        ("社区医院床位使率用要到多少", "社区医院床位使用率要到多少"),
        ("乡镇卫院生能申请吗", "乡镇卫生院能申请吗"),
        ("中药医这块有啥要求", "中医药这块有啥要求"),
    ],
)
def test_two_swapped_characters_in_a_longer_word_are_read_as_the_word(kb, typed: str, clean: str) -> None:
    assert words(kb, typed) == words(kb, clean)


@pytest.mark.parametrize(
    ("typed", "other"),
    [
        ("317号文讲的啥", "文号"),  # a measure word after a number is the number's
        ("每月报送的进展表填什么", "填表"),  # two characters of two words, not a swapped 填表
        ("北京从哪几件事抓起", "事件"),
        ("要先评上社区甲级吗", "评先"),
    ],
)
def test_two_characters_of_two_words_are_not_swapped(kb, typed: str, other: str) -> None:
    assert other not in words(kb, typed)


# ------------------------------------------------------------------ fuzzy pinyin in a two-character word


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("省里专家拼估在几月份", "评估"),  # ping / pin
        ("是按县为单位组织江设吗", "建设"),  # jian / jiang
        ("政策上有什么倾斜和支刺", "支持"),  # chi / ci
        ("建设原者是哪几条", "原则"),  # ze / zhe
        ("发热蒙诊是必须设的吗", "门诊"),  # men / meng
    ],
)
def test_a_fuzzy_slip_in_a_two_character_word_is_corrected(kb, typed: str, meant: str) -> None:
    assert meant in words(kb, typed)


@pytest.mark.parametrize(
    ("typed", "other"),
    [
        ("市级复核完报省里", "4级"),  # 四级 sounds alike: 市级 is a word typed right
        ("医院的支出有没有补助", "支持"),  # chu / chi are no fuzzy pair, and 支出 is a word
        ("要不要设置专门科室", "设施"),
        ("四级医院有哪些", "市级"),
    ],
)
def test_a_word_typed_right_is_not_turned_into_another(kb, typed: str, other: str) -> None:
    assert other not in words(kb, typed)


def test_the_general_dictionary_guards_two_character_words(kb) -> None:
    # the words the correction leaves alone come from jieba's dictionary, not from our vocabulary
    guard = kb.index.analyzer.real_words
    assert "市级" in guard or "市级" in kb.index.analyzer.vocabulary
    assert not guard & set(kb.index.analyzer.vocabulary)


# ------------------------------------------------------------------ the reply, over the regions


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(
    ("clean", "slipped"),
    [
        ("社区医院床位最少要几张", "社区医院chuangwei最少要几张"),
        ("社区医院床位最少要几张", "区社医院床位最少要几张"),
        ("床位使用率要到多少", "床位使用率要到duoshao"),
        ("专家评估在几月份", "专家拼估在几月份"),
        ("申报材料要交哪些", "申抱材料要交哪些"),
    ],
)
def test_a_slipped_question_gets_the_clean_reply(kb, region, clean: str, slipped: str) -> None:
    want, got = kb.search(clean, region), kb.search(slipped, region)
    assert got.answered == want.answered
    if want.answered:
        shown = lambda r: sorted(a.entry_id for a in (r.per_region or r.answers[:1]))  # noqa: E731
        assert shown(got) == shown(want), (slipped, region)
