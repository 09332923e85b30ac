"""Question understanding: attribute asked, comparison, small talk, method questions, parts."""

from __future__ import annotations

import pytest

from knowledge.search.intent import asks, attributes_asked, is_comparison, method_asked, smalltalk_kind
from knowledge.search.question_parts import split_parts


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("你好", "greeting"),
        ("您好！", "greeting"),
        ("在吗？", "greeting"),
        ("Hello", "greeting"),
        ("谢谢", "thanks"),
        ("好的，谢谢您", "thanks"),
        ("谢谢你的帮助", "thanks"),
        ("多謝", "thanks"),  # traditional
        ("再见", "bye"),
        ("你是谁", "who_are_you"),
        ("你好，你能做什么", "who_are_you"),
    ],
)
def test_smalltalk(text: str, kind: str) -> None:
    assert smalltalk_kind(text) == kind


@pytest.mark.parametrize("text", ["你好，床位要多少", "谢谢，那截止时间呢", "床位", "", "？？", "好多材料"])
def test_not_smalltalk(text: str) -> None:
    assert smalltalk_kind(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("吉林申请截止是几月几号", {"time", "day"}),  # a day asked: an answer of a year or 每年 does not give it
        ("床位使用率要百分之多少", {"ratio"}),
        ("床位最少几张", {"count:beds"}),  # what is counted, not any number
        ("全科医生要多少名", {"count:staff"}),
        ("要新建几家社区医院", {"count:institutions"}),
        ("一共要几个", {"count"}),  # names nothing counted: any figure
        ("业务用房面积多大", {"area"}),
        ("材料报给哪个部门", {"materials", "who"}),
        ("联系电话是多少", {"contact"}),
        ("床位使用率怎么算", {"ratio", "method"}),
        ("社区医院是什么意思", {"meaning"}),
        ("社区医院有什么好处", set()),
    ],
)
def test_attributes_asked(text: str, expected: set[str]) -> None:
    assert attributes_asked(text) == expected


def test_comparison_and_method() -> None:
    assert is_comparison("吉林和北京的要求一样吗")
    assert is_comparison("两地有什么不同")
    assert is_comparison("和渝中比有啥区别")
    assert not is_comparison("吉林的要求是什么")
    assert method_asked("床位使用率怎么计算") == "method"
    assert method_asked("原则上是什么意思") == "meaning"
    assert method_asked("床位要多少") is None


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("床位要多少张？使用率要多少", ["床位要多少张", "使用率要多少"]),
        ("吉林申请截止时间是什么时候，要交哪些材料", ["吉林申请截止时间是什么时候", "要交哪些材料"]),
        ("申请需要什么条件，另外怎么申请", ["申请需要什么条件", "怎么申请"]),
        ("1.床位要多少 2.面积要多大", ["床位要多少", "面积要多大"]),
        ("①床位要多少②面积要多大", ["床位要多少", "面积要多大"]),
        # one question: the clauses that ask nothing are its context
        ("我们是乡镇卫生院，床位40张，使用率70%，能申请吗", ["我们是乡镇卫生院，床位40张，使用率70%，能申请吗"]),
        ("吉林和北京的要求一样吗？", ["吉林和北京的要求一样吗？"]),
        ("床位1.2万张够吗", ["床位1.2万张够吗"]),
        ("床位", ["床位"]),
    ],
)
def test_split_parts(text: str, parts: list[str]) -> None:
    assert split_parts(text) == parts


def test_trailing_context_joins_the_last_part() -> None:
    assert split_parts("床位要多少？面积要多大，我们在吉林") == ["床位要多少", "面积要多大，我们在吉林"]


def test_asks() -> None:
    assert asks("能申请吗") and asks("要多少") and not asks("我们床位40张")


@pytest.mark.parametrize(
    "text",
    [
        "1、床位要多少 2、使用率要多少 3、面积要多少",
        "（1）床位要多少（2）使用率要多少（3）面积要多少",
        "(1)床位要多少 (2)使用率要多少 (3)面积要多少",
        "1.床位要多少？2.使用率要多少？3.面积要多少？",
        "①床位要多少②使用率要多少③面积要多少",
    ],
)
def test_a_parts_number_is_its_label_not_a_clause(text: str) -> None:
    # the breaker's B19: "① 1，床位要多少，2" — each number joined the part before it
    assert split_parts(text) == ["床位要多少", "使用率要多少", "面积要多少"]


@pytest.mark.parametrize("text", ["3.5万人口要几个全科医生", "重庆市社区医院评价推荐标准（2020年版）有几项"])
def test_a_decimal_or_a_year_in_brackets_is_not_a_part_number(text: str) -> None:
    assert split_parts(text) == [text]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("要交什么材料？床位40张，使用率80%，能申请吗？", ["要交什么材料", "床位40张，使用率80%，能申请吗"]),
        ("吉林床位要多少？我们是乡镇卫生院，能申请吗", ["吉林床位要多少", "我们是乡镇卫生院，能申请吗"]),
        ("床位要多少？面积要多大，我们在吉林", ["床位要多少", "面积要多大，我们在吉林"]),
    ],
)
def test_facts_after_a_finished_question_lead_to_the_next(text: str, parts: list[str]) -> None:
    assert split_parts(text) == parts


# ---------------------------------------------------------------- split boundaries (qamp)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # one question asked of several things: one part per thing, each with what is asked of all
        ("床位、床位使用率、业务用房面积分别要多少？", ["床位要多少", "床位使用率要多少", "业务用房面积要多少"]),
        ("吉林遴选床位 使用率 面积分别卡多少", ["吉林遴选床位卡多少", "使用率卡多少", "面积卡多少"]),
        (
            "国家社区医院基本标准对实际开放床位和床位使用率各有什么要求？",
            ["国家社区医院基本标准对实际开放床位有什么要求", "床位使用率有什么要求"],
        ),
        ("北京那个方案里8月31号和9月30号分别要干啥", ["北京那个方案里8月31号要干啥", "9月30号要干啥"]),
        ("我们在吉林，床位和面积分别要多少", ["我们在吉林，床位要多少", "面积要多少"]),
        # a term ending the last thing is shared by the things that name none
        ("患者、签约群众和职工满意度分别要多少", ["患者满意度要多少", "签约群众满意度要多少", "职工满意度要多少"]),
    ],
)
def test_one_question_of_several_things_is_one_part_per_thing(text: str, parts: list[str]) -> None:
    assert split_parts(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "吉林和北京新建社区医院的数量目标分别是多少",  # places listed: a comparison, not parts
        "国家和吉林分别要求多少",
        "各区分别要报什么",  # one thing
        "床位分别要多少",
    ],
)
def test_a_list_of_places_or_of_one_thing_is_not_spread(text: str) -> None:
    assert split_parts(text) == [text]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a joiner longer than the one the list had ("再问下" was read as 再问 + "下达到…")
        ("北京回头看比例多少？再问下达到推荐标准的名单交给谁", ["北京回头看比例多少", "达到推荐标准的名单交给谁"]),
        ("床位要多少？顺便问下面积要多大", ["床位要多少", "面积要多大"]),
        # 会不会 asks: the second sentence is a part, not context of the first
        (
            "国家要求规范社区医院标识吗？会不会要我们花钱换牌子",
            ["国家要求规范社区医院标识吗", "会不会要我们花钱换牌子"],
        ),
        # a space before a year separates a part; before other figures it does not
        ("北京新建社区医院得达到啥标准 2022年目标几家", ["北京新建社区医院得达到啥标准", "2022年目标几家"]),
        ("我们床位 40张 使用率 70% 能申请吗", ["我们床位 40张 使用率 70% 能申请吗"]),
    ],
)
def test_part_boundaries(text: str, parts: list[str]) -> None:
    assert split_parts(text) == parts
