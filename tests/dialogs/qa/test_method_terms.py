"""Method and meaning questions, the kinds sealed sets 3 and 4 lost (brief meth2), with wordings of
our own beside theirs:
- the method entry of the very term asked answers even when the search is unsure of the wording
  (公式有吗, 具体, no region chosen);
- a method question is not a figure question: the threshold entry does not name 编制床位, yet the
  question asks how the rate is counted, not a figure of 编制床位;
- the rule's own figure in a method question (75%是怎么算的, 3000平方米包不包括宿舍) is the rule's, not
  the institution's: no verdict;
- 什么意思 / 指什么 about a term no text defines is led by "the texts do not define it", then the rule;
- a method entry about another term is never the answer (社区甲级 is not 第二名称)."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from knowledge.search.intent import method_asked
from knowledge.search.terms import asked_about
from tests.dialogs.qa.conftest import turn_for

NOT_GIVEN = ("没有给出", "没有找到", "没有定义", "没有说明", "没有规定")


def _first_sentence(text: str) -> str:
    return text.split("。", 1)[0]


@pytest.mark.parametrize(
    ("q", "region"),
    [
        ("床位使用率具体怎么算？", None),
        ("床位使用率具体怎么算，公式有吗", None),
        ("床位使用率到底咋个算法", None),
        ("床位使用率的分子分母分别是啥", None),
        ("床位使用率75%是怎么算的？按实际开放床位还是编制床位算？", "jilin"),
        ("床位使用率咋算？按实际开放床位算还是编制床位算", "jilin"),
        ("使用率百分之七十五是按全年算吗", "jilin"),
        ("床位使用率按编制床位算还是实际开放床位算", "jilin"),
        ("75%的床位使用率是按全年算吗", "jilin"),
        ("百分之七十五的使用率，是怎么统计出来的", "jilin"),
    ],
)
def test_how_the_bed_occupancy_rate_is_counted(kb, now, q: str, region: str | None) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.answered, (q, turn.decision, turn.text[:100])
    assert turn.kind != "situation", q
    assert any(m in _first_sentence(turn.text) for m in NOT_GIVEN), turn.text[:120]
    assert "75%" in turn.text and "吉卫基层发〔2020〕5号" in turn.text


@pytest.mark.parametrize(
    "q",
    [
        "业务用房建筑面积3000平方米包不包括职工宿舍和车库？",
        "业务用房建筑面积3000平米含不含车库",
        "3000平方米的业务用房面积包不包括职工食堂",
        "业务用房面积三千平方米是怎么算的",
    ],
)
def test_the_rules_own_figure_in_a_method_question_is_no_situation(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="jilin")
    assert turn.kind != "situation", turn.text[:120]
    assert turn.answered and "3000平方米" in turn.text
    assert any(m in _first_sentence(turn.text) for m in NOT_GIVEN), turn.text[:120]


@pytest.mark.parametrize(
    "q",
    ["我们业务用房3000平方米，床位40张，能申请吗", "我院床位使用率75%，够不够"],
)
def test_the_institutions_own_figures_are_still_a_situation(kb, now, q: str) -> None:
    assert turn_for(kb, now, q, region="jilin").kind == "situation"


@pytest.mark.parametrize(
    ("q", "term"),
    [
        ("床位使用率75%是怎么算的", "床位使用率"),
        ("业务用房建筑面积3000平方米包不包括宿舍", "业务用房建筑面积"),
        ("渝中区要求的“精品家庭医生服务团队”是什么意思", "精品家庭医生服务团队"),
        ("方案里说的回头看是指什么", "回头看"),
    ],
)
def test_the_term_asked_leaves_out_the_rules_figure_and_who_said_it(q: str, term: str) -> None:
    asked = method_asked(q)
    assert asked is not None
    assert asked_about(q, asked) == term


@pytest.mark.parametrize(
    "q",
    [
        "满意度怎么测算",
        "日均门诊量按工作日算吗",
        "达标怎么判定",
        "业务用房含不含车库",
        "辖区服务人口指什么",
        "公共卫生人员指哪些人",
    ],
)
def test_more_ways_of_asking_a_method_or_meaning(q: str) -> None:
    assert method_asked(q) in ("method", "meaning")


@pytest.mark.parametrize(
    ("q", "region", "rule"),
    [
        ("辖区服务人口指什么", "chongqing-yuzhong", "2倍"),
        ("优质服务基层行推荐标准是什么意思", "jilin", "推荐标准"),
        ("2024方案里说的“回头看”是指什么？", "jilin", "回头看"),
        ("精品家庭医生服务团队是啥意思", "chongqing-yuzhong", "1支"),
    ],
)
def test_a_meaning_no_text_gives_is_said_first_then_the_rule(kb, now, q: str, region: str, rule: str) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.answered, turn.text[:100]
    assert any(m in _first_sentence(turn.text) for m in NOT_GIVEN), turn.text[:120]
    assert rule in turn.text


def test_a_meaning_lead_names_the_term_as_not_defined(kb, now) -> None:
    turn = turn_for(kb, now, "辖区服务人口指什么", region="chongqing-yuzhong")
    assert turn.text.startswith(T.MEANING_NOT_GIVEN.format(term="辖区服务人口"))


@pytest.mark.parametrize(
    ("q", "region"),
    [("社区甲级是什么意思", "jilin"), ("卫生技术人员怎么算，护士算吗", "jilin"), ("社区甲级啥意思", "beijing")],
)
def test_a_method_entry_about_another_term_is_not_the_answer(kb, now, q: str, region: str) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert not any(a.entry_id == "method-second-name" for a in turn.shown), turn.text[:120]


@pytest.mark.parametrize(
    ("q", "region", "entry"),
    [
        ("全科医生每万人2名怎么算", "chongqing-yuzhong", "method-gp-per-10k"),
        ("公卫人员占编制25%是怎么算的", "beijing", "method-public-health-staff-share"),
        ("公共卫生人员指哪些人", "beijing", "method-public-health-staff-share"),
        ("满意度怎么测算", "chongqing-yuzhong", "method-satisfaction"),
        ("日均门诊量按工作日算吗", "chongqing-yuzhong", "method-featured-daily-visits"),
        ("渝中达标怎么判定", "chongqing-yuzhong", "method-yuzhong-pass"),
        ("中医处方那个30%咋算的", "chongqing-yuzhong", "method-tcm-prescription-share"),
    ],
)
def test_the_method_entry_of_the_term_answers(kb, now, q: str, region: str, entry: str) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.answered and [a.entry_id for a in turn.shown] == [entry], (turn.text[:120], turn.shown)


@pytest.mark.parametrize(
    ("q", "term"),
    [
        ("怎么算床位使用率", "床位使用率"),
        ("如何计算床位使用率？", "床位使用率"),
        ("请问怎么计算日均门诊量", "日均门诊量"),
        ("怎么统计签约居民人数呢", "签约居民人数"),
    ],
)
def test_the_cue_before_the_term_asks_about_what_follows_it(q: str, term: str) -> None:
    """The cue first (怎么算床位使用率): the term is what follows it in its clause, not "" or 请问."""
    assert asked_about(q, "method") == term


@pytest.mark.parametrize(
    "region",
    [
        "beijing",
        "jilin",
        "national",
        # 渝中's bed entry (no bed count, 资源配置 per the basic standard) wins, but its "没有规定床位数"
        # says nothing of the method: led by "no method" (method.opens_not_given of the term asked)
        "chongqing-yuzhong",
    ],
)
@pytest.mark.parametrize("question", ["怎么算床位使用率", "床位使用率怎么算"])
def test_a_cue_first_method_question_says_the_texts_give_no_method(kb, now, region: str, question: str) -> None:
    turn = turn_for(kb, now, question, region=region)
    assert "床位使用率" in turn.text.split("\n", 1)[0] and "计算" in turn.text.split("\n", 1)[0], turn.text[:120]
