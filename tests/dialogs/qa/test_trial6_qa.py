"""Newcomer trial 6, the Q&A findings, each as a kind (several phrasings, not the newcomer's words only):
N9 an introduction that is what is asked about, N10 a group-chat @mention before a greeting, N2 the
national reference for a place not covered, N3 a comparison on a matter one side's texts do not set,
N4 a level named before what it does."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from dialogs.qa import compare, smalltalk
from dialogs.qa.uncovered import national_only
from dialogs.texts import qa as T
from dialogs.texts import qa_compare as TC
from tests.dialogs.qa.conftest import turn_for

SCOPE = "yuzhong-2021-scope"


@pytest.mark.parametrize(
    "question",
    [
        "我们是民营的社区卫生服务中心，能申请吗",
        "你好，我们是社会办的社区卫生服务中心，可以参加吗",
        "我们这边是私立的社区卫生服务中心，能报社区医院吗",
    ],
)
def test_an_introduction_that_is_what_is_asked_about_is_searched(kb, now, question: str) -> None:
    """N9: the introduction names the institution's nature, the rest asks only 能申请吗: the whole is
    searched (the question without the introduction asks nothing)."""
    turn = turn_for(kb, now, question, region="chongqing-yuzhong")
    assert turn.answered and turn.best_entry == SCOPE, turn.text


def test_an_introduction_that_says_only_who_asks_is_still_left_out(kb, now) -> None:
    turn = turn_for(kb, now, "你好，我是XX卫生院院长，想问床位要多少张", region="jilin")
    assert turn.answered and "30张" in turn.text


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("@社区医院助手 大家好，想问下谁来验收", "大家好，想问下谁来验收"),
        ("＠小助手，你好", "你好"),
        ("@所有人 @张主任 明天开会", "明天开会"),
        ("床位@多少", "床位@多少"),
        ("@社区医院助手", "@社区医院助手"),
    ],
)
def test_leading_mentions_are_left_out(text: str, rest: str) -> None:
    assert smalltalk.without_address(text) == rest


@pytest.mark.parametrize(
    "question",
    [
        "@社区医院助手 大家好，我是海淀某社区卫生服务中心的，想问下北京谁来验收",
        "@社区医院助手，各位好，想问下北京谁来验收",
        "＠小助手 你好 我是朝阳一个中心的主任，北京谁来评估",
    ],
)
def test_a_mention_greeting_and_introduction_keep_the_question(kb, now, question: str) -> None:
    """N10: each alone kept the question; together the question was declined."""
    turn = turn_for(kb, now, question, region="beijing")
    assert turn.answered and "主管业务部门" in turn.text, turn.text


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("吉林和上海的申报时间一样吗", "jilin"),
        ("重庆江北区的社区医院申报要求一样吗", "chongqing-yuzhong"),
        ("广东和吉林的床位要求有啥区别", "jilin"),
        ("江北区跟渝中的条件一样不", "chongqing-yuzhong"),
        ("上海什么时候申报", "jilin"),
    ],
)
def test_the_national_reference_for_a_place_not_covered_cites_national_texts_only(
    kb, now, question: str, region: str
) -> None:
    """N2: 渝中's 常态化受理 was shown as "国家文件的规定（各地都适用）", and 一样吗 found the fee entry."""
    turn = turn_for(kb, now, question, region=region)
    assert turn.kind == "not_covered"
    assert all(national_only(a, kb) for a in turn.shown)
    # 重庆's other districts also get the city plan under its own heading (ncov10); the national part never cites 渝中
    national = next((p for p in turn.text.split("\n\n") if p.startswith(T.NATIONAL_FOR_REFERENCE)), "")
    assert "渝中卫发" not in national and "费用" not in turn.text
    assert "国家" in turn.text


@pytest.mark.parametrize(
    "question", ["吉林和上海的申报时间一样吗", "上海什么时候申报", "广东的申报截止时间跟吉林一样吗"]
)
def test_a_date_asked_of_a_place_not_covered_gets_the_national_date(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, region="jilin")
    assert "11月30日" in turn.text and "本省通知为准" in turn.text


@pytest.mark.parametrize(
    "question", ["吉林跟渝中满意度要求一样不", "渝中和吉林的满意度要求有啥区别", "吉林和渝中对满意度的要求一样吗"]
)
def test_a_side_whose_texts_set_no_satisfaction_figure_shows_no_other_matter(kb, now, question: str) -> None:
    """N3: 吉林's 医疗质量 entry stood for its satisfaction rule; 渝中's item numbers were compared."""
    turn = turn_for(kb, now, question, region="jilin")
    assert turn.kind == "comparison"
    jilin = next(s.text for s in turn.sections if s.label == "jilin")
    assert "医疗质量" not in jilin
    assert "9项" not in turn.sections[-1].text and "11项" not in turn.sections[-1].text


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("按附件1第9项，患者满意度≥80%，第10项同样", ["80%"]),
        ("共11项指标，第3项床位30张", ["11项", "30张"]),
    ],
)
def test_an_items_number_is_no_amount(text: str, facts: list[str]) -> None:
    assert compare.key_facts(text, frozenset({"amount"})) == facts


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("原则上由省级卫生健康行政部门组织开展评估，各地可根据工作实际授权地市级开展评估。", "地市级卫生健康部门"),
        ("可委托区县级负责验收。", "区县级卫生健康部门"),
    ],
)
def test_a_level_named_before_what_it_does_is_a_body(text: str, level: str) -> None:
    """N4: 317号's 授权地市级开展评估 was missed, so 【比较】 said only 吉林 named 地市级."""
    assert level in compare.key_facts(text, frozenset({"body"}))


@pytest.mark.parametrize("question", ["国家和吉林谁来评估", "吉林跟国家评估分别由谁负责"])
def test_a_comparison_of_who_evaluates_sees_both_name_the_city_level(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, region="jilin")
    summary = turn.sections[-1].text
    assert TC.LEVEL_NAMES["city"] not in summary.split("只有")[-1] or "只有" not in summary


@pytest.mark.parametrize(
    "question",
    [
        "原则上要达到推荐标准是啥意思？没达到还能报吗",
        "没达到推荐标准还能报吗",
        "推荐标准达不到还能申请吗",
        "要求达到推荐标准，我们达不到咋办",
    ],
)
def test_a_quoted_or_unmet_requirement_is_never_read_as_met(kb, now, question: str) -> None:
    """N1/N12: the rule's words (要达到推荐标准) were read as the institution's level (✅ 符合), and
    "没达到…还能报吗" got the calendar's "dates are over"."""
    turn = turn_for(kb, now, question, region="beijing")
    assert "✅ 原则上达到服务能力推荐标准" not in turn.text
    assert turn.kind != "in_force", turn.text
    assert "原则上" in turn.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("我们没达到推荐标准，只达到基本标准", "basic"),
        ("我们达到了推荐标准", "recommended"),
        ("原则上要达到推荐标准是啥意思", None),
        ("推荐标准还差点", None),
    ],
)
def test_the_level_read_from_a_situation(kb, text: str, value: str | None) -> None:
    from dialogs.qa.facts import read_situation

    stated = read_situation(text, kb.fields).get("service_capability_level")
    assert (stated.value if stated else None) == value


@pytest.mark.parametrize("question", ["现在还能报吗", "今年还能申请吗"])
def test_still_open_is_still_answered_from_the_calendar(kb, now, question: str) -> None:
    assert turn_for(kb, now, question, region="beijing").kind == "in_force"


TODAY = dt.datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("question", "region", "until"),
    [
        ("下个月底之前要做啥", "jilin", "2027年1月31日"),
        ("这个月底前要做什么", "beijing", "2026年12月31日"),
        ("下周要干什么", "chongqing-yuzhong", "2026年12月13日"),
        ("最近要忙什么", "jilin", "2026年12月31日"),
    ],
)
def test_a_time_counted_from_today_gets_the_calendar_window(kb, question: str, region: str, until: str) -> None:
    """N17: "下个月底之前要做啥" got the flat decline while /status knew no deadline was loaded."""
    turn = turn_for(kb, TODAY, question, region=region)
    assert turn.answered and until in turn.text, turn.text
    assert "没有规定您这一方要办的截止日期" in turn.text and "/status" in turn.text


@pytest.mark.parametrize("question", ["离截止还有几天", "距离截止还剩多少天"])
def test_days_left_with_no_deadline_loaded_says_so(kb, question: str) -> None:
    turn = turn_for(kb, TODAY, question, region="jilin")
    assert turn.answered and "没有“还剩几天”可算" in turn.text


@pytest.mark.parametrize(
    ("question", "region", "entry"),
    [
        ("下个月底前要交什么", "chongqing-yuzhong", "yuzhong-2021-acceptance-form"),
        ("下周要准备什么材料", "chongqing-yuzhong", "yuzhong-2021-acceptance-form"),
        ("下个月底前要交什么", "jilin", "jilin-2020-materials"),
    ],
)
def test_a_time_beside_another_question_is_said_before_its_answer(kb, question: str, region: str, entry: str) -> None:
    turn = turn_for(kb, TODAY, question, region=region)
    assert turn.best_entry == entry or entry in {a.entry_id for a in turn.shown}
    assert "为止" in turn.text and "3月底前" not in turn.text


@pytest.mark.parametrize(
    "question", ["渝中社区医院现在还能报吗？下个月底前要交什么", "现在还能申请吗？下个月底前要交啥材料"]
)
def test_a_second_part_with_a_relative_time_is_not_dropped(kb, question: str) -> None:
    """N11: only the 还能报吗 part was answered."""
    turn = turn_for(kb, TODAY, question, region="chongqing-yuzhong")
    assert turn.kind == "multipart" and len(turn.sections) == 2
    assert "附件4" in turn.sections[1].text


@pytest.mark.parametrize("question", ["每个月底要报什么", "年底前要建成多少家", "2022年底前完成命名了吗"])
def test_a_texts_own_time_is_no_window(kb, question: str) -> None:
    assert "为止，收录的" not in turn_for(kb, TODAY, question, region="beijing").text


@pytest.mark.parametrize("question", ["验收申请表在哪下载", "申请表去哪里领取", "那个验收申请表哪里能拿到"])
def test_where_to_get_the_form_names_the_annex_and_whom_to_ask(kb, now, question: str) -> None:
    """N24: the form's fields were described, not where to get it."""
    turn = turn_for(kb, now, question, region="chongqing-yuzhong")
    assert turn.answered and "附件4" in turn.text and "社区卫生健康科" in turn.text


def test_what_the_form_holds_is_still_its_fields(kb, now) -> None:
    assert (
        turn_for(kb, now, "验收申请表要填什么", region="chongqing-yuzhong").best_entry == "yuzhong-2021-acceptance-form"
    )


@pytest.mark.parametrize(("question", "region"), [("要配多少护士", "national"), ("医护比是多少", "jilin")])
def test_sources_under_we_do_not_have_it_are_said_to_be_related_only(kb, now, question: str, region: str) -> None:
    """N21: "📄 出处：317号 四" under "助手没有…的规定" read as if 317号 set a nurse ratio."""
    text = turn_for(kb, now, question, region=region).text
    assert "📄 出处" not in text and T.SOURCE_RELATED.split("{")[0] in text


def test_a_rule_keeps_its_source(kb, now) -> None:
    assert "📄 出处" in turn_for(kb, now, "床位要多少张", region="jilin").text
