"""Issue 12, brief oos3: a question near the topic whose one rare noun the texts never name
(执业许可证多久校验一次, 药师注册需要准备哪些材料, 社区医院的保洁归谁管) was answered from the entry that
shares its common words. The word the attribute is asked of (knowledge/search/asked_of.py), rare in
the language and absent from the entry and its cited sentences, now sends the answer to the
suggestions or the decline. The set (oos_rare_noun.yaml) has a tuning half, run here, and a held-out
half reported by tests/eval/oos_rare_noun.py; its in-scope questions, rare nouns the texts do name,
are checked in both halves: the check never refuses a right entry."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.search.asked_of import clauses, slot
from knowledge.search.intent import cues

SET = yaml.safe_load((Path(__file__).parent / "oos_rare_noun.yaml").read_text(encoding="utf-8"))
REGIONS = ("jilin", "beijing", "chongqing-yuzhong", "national", None)
ANSWERED = ("answer", "likely")
# Tuning items the check does not reach (none since brief oos4: 法人 only inside 法人证书, the
# registration entry that gives no papers, 开几天的药 and 几年年检 are test_oos_attribute.py's kinds).
LEFT: frozenset[str] = frozenset()


def _slot_units(kb, question: str) -> list[str]:
    units = []
    for clause in clauses(question):
        words, _ = kb.index.analyzer.analyse(clause)
        units += [u for u, _, _ in slot(words, cues().question_words)]
    return units


def test_the_set_has_both_kinds_in_both_halves() -> None:
    for kind in ("oos", "inscope"):
        items = SET[kind]
        assert len(items) >= 40, kind
        assert {i["half"] for i in items} == {"tune", "held"}, kind
    asks = {i["asks"] for i in SET["oos"]}
    assert asks == {"who", "howlong", "money", "materials", "can"}


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("社区医院的保洁归谁管", "保洁"),
        ("院长由谁来任命", "院长"),
        ("执业许可证多久校验一次", "校验"),
        ("电梯多久年检一次", "年检"),
        ("处方要保存几年", "处方"),
        ("护工一天多少钱", "护工"),
        ("社区医院的挂号费多少钱", "挂号费"),
        ("申请麻醉药品印鉴卡要交什么材料", "印鉴卡"),
        ("药师注册需要准备哪些材料", "药师"),
        ("办理排污许可证要什么材料", "排污"),
        ("社区医院的保洁由哪个部门管", "保洁"),
        ("印鉴卡去哪里办", "印鉴卡"),
        ("挂号费是多少", "挂号费"),
        ("护工费用一天多少", "护工"),
        ("电梯一年检查几次", "电梯"),
    ],
)
def test_the_word_asked_of_is_read_before_the_cue_or_after_a_duration(kb, question, unit) -> None:
    assert unit in _slot_units(kb, question)


@pytest.mark.parametrize(
    ("question", "not_unit"),
    [
        ("北京这边达标了，谁给俺们在许可证上加注社区医院？", "达标"),  # another clause
        ("申请社区医院建设，机构这边要交些什么材料？", "交些"),  # 交 + 些: not a word
        ("吉林这块社区医院的事找谁", "事找"),
        ("北京和渝中谁给社区医院加注名称", "社区医院"),  # a phrase stop
    ],
)
def test_words_outside_the_asked_of_phrase_are_not_read(kb, question, not_unit) -> None:
    assert not_unit not in _slot_units(kb, question)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("item", [i for i in SET["oos"] if i["half"] == "tune"], ids=lambda i: i["q"])
def test_a_near_topic_question_with_a_rare_noun_is_not_answered_confidently(kb, item, region) -> None:
    if item["q"] in LEFT:
        pytest.skip("left: see LEFT")
    result = kb.search(item["q"], region)
    top = result.answers[0].entry_id if result.answers else ""
    assert result.decision not in ANSWERED or top in (item.get("honest") or ()), (result.decision, top)


@pytest.mark.parametrize("item", SET["inscope"], ids=lambda i: i["q"])
def test_a_rare_noun_the_right_entry_holds_is_never_refused(kb, item) -> None:
    index = kb.index
    for entry in item["entries"]:
        assert index.subjects.rare_asked(item["q"], index.by_id[entry]) is None, entry


@pytest.mark.parametrize("region", ("jilin", "beijing", "national"))
@pytest.mark.parametrize(
    "question",
    [
        "办理排污许可证要什么材料",
        "排污许可证怎么办要哪些材料",
        "申请排污许可证需要什么材料",
        "办排污许可证要交什么材料",
    ],
)
def test_a_qualifier_folded_into_the_entries_word_still_counts(kb, question, region) -> None:
    """许可证 is folded into the entries' 执业许可证: 排污 before it is what is asked of, and no
    entry names it, so the naming entry (which holds 执业许可证) is not the answer."""
    result = kb.search(question, region)
    assert result.decision not in ANSWERED, (result.decision, result.answers[:1])
