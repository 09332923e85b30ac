"""Kinds 3 and 5 of sealed set 7's time-and-texts misses (s7a091, s7b088, s7a108): a question whether a
text is still the current one (还是2019年那个试行版吗, 出新版没, 是不是被2024年的替了) is answered with the
standing — which text governs, what the later one changed, that the stored texts still cite the 试行 518号
standard and that no newer edition is held — never with the later text's targets; an in-force word
(到期了, 过期了) in a question about nothing of ours keeps the decline, never the 适用文件 line alone."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_for

REGIONS = ["national", "jilin", "chongqing-yuzhong", "beijing"]


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(
    "question",
    [
        "社区医院基本标准出新版没有",
        "基本标准有没有新版本",
        "社区医院基本标准现在用哪个版本",
        "518号那个标准是不是还是试行版",
    ],
)
def test_the_basic_standards_edition_is_its_standing(kb, now, question: str, region: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.kind == "in_force" and turn.answered
    assert "518号" in turn.text and "试行" in turn.text and T.CITED_NOT_REPLACED in turn.text


@pytest.mark.parametrize(
    "question",
    ["吉林2020年的方案是不是让2024年的替掉了", "5号文是不是被17号文替了", "老方案是不是被新方案替换了"],
)
def test_replaced_by_a_later_text_is_which_text_governs_each_point(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.kind == "in_force" and turn.answered
    assert "吉卫联发〔2024〕17号" in turn.text and "吉卫基层发〔2020〕5号" in turn.text
    assert "不低于800家" not in turn.text  # the 2024 targets answer another question


def test_both_parts_of_still_valid_and_replaced_give_standing(kb, now) -> None:
    turn = turn_for(kb, now, "吉林那个2020年的5号文还有效吗？是不是让2024年那个替了？", "jilin")
    assert turn.kind == "multipart" and len(turn.sections) == 2
    assert all("不低于800家" not in s.text for s in turn.sections)
    assert "吉卫联发〔2024〕17号" in turn.sections[1].text


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(
    "question", ["驾驶证到期了去哪换", "营业执照到期了怎么续", "护照失效了怎么办", "健康证过期了还能用吗"]
)
def test_an_in_force_word_about_nothing_of_ours_is_declined(kb, now, question: str, region: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert T.IN_FORCE_HEADER not in turn.text and "适用文件" not in turn.text


@pytest.mark.parametrize("question", ["那个方案还有效吗", "2020年的文件作废了没"])
def test_a_text_asked_still_gets_its_standing(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.kind == "in_force" and turn.answered
