"""Questions about now: the answer ends with which text governs the region's procedure today; a
question whether a text still applies gets that line when no entry is sure."""

from __future__ import annotations

import datetime as dt

from core.clock import SHANGHAI
from dialogs import render
from dialogs.texts import qa as T
from knowledge.search.intent import asks_now
from tests.dialogs.qa.conftest import turn_for

NOV_30 = dt.datetime(2026, 11, 30, 10, 0, tzinfo=SHANGHAI)


def test_now_and_in_force_words_are_told_apart() -> None:
    assert asks_now("北京那个方案现在还适用吗") == "in_force"
    assert asks_now("吉林今年申报截止是啥时候") == "now"
    assert asks_now("吉林申报截止是啥时候") is None
    assert asks_now("名单9月底前报，明年还这样吗") == "in_force"  # spoken: 还这样吗 / 还按这个来


def test_a_question_whether_a_plan_still_applies_names_the_text_governing_today(kb) -> None:
    turn = turn_for(kb, NOV_30, "吉林2024到2025那个方案今年还执行吗", region=None)
    line = render.procedure(kb, "jilin", NOV_30.date())
    assert line and line in turn.text and turn.answered
    assert "本助手收录的文件只到2025年12月31日" in turn.text and "市（州）卫生健康委" in turn.text


def test_an_answer_about_now_ends_with_the_governing_text_once(kb) -> None:
    turn = turn_for(kb, NOV_30, "北京今年还是8月31号前填报吗", region="beijing")
    line = render.procedure(kb, "beijing", NOV_30.date())
    assert turn.text.count(line) == 1


def test_no_note_without_a_question_about_now(kb) -> None:
    turn = turn_for(kb, NOV_30, "北京社区医院的联系电话是多少", region="beijing")
    assert render.procedure(kb, "beijing", NOV_30.date()) not in turn.text
    assert T.IN_FORCE_HEADER not in turn.text


def test_which_text_is_asked_by_cue_or_by_two_years_of_texts() -> None:
    """Brief qameth: 按2020年的方案还是2024年的 asks which text applies; two years of a date do not."""
    assert asks_now("申报按2020年那个方案还是按2024年的方案") == "which"
    assert asks_now("新方案还是老方案，以哪个为准") == "which"
    assert asks_now("截止是2024年还是2025年") is None


def test_which_text_applies_names_each_points_text_and_period(kb) -> None:
    turn = turn_for(kb, NOV_30, "我们现在办社区医院，依据2020年的文件还是2024年的文件？", region="jilin")
    assert turn.answered and turn.kind == "in_force"
    assert "吉卫基层发〔2020〕5号" in turn.text and "吉卫联发〔2024〕17号" in turn.text
    assert "遴选条件" in turn.text and "2024—2025年" in turn.text
    assert "市（州）卫生健康委" in turn.text  # whom to ask: no loaded text covers today


def test_a_rules_figure_asked_whether_it_still_applies_is_not_a_situation(kb) -> None:
    """床位30张那个条件还有效吗: the 30张 is the rule's, not the director's institution's — no verdict."""
    turn = turn_for(kb, NOV_30, "业务用房3000平方米那个条件现在还有效吗", region="jilin")
    assert turn.kind != "situation" and turn.answered
    assert "吉卫基层发〔2020〕5号" in turn.text and "市（州）卫生健康委" in turn.text


def test_the_governing_note_is_not_said_twice(kb) -> None:
    turn = turn_for(kb, NOV_30, "吉林今年什么时候截止申报", region=None)
    assert turn.text.count("本助手收录的文件只到2025年12月31日") <= 1
