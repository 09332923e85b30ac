"""级 typed as 及 after a grade's numeral, and a trailing "国家咋说" (sealed set 9, s9b061): "社区医院可以当
二及医院吗 国家咋说" was cut at 及 into fragments ("社区医院可以当二咋说", "医院吗", "国家咋说") and the last
was answered with the 500家 target. Now 二及医院 reads as 二级医院 (knowledge/data/synonyms.yaml), a joiner
after a numeral joins no list (knowledge/search/bare_list.py), and "国家咋说" asks which text says the
question before it (knowledge/search/question_parts.py)."""

from __future__ import annotations

import pytest

from knowledge.search.question_parts import split_parts
from tests.dialogs.qa.conftest import turn_for

SECONDARY = {"national-2021-secondary-hospital", "beijing-2022-second-level-hospital"}


@pytest.mark.parametrize(
    "question",
    [
        "社区医院可以当二及医院吗 国家咋说",
        "社区医院可以当二级医院吗，国家文件咋说",
        "社区医院能评三及医院吗 省里咋说",
        "床位要多少 国家咋说",
    ],
)
def test_what_a_text_says_is_asked_of_the_question_before_it(question: str) -> None:
    assert split_parts(question) == [question]


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("床位和使用率有什么要求", ["床位有什么要求", "使用率有什么要求"]),
        ("请问床位、使用率、面积要多少", ["请问床位要多少", "使用率要多少", "面积要多少"]),
        ("床位要多少？怎么申报", ["床位要多少", "怎么申报"]),
        ("家庭医生签约能收费吗 渝中怎么说", ["家庭医生签约能收费吗", "渝中怎么说"]),
        ("渝中验收啥时候搞 谁来验 要几项达标", ["渝中验收啥时候搞", "谁来验", "要几项达标"]),
    ],
)
def test_lists_and_separate_questions_are_still_cut(question: str, parts: list[str]) -> None:
    assert split_parts(question) == parts


def test_the_homophone_reads_as_the_grade(kb) -> None:
    analyse = kb.index.analyzer.analyse
    for typed, meant in [("二及医院", "二级医院"), ("三及医院", "三级医院"), ("2及医院", "二级医院")]:
        assert analyse(f"社区医院可以当{typed}吗")[1] == analyse(f"社区医院可以当{meant}吗")[1]


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("社区医院可以当二及医院吗 国家咋说", "national"),
        ("社区医院可以当二及医院吗", "national"),
        ("社区医院能不能升成二及医院", "beijing"),
        ("社区医院可以当二及医院吗，国家文件咋说", "chongqing-yuzhong"),
        ("社区医院能评二及医院吗", None),
    ],
)
def test_the_typed_question_gets_the_secondary_hospital_answer(kb, now, question: str, region: str | None) -> None:
    turn = turn_for(kb, now, question, region=region)
    assert turn.decision == "answer", (question, turn.decision, turn.text[:80])
    assert {a.entry_id for a in turn.shown} & SECONDARY
    assert "500家" not in turn.text
