"""Kind 1 of sealed set 7's time-and-texts misses (tests/eval/sealed-2026-12-01c.judged.yaml: s7a089,
s7b093, s7a092, s7b052): whether an earlier result still counts (还作数 / 还算数 / 还要拿新标准再查一遍)
is the "回头看" of the region's text — Jilin's 吉卫联发〔2024〕17号 二（一） for institutions that met the
standard in 2021 or earlier, Beijing's 一（二） (3 years, 30 % in 2022) — never the region's targets nor the
适用文件 line alone. Phrasings of our own, never the set's questions; the regions where a 回头看 is written."""

from __future__ import annotations

import pytest

from knowledge.search.question_parts import split_parts
from tests.dialogs.qa.conftest import turn_for

STILL_COUNTS = [
    "我们卫生院21年就达标了，这个结果现在还算数吗",
    "早几年评上服务能力标准的，现在还有效不",
    "以前达到能力标准的机构现在还作数吗",
    "之前评上推荐标准了，还要按新标准再查一回吗",
    "老早就达标的机构还要重新评吗",
]


@pytest.mark.parametrize("question", STILL_COUNTS)
def test_an_earlier_result_asked_in_jilin_is_the_2024_revisit(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.answered
    assert "回头看" in turn.text and "2021年及以前" in turn.text and "吉卫联发〔2024〕17号" in turn.text
    assert "不低于800家" not in turn.text  # the 2024 targets are another question


@pytest.mark.parametrize("question", STILL_COUNTS)
def test_an_earlier_result_asked_in_beijing_is_its_revisit(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "beijing")
    assert turn.answered
    assert "回头看" in turn.text and "30%" in turn.text and "3年" in turn.text


@pytest.mark.parametrize(
    "question",
    [
        "现在评基层行按老标准还是新标准",
        "优质服务基层行现在用旧版标准还是新版",
        "北京评能力标准是用老的标准还是新的标准",
    ],
)
def test_old_or_new_standard_in_beijing_is_the_2022_edition(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "beijing")
    assert turn.answered and "2022版" in turn.text


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("现在按老标准还是新标准？以前达标的咋办？", "现在按老标准还是新标准"),
        ("按2020年的还是2024年的？以前的结果还算吗？", "按2020年的还是2024年的"),
        ("县里报还是市里报？啥时候截止？", "县里报还是市里报"),
    ],
)
def test_an_either_or_whose_options_share_their_head_is_a_part_of_its_own(question: str, first: str) -> None:
    parts = split_parts(question)
    assert len(parts) == 2 and parts[0] == first


@pytest.mark.parametrize("text", ["我们还是想问一下床位的事", "我们是社区卫生服务中心还是想申请", "还是不太明白"])
def test_still_in_a_statement_is_no_either_or(text: str) -> None:
    from knowledge.search.intent import asks

    assert not asks(text)


def test_both_parts_of_the_old_or_new_question_are_answered_in_beijing(kb, now) -> None:
    turn = turn_for(kb, now, "北京评基层行，现在按老标准还是新标准？以前达标的机构怎么办？", "beijing")
    assert turn.kind == "multipart" and turn.answered
    assert "2022版" in turn.sections[0].text and "回头看" in turn.sections[1].text
