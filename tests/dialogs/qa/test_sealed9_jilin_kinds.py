"""Kinds of sealed set 9's Jilin-side misses (issue 12), each tested over its whole kind with phrasings of
our own, never the set's questions:
1. the region's own entry over the national one (s9a059): 国家 named as whom the province reports to, a
   Jilin user gets 吉林's 每年11月30日 (吉卫基层发〔2020〕5号 四（四）), not 317号's 2021 one-off — also
   asked in the national office's words (卫建委, 基层司, 几号前);
2. levels of review asked (s9a008: 哪几级审核): the chain, per region where its text gives one;
3. "除了X还有什么" (s9a010): the other things, not X again — and figures inside X are the rule's, no
   situation of the asker's;
4. what Jilin's 2024 text changed against 2020's (devblind3's in-force items): answered, not hedged."""

from __future__ import annotations

import pytest

from dialogs.qa.besides import excluded, without_excluded
from tests.dialogs.qa.conftest import turn_for

TO_NATION_TYPED = [
    "省卫建委哪天之前把建成名单报给国家基层司",
    "省卫健委几号前要把社区医院名单上报国家",
    "名单报国家基层司的截止日期",
    "建成名单省里哪天报国家卫健委",
]


@pytest.mark.parametrize("question", TO_NATION_TYPED)
def test_jilins_own_step_to_the_nation_comes_first(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.decision == "answer"
    assert turn.text.startswith("吉林省方案（吉卫基层发〔2020〕5号）规定，省卫生健康委于每年11月30日前")
    assert "只属于2021年" not in turn.text and "指发文当年" not in turn.text


@pytest.mark.parametrize("region", ["beijing", "chongqing-yuzhong"])
@pytest.mark.parametrize("question", TO_NATION_TYPED[:3])
def test_regions_without_a_step_to_the_nation_keep_the_notice(kb, now, question: str, region: str) -> None:
    turn = turn_for(kb, now, question, region)
    assert "国卫办基层函〔2021〕317号" in turn.text and "每年11月30日" not in turn.text


@pytest.mark.parametrize(
    "question",
    [
        "从申请到评上社区医院要过几道审核",
        "申报社区医院要经过哪几级审批",
        "社区医院评审流程有几个环节",
        "从申报到验收是哪几级卫健部门审核",
        "县市省三级都要审核吗",
    ],
)
def test_jilins_review_levels_are_the_chain_and_2024s_change(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.decision == "answer"
    for step in ("县（市、区）", "市（州）", "复核", "专家评估", "吉卫联发〔2024〕17号", "评价和排序"):
        assert step in turn.text, step


@pytest.mark.parametrize(
    ("region", "levels"),
    [
        ("beijing", ("区卫生健康委", "区级", "上报市卫生健康委")),
        ("chongqing-yuzhong", ("区卫生健康委", "验收", "市卫生健康委", "复核")),
    ],
)
@pytest.mark.parametrize(
    "question",
    ["从申请到评上社区医院要过几道审核", "社区医院审核要经过哪几级", "验收要经过哪些部门审核", "审核一共分几级"],
)
def test_other_regions_review_levels_are_their_own_chain(kb, now, question: str, region: str, levels) -> None:
    turn = turn_for(kb, now, question, region)
    assert turn.decision == "answer"
    for level in levels:
        assert level in turn.text, level


@pytest.mark.parametrize(
    ("text", "x", "rest"),
    [
        ("遴选除了床位面积这些硬指标，还有什么条件", "床位面积这些硬指标", "遴选还有什么条件"),
        ("除了申请表以外还要交啥材料", "申请表", "还要交啥材料"),
        ("除了30张床位、75%使用率之外，遴选还有别的条件吗", "30张床位、75%使用率", "遴选还有别的条件吗"),
        ("评估除了基本标准还看哪个文件", "基本标准", "评估还看哪个文件"),
    ],
)
def test_what_a_question_excludes_is_read(text: str, x: str, rest: str) -> None:
    assert excluded(text) == x
    assert without_excluded(text) == rest


@pytest.mark.parametrize("text", ["除了社区卫生服务中心外，乡镇卫生院能申请吗", "床位面积都够了能申请吗", "除了"])
def test_no_what_else_asked_excludes_nothing(text: str) -> None:
    assert excluded(text) is None and without_excluded(text) == text


@pytest.mark.parametrize(
    "question",
    [
        "吉林遴选除了床位和面积，还看哪些条件",
        "遴选除了床位和使用率还看什么",
        "除了30张床位、75%使用率之外，遴选还有别的条件吗",
        "社区医院遴选条件除了业务用房面积以外还有哪些",
        "除开床位使用率，遴选还要满足啥",
    ],
)
def test_besides_the_hard_figures_the_other_selection_conditions(kb, now, question: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.kind != "situation"
    assert turn.answered
    assert "党委政府支持" in turn.text and "服务人口" in turn.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("新方案里社区医院由谁评价，和老方案相比有变化吗", "评价和排序"),
        ("2024年以后评社区医院的部门和2020年一样吗", "评价和排序"),
        ("吉林24年的方案谁评社区医院，跟20年的比改了吗", "评价和排序"),
        ("挂社区医院牌子，新方案比老方案多了什么步骤", "机构编制部门同意"),
        ("2024年的方案加注第二名称和以前相比多了哪道手续", "机构编制部门同意"),
        ("吉林24年方案加挂标牌比20年多了啥程序", "机构编制部门同意"),
    ],
)
def test_what_jilins_2024_text_changed_is_answered(kb, now, question: str, said: str) -> None:
    turn = turn_for(kb, now, question, "jilin")
    assert turn.answered
    assert said in turn.text and "吉卫联发〔2024〕17号" in turn.text and "吉卫基层发〔2020〕5号" in turn.text


@pytest.mark.parametrize(
    ("question", "region", "said"),
    [
        ("317号文说年底前再建成500家，指哪一年的年底", "national", "2021年"),
        ("通知里11月30日前报名单，是哪一年的11月30日", "national", "2021年"),
        ("国家通知说的年底前建成500家是哪年年底", "national", "2021年"),
        ("吉林方案里8月31日完成建设，是哪一年的截止日期", "jilin", "每年8月31日"),
    ],
)
def test_which_years_date_is_the_entry_giving_it(kb, now, question: str, region: str, said: str) -> None:
    """哪一年的 said of a date the text gives asks when that date falls, not the standing of the text."""
    turn = turn_for(kb, now, question, region)
    assert turn.answered and said in turn.text
    assert "的适用期" not in turn.text


@pytest.mark.parametrize(
    ("question", "region", "dates"),
    [
        ("北京那个方案里8月31日、9月30日，今年还这么办吗", "beijing", ("2022年8月31日", "9月30日")),
        ("北京那个8月31号和9月30号的时间现在还算数吗", "beijing", ("2022年8月31日", "9月30日")),
        ("北京的8月31日、9月30日两个时间今年还照这个来吗", "beijing", ("2022年8月31日", "9月30日")),
        ("吉林方案里的6月30日今年还照这个来吗", "jilin", ("6月30日",)),
    ],
)
def test_dates_asked_still_in_force_are_shown_with_what_applies(kb, now, question: str, region: str, dates) -> None:
    """The entry stating the dates asked about, with the text governing today — not the governing line alone."""
    turn = turn_for(kb, now, question, region)
    assert turn.decision == "answer" and "📜" in turn.text
    for d in dates:
        assert d in turn.text, d
