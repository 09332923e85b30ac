"""Sealed set 8's misses of kind B (tests/eval/sealed-2026-12-01d.judged.yaml): verdicts on rules,
comparisons and terms. Phrasings of our own, never the set's questions, over the regions each kind
concerns.

1. "X of Y, enough?" against a share rule the answer states gets the verdict on the director's own
   counts (s8b068: 北京's 回头看 ≥30 %; 5 of 20 is 25 %, not enough, 6 needed): dialogs/qa/share_enough.py.
2. "Can we do A before B" where the texts make B a condition of A gets 不能 with those texts (s8b071,
   s8b047: the sign after the standard is met): dialogs/qa/act_first.py, knowledge/data/preconditions.yaml.
3. A comparison of prerequisites gets each region's own condition (s8b076: 渝中's 社区甲级 is a
   必要条件; 前置 is the texts' 前提): knowledge/data/synonyms.yaml.
4. A term of a text not held (the 518号 basic standard's per-bed area, 床护比) is said not to be in
   the stored texts, never answered with a region's total area (s8a038): dialogs/qa/text_not_held.py.
6. A count asked of a region without its own rule gets the reported national figure, never another
   region's ratio (北京要几个全科医生: not 渝中's 每万人2名): dialogs/qa/per_base.py."""

from __future__ import annotations

import pytest

from dialogs.qa import act_first, share_enough
from tests.dialogs.qa.conftest import turn_for

# ----------------------------------------------------------------------------- 1. share verdicts

REVISIT_NOT_ENOUGH = [
    ("我们区12家达标机构，今年回头看了3家，北京的要求够吗", "12家至少要4家"),
    ("区里2022年前达标的有40家，今年回头看10家够不够", "40家至少要12家"),
    ("回头看的事，我们一共10家，今年看了2家，达标吗", "10家至少要3家"),
]


@pytest.mark.parametrize("region", ["beijing", None])
@pytest.mark.parametrize(("question", "least"), REVISIT_NOT_ENOUGH)
def test_a_revisit_share_below_beijings_30_percent_is_not_enough(kb, now, region, question, least) -> None:
    text = turn_for(kb, now, ("北京" if region is None else "") + question, region).text
    assert "不达标" in text and least in text and "回头看比例不低于30%" in text, text


@pytest.mark.parametrize(
    "question", ["区里30家机构今年回头看抽了10家，符合北京要求吗", "我们20家里回头看了6家，北京的比例够不够"]
)
def test_a_revisit_share_at_or_above_30_percent_is_enough(kb, now, question) -> None:
    text = turn_for(kb, now, question, "beijing").text
    assert "达标，够了" in text and "不达标" not in text, text


LOWER = "按北京方案，2022年各区回头看比例不低于30%。"
UPPER = "据报道，《社区医院基本标准（试行）》要求非卫生技术人员占全部人员的比例低于15%。"


def test_the_verdict_reads_an_upper_bound_too() -> None:
    line = share_enough.verdict("全院40个人，非卫技的有8个，够吗", UPPER)
    assert "8/40=20%" in line and "不达标" in line and "40个最多5个" in line, line
    assert "达标，够了" in share_enough.verdict("全院40个人，非卫技的有5个，符合吗", UPPER)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("20家回头看5家，这个比例是什么意思", LOWER),  # not asked whether it is enough
        ("20家回头看5家，还有3家在整改，够吗", LOWER),  # three counts: which is the part?
        ("20家回头看5家，够吗", LOWER + "其中达到推荐标准的比例不低于21%。"),  # two rules: which one?
        ("20家回头看5个，够吗", LOWER),  # counts of different things
        ("床位使用率75%够吗", LOWER),  # no counts at all
    ],
)
def test_no_verdict_when_which_figure_is_which_would_be_a_guess(question: str, answer: str) -> None:
    assert share_enough.verdict(question, answer) == ""


# ----------------------------------------------------------------------------- 2. an act before its condition

SIGN_FIRST = [
    "我们还有两项没达标，可以先挂牌子吗",
    "能不能先挂牌，后面再慢慢达标",
    "还差一点才达到基本标准，先把社区医院的牌子挂起来行不行",
    "指标还没全达标，能先加挂社区医院牌子不",
]
OWN_TEXT = {"chongqing-yuzhong": "渝中卫发〔2021〕49号", "jilin": "吉卫基层发〔2020〕5号", "beijing": "", None: ""}


@pytest.mark.parametrize("region", list(OWN_TEXT))
@pytest.mark.parametrize("question", SIGN_FIRST)
def test_the_sign_before_the_standard_is_met_is_refused_with_the_texts(kb, now, region, question) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered and turn.text.startswith("不能"), turn.text
    assert "不得加挂社区医院牌子" in turn.text and "国卫办基层函〔2021〕317号" in turn.text  # applies everywhere
    assert OWN_TEXT[region] in turn.text


def test_yuzhong_named_beside_its_indicators_gets_all_11_must_be_met(kb, now) -> None:
    turn = turn_for(kb, now, "渝中那11项我们差一项患者满意度，可以先挂牌吗", None)
    assert turn.text.startswith("不能") and "11项评价指标应当全部达标才能通过验收" in turn.text, turn.text


@pytest.mark.parametrize(
    "question",
    [
        "是先评估还是先挂牌",  # an order asked, not leave to skip a condition
        "验收合格了，能先挂牌再去加注吗",  # the condition is met
        "挂牌以后还是公益性吗",  # no 先
        "我们先把材料准备好，挂牌要什么流程",  # 先 of another act, no question of leave
    ],
)
def test_no_refusal_where_no_condition_is_skipped(question: str) -> None:
    asked = act_first.act_asked_first(question)
    assert asked is None or act_first.MET.search(question), question


# ----------------------------------------------------------------------------- 3. prerequisites compared


@pytest.mark.parametrize(
    "question",
    [
        "北京和渝中申报社区医院的前置条件分别是什么",
        "渝中跟北京对能力等级有啥前置要求",
        "北京和渝中申报的先决条件有啥不一样",
    ],
)
def test_yuzhongs_grade_a_prerequisite_is_its_side_of_the_comparison(kb, now, question) -> None:
    turn = turn_for(kb, now, question, None)
    assert turn.kind == "comparison"
    sides = {s.label: s for s in turn.sections}
    assert sides["chongqing-yuzhong"].status == "answered" and "甲级" in sides["chongqing-yuzhong"].text
    assert sides["beijing"].status == "answered" and "推荐标准" in sides["beijing"].text


@pytest.mark.parametrize("region", ["chongqing-yuzhong", None])
@pytest.mark.parametrize("question", ["渝中申报社区医院的前置条件是啥", "渝中申报有什么先决条件"])
def test_a_prerequisite_asked_of_yuzhong_alone_is_its_grade_a_condition(kb, now, region, question) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered and "甲级" in turn.text, turn.text


# ----------------------------------------------------------------------------- 4. a term of a text not held


@pytest.mark.parametrize("region", ["jilin", "beijing", "chongqing-yuzhong", None])
@pytest.mark.parametrize(
    "question",
    [
        "社区医院基本标准里每床建筑面积是多少",
        "518号基本标准对每床面积有规定吗",
        "社区医院基本标准对每床建筑面积、床护比各是怎么要求的",
    ],
)
def test_a_per_bed_area_of_the_basic_standard_is_said_not_to_be_held(kb, now, region, question) -> None:
    turn = turn_for(kb, now, question, region)
    shown = turn.shown if turn.answered else turn.suggestions[:1]
    assert shown, turn.text
    first = shown[0].answer
    assert "518" in first and ("没有“每床建筑面积”的规定" in first or "没有收录" in first), first
    # 吉林's total area is never the answer to a per-bed area of the standard
    assert not first.startswith("吉林的遴选条件要求业务用房建筑面积不少于3000平方米")


@pytest.mark.parametrize("region", ["jilin", "beijing", None])
def test_the_nurse_ratio_part_is_answered_as_not_in_the_texts(kb, now, region) -> None:
    turn = turn_for(kb, now, "社区医院基本标准对每床面积和床护比是怎么规定的", region)
    assert turn.kind == "multipart" and all(s.status == "answered" for s in turn.sections), turn.text
    assert "没有床护比" in turn.text


# ----------------------------------------------------------------------------- 6. a region without its own count


@pytest.mark.parametrize("region", ["beijing", None])
@pytest.mark.parametrize("question", ["北京要几个全科医生", "北京全科医生要配几个", "北京全科医生最少几名"])
def test_beijing_asked_for_its_gp_count_gets_the_reported_basic_standard_figure(kb, now, region, question) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered and "至少有3名全科医师" in turn.text and "报道" in turn.text, turn.text
    assert "每万名常住人口应当配置2名" not in turn.text  # 渝中's ratio is not Beijing's rule


@pytest.mark.parametrize("question", ["吉林要几个全科医生", "吉林全科医生得配几个"])
def test_jilin_asked_for_its_gp_count_gets_the_reported_figure_too(kb, now, question) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.answered and "至少有3名全科医师" in turn.text, turn.text


@pytest.mark.parametrize("question", ["渝中要几个全科医生", "全科医生得配几个"])
def test_yuzhongs_own_ratio_stays_its_answer(kb, now, question) -> None:
    turn = turn_for(kb, now, question, "chongqing-yuzhong")
    assert turn.answered and "每万名常住人口应当配置2名及以上全科医生" in turn.text, turn.text
