"""Situations beside other questions, situations in regions whose texts give no figure, situations
compared across regions (the breaker's B12/B13): "床位40张，使用率80%，能申请吗？要交什么材料？" once got
only the verdict, the other parts silently dropped; "北京，床位40张…能申请吗" got a news snippet or a
decline; "吉林和北京，床位40张…" compared one rule and judged nothing."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, buttons_of, turn_for

MARK_2 = T.PART_MARKS[1]
VIA = T.SITUATION_VIA_BASIC_STANDARD.split("{")[1].split("}")[1][:6]  # "的文件没有对"


@pytest.mark.parametrize(
    ("text", "region", "verdict", "other"),
    [
        ("床位40张，使用率80%，能申请吗？要交什么材料？", "jilin", "✅", "申请表"),
        ("我们床位35张，使用率78%，够不够？业务用房面积要多少？", "jilin", "✅", "3000平方米"),
        ("床位28张，使用率80%，能报吗？另外哪天前报到省里？", "jilin", "❌", "6月30日"),
        ("我们中药饮片有320种，能通过吗？谁来验收？", "chongqing-yuzhong", "✅", "区卫生健康委"),
    ],
)
def test_a_situation_and_other_questions_are_each_answered(kb, now, text, region, verdict, other) -> None:
    turn = turn_for(kb, now, text, region=region)
    assert turn.kind == "multipart", turn.text[:200]
    first, _, rest = turn.text.partition(MARK_2)
    assert verdict in first and T.SITUATION_DISCLAIMER in first
    assert other in rest, rest[:300]


def test_the_verdicts_check_button_stays(kb, now) -> None:
    out = ask(kb, now, "床位40张，使用率80%，能申请吗？要交什么材料？", region="jilin")
    assert any(b.startswith("g:chk") for b in buttons_of(out)), buttons_of(out)


def test_a_follow_up_about_the_verdict_is_part_of_it(kb, now) -> None:
    turn = turn_for(kb, now, "床位25张，使用率80%，够吗？不够的话还差多少？", region="jilin")
    assert turn.kind == "situation" and "还差5张" in turn.text


@pytest.mark.parametrize(
    ("text", "region", "expect"),
    [
        ("床位40张，使用率80%，能申请吗", "beijing", ["✅ 实际开放床位", "✅ 床位使用率", "新闻报道"]),
        # a reported figure never decides: below it is a warning with the gap, not a ❌
        ("我们床位20张，使用率60%，能申请吗", "beijing", ["⚠️ 实际开放床位", "还差10张", "⚠️ 床位使用率"]),
        ("床位40张，使用率80%，面积3000平方米，能申请吗", "chongqing-yuzhong", ["第2项", "✅ 实际开放床位"]),
        ("我在北京朝阳，床位40张，使用率80%，能申请吗", "jilin", ["北京市" + VIA, "✅ 实际开放床位"]),
    ],
)
def test_a_region_without_figures_is_judged_by_its_basic_standard_condition(kb, now, text, region, expect) -> None:
    turn = turn_for(kb, now, text, region=region)
    assert turn.kind == "situation" and turn.decision == "answer", turn.text[:200]
    for e in expect:
        assert e in turn.text, (e, turn.text[:500])
    assert VIA in turn.text
    # the region's own condition is cited beside the reported figures
    assert any(s.document != "basic-standard-2019-reports" for s in turn.sources)


def test_a_figure_no_text_takes_is_said_not_judged(kb, now) -> None:
    turn = turn_for(kb, now, "床位40张，使用率80%，面积3000平方米，能申请吗", region="beijing")
    assert T.SITUATION_NOT_TAKEN.format(labels="业务用房建筑面积", regions="北京市") in turn.text
    turn = turn_for(kb, now, "我们床位40张，全科医生8名，能申请吗", region="jilin")
    assert T.SITUATION_NOT_TAKEN.format(labels="全科医生数", regions="吉林省") in turn.text


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("吉林和北京，床位40张，使用率80%，能申请吗", "jilin"),
        ("我们床位28张，使用率80%，在北京和吉林能申请吗", None),
    ],
)
def test_a_situation_in_two_regions_is_judged_in_each(kb, now, text, region) -> None:
    turn = turn_for(kb, now, text, region=region)
    assert turn.kind == "situation", turn.text[:200]
    assert T.SITUATION_COMPARED in turn.text
    assert "【吉林省】" in turn.text and "【北京市】" in turn.text
    assert T.SITUATION_CHECK not in turn.text  # /check is for one region


@pytest.mark.parametrize(
    ("text", "region", "other"),
    [
        ("要交什么材料？床位40张，使用率80%，能申请吗？", "jilin", "申请表"),
        ("业务用房面积要多少？我们床位35张，使用率78%，够不够？", "jilin", "3000平方米"),
    ],
)
def test_a_situation_after_another_question_is_still_judged_and_the_question_answered(
    kb, now, text, region, other
) -> None:
    # breaker2: facts after a finished question joined it, and the verdict swallowed the question
    turn = turn_for(kb, now, text, region=region)
    assert turn.kind == "multipart", turn.text[:200]
    assert "✅" in turn.text and other in turn.text


def test_one_other_question_is_answered_as_a_question_of_its_own(kb, now) -> None:
    # breaker2: "什么时候截止" after a 渝中 situation was said unanswered (read as a later part, its
    # answer — 常态化受理, no fixed date — gave no date); asked alone it is answered
    turn = turn_for(kb, now, "我们中药饮片有320种，能通过吗？什么时候截止？", region="chongqing-yuzhong")
    assert turn.kind == "multipart" and turn.decision == "answer"
    assert "常态化" in turn.text.partition(MARK_2)[2]
    assert [s.status for s in turn.sections] == ["answered", "answered"]


def test_two_regions_and_another_question(kb, now) -> None:
    turn = turn_for(kb, now, "吉林和渝中，床位40张，能申请吗？什么时候截止？", region="chongqing-yuzhong")
    assert turn.kind == "multipart", turn.text[:200]
    first, _, second = turn.text.partition(MARK_2)
    assert "【吉林省】" in first and "【重庆市渝中区】" in first and "✅" in first
    assert "6月30日" in second and "常态化" in second


@pytest.mark.parametrize("region", ["beijing", "chongqing-yuzhong"])
def test_a_region_judged_only_by_reported_figures_says_its_own_conditions_are_still_open(kb, now, region) -> None:
    # newcomer2 F5: two green ticks from news figures and no verdict line, nothing of the region's own
    turn = turn_for(kb, now, "我们中心床位三十五张、使用率七成，能申请吗", region=region)
    head = T.SITUATION_VIA_UNDECIDED.split("{")[0]
    assert turn.text.startswith(head), turn.text[:200]
    assert "《社区医院基本标准（试行）》" in turn.text.splitlines()[0]
    assert "（全国（国家文件））" not in turn.text
