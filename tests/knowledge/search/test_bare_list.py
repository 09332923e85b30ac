"""Where a message is cut into parts, by kind of input a director types (the brkqa brief): a list
asked about with or without 分别, typed with 、 / 和 / commas / spaces; 和 / 及 / 与 / 或 inside a
word (和平区, 及时, 参与, 与会, 或者) never cut; an emoji between two questions; a situation (figures)
never spread."""

from __future__ import annotations

import pytest

from knowledge.search.question_parts import split_parts, without_joiner

SPREAD = [
    # a list without 分别: before, the last thing alone was answered
    ("床位、使用率、面积要多少", ["床位要多少", "使用率要多少", "面积要多少"]),
    ("请问床位和使用率有什么要求", ["请问床位有什么要求", "使用率有什么要求"]),
    ("医生和护士要多少人", ["医生要多少人", "护士要多少人"]),
    ("申请表、承诺书在哪下载", ["申请表在哪下载", "承诺书在哪下载"]),
    ("我们在吉林，床位、面积要多少", ["我们在吉林，床位要多少", "面积要多少"]),
    # a list typed with commas before 分别: before, one question answered by the last thing
    ("床位,使用率,面积分别要多少?", ["床位要多少", "使用率要多少", "面积要多少"]),
    ("床位，面积分别要多少", ["床位要多少", "面积要多少"]),
    ("我们在吉林，床位，面积分别要多少", ["我们在吉林，床位要多少", "面积要多少"]),
    # an emoji between two questions ends the first
    ("床位要多少👍使用率要多少", ["床位要多少", "使用率要多少"]),
    ("床位要多少🙏面积要多少", ["床位要多少", "面积要多少"]),
    # a list numbered in Chinese numerals: before, "一，床位要多少，二" / "第一，床位要多少"
    ("一、床位要多少 二、使用率要多少 三、什么时候截止", ["床位要多少", "使用率要多少", "什么时候截止"]),
    ("一、床位要多少二、使用率要多少", ["床位要多少", "使用率要多少"]),
    ("第一，床位要多少；第二，使用率要多少", ["床位要多少", "使用率要多少"]),
    # no mark at all between two questions: before, the first was dropped
    ("床位要求多少张面积要求多少平米", ["床位要求多少张", "面积要求多少平米"]),
    ("床位要多少使用率要多少", ["床位要多少", "使用率要多少"]),
    ("床位要多少呀使用率呢", ["床位要多少呀", "使用率呢"]),
    ("能申请吗材料交给谁", ["能申请吗", "材料交给谁"]),
    # a term after 多少 ending its own sentence is what that question counts, not the next question
    # (sealed set 6: "吉林申报要多少床位？使用率多少？" asked "吉林申报要多少" and "床位，使用率多少")
    ("吉林申报要多少床位？使用率多少？面积多大？", ["吉林申报要多少床位", "使用率多少", "面积多大"]),
    ("要多少床位？使用率呢？", ["要多少床位", "使用率呢"]),
    ("北京要多少家？哪年完成？", ["北京要多少家", "哪年完成"]),
]

WHOLE = [
    "和平区的社区医院床位要多少",  # 和 of 和平区
    "材料要及时提交吗",  # 及 of 及时
    "与会人员需要带什么材料",  # 与 of 与会
    "参与评审的专家有哪些",  # 与 of 参与
    "床位或者使用率不达标能申请吗",  # 或者: one condition asked of either
    "床位40张、使用率80%能申请吗",  # a situation: figures
    "县（市、区）卫生健康行政部门是谁",  # 、 inside brackets: one office
    "社区医院和社区卫生服务中心有什么区别",  # a comparison of two things
    "优质服务基层行和社区医院建设是什么关系",  # a relation between two things
    "床位和使用率都达标了能申请吗",  # a situation stated of both
    "吉林遴选社区医院 除了床位和面积还看啥条件",  # what is not asked
    "吉林和北京床位要多少",  # places: left to the comparison
    "我们床位40张，使用率70%，能申请吗",
    "一、二级医院能申请吗",  # a range of numerals, not a list
    "三、四月份要交什么材料",
    "第一批名单什么时候公布，第二批呢",  # 第一 of 第一批
    "要多少床位才能申请",  # what follows 多少 asks nothing of its own
    "有多少床位要求吗",  # what comes before names nothing
    "需要什么材料要交给谁",
    "几号前报送材料要交什么",
    "满意度要多少才算达标",
    "我们床位40张使用率70%能申请吗",
]


@pytest.mark.parametrize(("question", "parts"), SPREAD)
def test_a_list_of_things_asked_about_is_one_part_per_thing(question: str, parts: list[str]) -> None:
    assert split_parts(question) == parts


@pytest.mark.parametrize("question", WHOLE)
def test_a_word_holding_a_joining_character_or_a_situation_is_not_cut(question: str) -> None:
    assert split_parts(question) == [question]


@pytest.mark.parametrize(
    ("text", "searched"),
    [
        ("另外床位要多少", "床位要多少"),
        ("还有床位要多少", "床位要多少"),
        ("再问下面积要多少", "面积要多少"),
        ("还有没有名额", "还有没有名额"),
        ("床位要多少", "床位要多少"),
    ],
)
def test_a_leading_joiner_is_dropped_unless_it_is_part_of_the_question(text: str, searched: str) -> None:
    assert without_joiner(text) == searched
