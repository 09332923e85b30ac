"""Comparisons: each named region's answer side by side (searched in that region's texts only), then
the same and the different, derived from the answers' own numbers, dates and bodies."""

from __future__ import annotations

import pytest

from dialogs.qa.compare import key_facts, regions_compared, summary
from dialogs.texts import qa_compare as TC
from knowledge.places import places_named
from knowledge.search.model import Answer
from tests.dialogs.qa.conftest import ask, text_of, turn_for


def test_two_regions_named_are_answered_side_by_side(kb, now) -> None:
    turn = turn_for(kb, now, "吉林和北京对公卫人员占比的要求一样吗", region=None)
    assert turn.kind == "comparison" and turn.answered
    text = turn.text
    assert text.index("【吉林省】") < text.index("【北京市】") < text.index(TC.COMPARE_SUMMARY)
    assert "25%" in text
    assert TC.COMPARE_SAME.format(facts="25%") in text, "both give 25 %: said to be the same"
    assert {s.number for s in turn.sources} >= {"吉卫联发〔2024〕17号"}


def test_a_side_is_the_regions_own_entry_not_the_national_one(kb, now) -> None:
    turn = turn_for(kb, now, "国家和吉林对社区医院评估主体的规定对得上吗", region=None)
    assert turn.kind == "comparison"
    jilin = turn.text[turn.text.index("【吉林省】") : turn.text.index(TC.COMPARE_SUMMARY)]
    assert "吉卫" in jilin, "Jilin's own text, not the national notice again"


def test_one_region_and_a_comparison_word_compare_with_the_users_region(kb) -> None:
    named = places_named("北京跟我们有什么不同")
    assert regions_compared("北京跟我们有什么不同", named, "jilin") == ("jilin", "beijing")
    assert regions_compared("北京床位要多少", places_named("北京床位要多少"), "jilin") == ()


def test_national_named_as_a_source_is_not_a_comparison(kb) -> None:
    q = "吉林这个方案是根据哪个国家文件定的"
    assert regions_compared(q, places_named(q), None) == ()


def test_key_facts_are_numbers_dates_and_bodies_by_level() -> None:
    text = "县（市、区）卫生健康行政部门审核，市（州）卫生健康委于每年6月30日前报省卫健委，床位≥30张，比例不低于25％。"
    assert key_facts(text) == [
        "区县级卫生健康部门",
        "地市级卫生健康部门",
        "6月30日（市级报省级卫生健康部门）",  # a reporting date with its step (F12)
        "省级卫生健康部门",
        "30张",
        "25%",
    ]


def test_summary_says_what_only_one_side_gives(kb) -> None:
    a = Answer("a", "问", "不低于25%，并至少配备1名公共卫生医师。", (), ("jilin",))
    b = Answer("b", "问", "不得低于25%。", (), ("beijing",))
    text = summary(kb, {"jilin": a, "beijing": b})
    assert TC.COMPARE_SAME.format(facts="25%") in text
    assert TC.COMPARE_ONLY.format(name="吉林省", facts="1名") in text


def test_the_comparison_goes_through_the_chat(kb, now) -> None:
    text = text_of(ask(kb, now, "吉林和渝中挂牌后名称怎么处理 一样吗", region=None))
    assert "【吉林省】" in text and "【重庆市渝中区】" in text and "第二名称" in text


# F12: compare the same attribute, never take a body from a sentence saying whom to ask.
def test_a_hedge_sentence_gives_no_body() -> None:
    text = "吉林要求实际开放床位数≥30张。现在是否仍按此执行，请向市（州）卫生健康委确认。"
    assert key_facts(text) == ["30张"]


def test_only_the_attribute_asked_is_compared() -> None:
    from dialogs.qa.compare import attributes_asked

    assert attributes_asked("床位要求有什么不同") == frozenset({"amount"})
    assert attributes_asked("谁来验收") == frozenset({"body"})
    assert attributes_asked("什么时候截止") == frozenset({"date"})
    assert attributes_asked("有啥不一样") is None
    text = "区卫生健康委9月30日前审核，床位不少于30张。"
    assert key_facts(text, frozenset({"amount"})) == ["30张"]
    assert key_facts(text, frozenset({"body"})) == [TC.LEVEL_NAMES["district"]]


def test_beijings_district_licensing_body_is_a_district_body() -> None:
    text = "按北京方案，各区负责审批和发放《医疗机构执业许可证》的主管业务部门进行评估。"
    assert key_facts(text) == [TC.LEVEL_NAMES["district"]]


def test_who_evaluates_in_beijing_and_yuzhong_both_name_a_district_body(kb, now) -> None:
    text = turn_for(kb, now, "北京跟渝中谁来验收", region=None).text
    summary_part = text.split(TC.COMPARE_SUMMARY)[1]
    assert TC.COMPARE_SAME.format(facts=TC.LEVEL_NAMES["district"]) in summary_part
    assert "只有重庆市渝中区写了：" + TC.LEVEL_NAMES["district"] not in summary_part


def test_a_bed_comparison_does_not_list_a_body_from_a_hedge(kb, now) -> None:
    text = turn_for(kb, now, "渝中和吉林床位要求有什么不同", region=None).text
    summary_part = text.split(TC.COMPARE_SUMMARY)[1]
    assert "30张" in summary_part and TC.LEVEL_NAMES["city"] not in summary_part


# ---------------------------------------------------------------- F12: dates of different reporting levels


def test_a_reporting_date_names_who_reports_to_whom() -> None:
    national = "国卫办基层函〔2021〕317号要求各省份于11月30日前将社区医院建设年度工作总结报送国家卫生健康委基层司。"
    jilin = "市（州）卫生健康行政部门对复核达标的机构于9月30日前上报省卫生健康委，同时上报工作总结。"
    application = "申请经县（市、区）、市（州）审核后，于每年6月30日前报送省卫生健康委。"
    assert key_facts(national, frozenset({"date"})) == ["11月30日（省级报国家卫生健康委）"]
    assert key_facts(jilin, frozenset({"date"})) == ["9月30日（市级报省级卫生健康部门）"]
    assert key_facts(application, frozenset({"date"})) == ["6月30日（申请机构报省级卫生健康部门）"]
    # a date that is no report keeps no step
    assert key_facts("省卫生健康委于每年10月31日前组织专家评估。", frozenset({"date"})) == ["10月31日"]


def test_dates_of_different_levels_are_said_not_to_be_comparable(kb) -> None:
    def entry(region: str, text: str) -> Answer:
        return Answer(f"{region}-x", "q", text, (), (region,))

    answered = {
        "national": entry("national", "各省份于11月30日前将名单报送国家卫生健康委基层司。"),
        "jilin": entry("jilin", "市（州）卫生健康行政部门于9月30日前上报省卫生健康委。"),
    }
    text = summary(kb, answered, frozenset({"date"}))
    assert "11月30日（省级报国家卫生健康委）" in text and "9月30日（市级报省级卫生健康部门）" in text
    assert TC.COMPARE_LEVELS.split("（")[0] in text
    answered["jilin"] = entry("jilin", "省卫生健康委于每年11月30日前将名单报送国家卫生健康委基层司。")
    assert TC.COMPARE_LEVELS.split("（")[0] not in summary(kb, answered, frozenset({"date"}))


def test_a_comparison_keeps_where_something_is_sent(kb, now) -> None:
    # "报国家" is what is asked: Jilin's own date for its list to the commission, not its 9月30日
    text = turn_for(kb, now, "吉林和国家的名单几号前报国家，一样吗", region=None).text
    jilin = text[text.index("【吉林省】") : text.index(TC.COMPARE_SUMMARY)]
    assert "11月30日" in jilin
    assert "11月30日" in text[text.index("【全国") : text.index("【吉林省】")]


def test_a_later_part_that_is_only_a_place_asks_the_same_of_it(kb, now) -> None:
    # "…吉林呢": the first question asked of Jilin, beside the national answer, with each date's step
    turn = turn_for(kb, now, "国家规定的上报日期是哪天，吉林呢", region="jilin")
    assert turn.kind == "comparison"
    assert turn.text.index("【全国") < turn.text.index("【吉林省】")
    assert "11月30日（省级报国家卫生健康委）" in turn.text
    # the user's own region against the place asked after it
    turn = turn_for(kb, now, "床位使用率要多少？渝中那边呢", region="jilin")
    assert turn.kind == "comparison" and "【吉林省】" in turn.text and "【重庆市渝中区】" in turn.text
    # a later part asking something of its own is not a follow-up
    from dialogs.qa.compare import follow_up_regions

    assert follow_up_regions(["吉林床位要多少张", "北京的面积要求呢"], None) == ()
    assert follow_up_regions(["吉林床位要多少张", "北京的呢"], None) == ("jilin", "beijing")
    assert follow_up_regions(["床位要多少张", "吉林呢"], "jilin") == ()  # one region only


# Newcomer trial 2, A4: 吉林's 市（州） is a prefecture (地市级); 重庆's 市卫生健康委 is the provincial-level
# body of a 直辖市. The same word at different levels is not "the same".
def test_a_municipality_s_city_body_is_not_a_prefecture_s(kb, now) -> None:
    text = text_of(ask(kb, now, "吉林跟渝中谁来验收 有啥不同", region="jilin"))
    summary_text = text[text.index("【比较】") :]
    assert "相同" not in summary_text, summary_text
    assert TC.LEVEL_NAMES["municipality"] in summary_text and TC.LEVEL_NAMES["city"] in summary_text
    assert key_facts("报市卫生健康委", municipality=True) == [TC.LEVEL_NAMES["municipality"]]
    assert key_facts("报市卫生健康委") == [TC.LEVEL_NAMES["city"]]


def test_a_municipality_s_reporting_step_names_its_level_on_both_ends() -> None:
    """The reporting step of a date (qaparts F12) and the 直辖市 level (nfix A4) together: a 直辖市's
    市级 is provincial-level as the sender of a step too, not a prefecture's 市级."""
    sentence = "市级卫生健康部门于11月30日前报送国家卫生健康委。"
    national = TC.LEVEL_NAMES["national"]
    step = TC.DATE_STEP.format(date="11月30日", sender=TC.SENDER_NAMES["municipality"], receiver=national)
    assert step in key_facts(sentence, municipality=True)
    assert TC.DATE_STEP.format(date="11月30日", sender=TC.SENDER_NAMES["city"], receiver=national) in key_facts(
        sentence
    )
    received = key_facts("各区县于9月30日前报市卫生健康委。", municipality=True)
    assert TC.DATE_STEP.format(date="9月30日", sender="区县", receiver=TC.LEVEL_NAMES["municipality"]) in received


def test_the_turn_says_which_section_is_which_regions_side(kb, now) -> None:
    for question in ("吉林和北京对公卫人员占比的要求一样吗", "北京跟吉林的公共卫生人员比例有什么不同"):
        turn = turn_for(kb, now, question, region=None)
        assert turn.kind == "comparison"
        labels = [s.label for s in turn.sections]
        assert set(labels[:-1]) == {"jilin", "beijing"} and turn.sections[-1].status == "summary"
        for s in turn.sections:
            assert s.text in turn.text
        assert "25%" in turn.sections[0].text and "25%" in turn.sections[1].text


# ---------------------------------------------------------------- places joined, which is higher


def test_two_places_joined_by_a_joiner_are_compared_without_a_comparison_word(kb) -> None:
    for q in (
        "国家和吉林2024年方案里，社区医院到底谁来评估",
        "国家与吉林对评估主体怎么规定",
        "吉林跟国家谁来评估社区医院",
    ):
        assert set(regions_compared(q, places_named(q), None)) == {"national", "jilin"}, q
    for q in ("吉林这个方案是根据哪个国家文件定的", "吉林报国家的名单几号截止"):
        assert regions_compared(q, places_named(q), None) == (), q


def test_which_is_higher_is_said_from_the_sides_figures_of_what_was_asked(kb, now) -> None:
    for q in ("渝中区和北京市定的社区医院建设数量目标哪个多", "北京和渝中区社区医院建设目标各是多少家，哪个多"):
        text = turn_for(kb, now, q, region=None).text
        assert "北京市（10家）" + TC.COMPARE_HIGHER_JOIN + "重庆市渝中区（4家" in text, q
    for q in ("吉林和北京谁的公卫人员比例要求更高", "北京跟吉林，公共卫生人员占比哪个要求高"):
        turn = turn_for(kb, now, q, region=None)
        assert turn.kind == "comparison", q
        assert TC.COMPARE_EQUAL.format(facts="25%") in turn.text, q


def test_which_is_higher_is_not_claimed_when_the_figures_do_not_line_up() -> None:
    from dialogs.qa.higher import said

    mixed = said(
        "推荐标准的比例哪个高",
        {"甲": "其中达到推荐标准的比例不低于17%，到2025年不低于21%", "乙": "达到推荐标准的不低于20%"},
    )
    assert mixed == TC.COMPARE_MIXED
    none = said("特色科室门诊量哪个高", {"甲": "特色科室日均门诊量≥30人次", "乙": "要有专病特色科室"})
    assert none == TC.COMPARE_NOT_ONE_UNIT
    higher = said("床位使用率哪个要求高", {"甲": "床位使用率不低于75%", "乙": "床位使用率不低于85%"})
    assert higher == TC.COMPARE_HIGHER.format(sides="乙（85%）" + TC.COMPARE_HIGHER_JOIN + "甲（75%）")


def test_only_the_clause_about_what_was_asked_gives_a_sides_figure() -> None:
    from dialogs.qa.higher import said

    line = said(
        "推荐标准的比例哪个高",
        {
            "甲": "达到服务能力标准的机构不低于800家，其中达到推荐标准的比例不低于17%",
            "乙": "新建10家，其中达到推荐标准的比例提高到35%以上",
        },
    )
    assert line == TC.COMPARE_HIGHER.format(sides="乙（35%）" + TC.COMPARE_HIGHER_JOIN + "甲（17%）")


@pytest.mark.parametrize(
    ("q", "figure"),
    [
        ("全国和吉林的床位要求一样吗", "30张"),
        ("国家跟吉林床位数要求有啥区别", "30张"),
        ("国家和吉林病床使用率要求一样吗", "75%"),
        ("吉林和国家对床位使用率的要求对得上吗", "75%"),
    ],
)
def test_a_figure_only_reported_for_a_side_counts_marked_as_reported(kb, now, q: str, figure: str) -> None:
    """Newcomer N3: the national official text sets no figure, the reported basic standard does; the
    national side says the report, and the summary never says only the other side gives the figure."""
    turn = turn_for(kb, now, q, region=None)
    assert turn.kind == "comparison"
    national = (
        turn.text[turn.text.index("【全国") : turn.text.index("【吉林省】")]
        if turn.text.index("【全国") < turn.text.index("【吉林省】")
        else turn.text[turn.text.index("【全国") : turn.text.index(TC.COMPARE_SUMMARY)]
    )
    assert figure in national and "新闻报道" in national
    summary_text = turn.text[turn.text.index(TC.COMPARE_SUMMARY) :]
    assert TC.COMPARE_ONLY.format(name="吉林省", facts=figure) not in summary_text
    note = TC.COMPARE_REPORTED_FACTS.split("{facts}")[0].format(name="全国（国家文件）")
    assert any(line.startswith(note) and figure in line for line in summary_text.splitlines())
