"""Three kinds from m8a's "still open" list (report-m8a.md), each with phrasings × regions:

1. a document named in the question wins over the user's region's own entry of the same topic: a
   Jilin user asking about 317号's 500家 got Jilin's own targets, because "317号" without 文 after it
   was read as no text (knowledge/documents.py BARE_NUMBER: a number said as a text that speaks, or of
   three or four digits, which no day is);
2. a step asked by who sends what to whom (各市报名单给省里) is the step of that flow (市→省, 10月底),
   not another step whose words match as well (省→国家, 11/30): dialogs/qa/step_flow.py;
3. the annexes of the text named (17号文有几个附件: 17号's one annex, not 5号's four; 317号: none listed):
   dialogs/qa/named_first.py, and "17号文件的…" no longer leaves 件 in the words searched.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dialogs.qa.step_flow import flows
from knowledge.base import KnowledgeBase
from tests.dialogs.qa.conftest import turn_for

REGIONS = ("jilin", "beijing", "chongqing-yuzhong")

# ---------------------------------------------------------------- 1. a named text wins

TARGET_317 = (
    "317号说年底前再建成500家，现在还是这个目标吗",
    "按317号的要求年底前建成多少家",
    "317号规定年底前要建成多少家社区医院",
    "317号的建设目标是多少家",
)


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("question", TARGET_317)
def test_a_named_national_text_wins_over_the_regions_own_targets(
    kb: KnowledgeBase, now: dt.datetime, question: str, region: str
) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered and turn.shown
    assert turn.shown[0].sources[0].number == "国卫办基层函〔2021〕317号"
    assert "500家" in turn.replies[0].text


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("317号说年底前建成多少家", ["317号"]),
        ("按317号的要求", ["317号"]),
        ("5号规定床位要多少", ["5号"]),
        ("17号文件还有效吗", ["17号"]),
        ("6月30号前要交什么", []),  # a day
        ("每月5号要求报月报", []),  # a day of each month
        ("17号前交材料", []),  # a day without its month
        ("邮寄到人民大街1485号", []),  # an address: no loaded text has 1485
        ("国卫办基层函〔2021〕317号", []),  # a whole 文号 (named_in reads it)
    ],
)
def test_a_bare_number_names_a_text_only_where_no_day_is_meant(kb: KnowledgeBase, text: str, named: list[str]) -> None:
    assert [words for words, _ in kb.catalogue.by_bare_number(text, "jilin")] == named


# ---------------------------------------------------------------- 2. who sends what to whom


@pytest.mark.parametrize(
    ("text", "flow"),
    [
        ("吉林各市报名单给省里的截止时间", [("city", "province")]),
        ("市级每年10月底前向省卫生健康委报送名单", [("city", "province")]),
        ("省里什么时候把名单报给国家", [("province", "nation")]),
        ("各区向市卫生健康委报送名单是几号前", [("county", "city")]),
        ("机构向县里交申请", [("institution", "county")]),
        # the 机构 is what is reported; the 市（州） sends
        ("市（州）卫生健康行政部门对复核达标的机构于9月30日前上报省卫生健康委", [("city", "province")]),
        ("社区医院名单什么时候报", []),  # no sender named
        ("吉林省方案有几个附件", []),  # 吉林省 is the region's name, no 省 level
    ],
)
def test_the_flow_a_text_states(text: str, flow: list[tuple[str, str]]) -> None:
    assert flows(text) == flow


CITY_TO_PROVINCE = (
    "吉林各市报名单给省里的截止时间",
    "市里把新建成社区医院名单报给省里是几号前",
    "各地市向省卫健委报送名单的截止日期",
    "市州报名单到省里最晚什么时候",
)


@pytest.mark.parametrize("question", CITY_TO_PROVINCE)
def test_a_step_asked_by_its_flow_is_that_flows_step(kb: KnowledgeBase, now: dt.datetime, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.answered
    lead = turn.replies[0].text.split("。")[0]
    assert "10月底" in lead and "11月30日" not in lead
    assert flows(lead) == [("city", "province")]


@pytest.mark.parametrize(
    ("question", "region", "day"),
    [
        ("省里把名单报给国家的截止时间", "jilin", "11月30日"),  # the other flow keeps its own step
        ("省卫健委什么时候把名单报给国家", "jilin", "11月30日"),
        ("市州复核通过的名单几月几号前报到省里", "jilin", "9月30日"),  # 复核 names the 2020 step
        ("各区报名单给市里的截止时间", "beijing", "9月30日"),
        ("各区向市卫生健康委报送名单是几号前", "beijing", "9月30日"),
        ("省里把名单报给国家的截止时间", "national", "11月30日"),
    ],
)
def test_other_flows_keep_their_steps(
    kb: KnowledgeBase, now: dt.datetime, question: str, region: str, day: str
) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.answered
    assert day in turn.replies[0].text.split("。")[0]


# ---------------------------------------------------------------- 3. the named text's annexes

ANNEXES_ASKED = ("{}有几个附件", "{}的附件是什么", "{}有附件吗", "{}带了哪些附件")


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("form", ANNEXES_ASKED)
@pytest.mark.parametrize(
    ("name", "number", "said"),
    [
        ("吉林17号文", "吉卫联发〔2024〕17号", "2024年工作进度总体安排"),
        ("吉卫联发〔2024〕17号", "吉卫联发〔2024〕17号", "2024年工作进度总体安排"),
        ("吉林5号文", "吉卫基层发〔2020〕5号", "社区医院建设机构申请表"),
        ("49号文", "渝中卫发〔2021〕49号", "四个附件"),
        ("317号文", "国卫办基层函〔2021〕317号", "没有列附件"),
    ],
)
def test_the_annexes_of_the_text_named(
    kb: KnowledgeBase, now: dt.datetime, form: str, region: str, name: str, number: str, said: str
) -> None:
    turn = turn_for(kb, now, form.format(name), region)
    assert turn.answered and turn.shown
    assert turn.shown[0].sources[0].number == number
    assert said in turn.replies[0].text


@pytest.mark.parametrize("form", ANNEXES_ASKED)
@pytest.mark.parametrize("name", ("17号文", "17号文件", "2024—2025年方案"))
def test_a_jilin_users_17_is_the_2024_plan_not_the_2020_one(
    kb: KnowledgeBase, now: dt.datetime, form: str, name: str
) -> None:
    text = turn_for(kb, now, form.format(name), "jilin").replies[0].text
    assert "1个附件" in text and "申请表" not in text
