"""A comparison's summary agrees with the sides' own answers (sealed set 7, s7b079): the same bodies
named on every side are "the same" only when each does the same job there; 国家317号 (省级评估、可授权
地市级) and 吉林2024 (地市级评价排序、省级复核) name the same levels for different jobs, never "都相同"."""

from __future__ import annotations

import pytest

from dialogs.qa.compare import summary
from dialogs.texts import qa_compare as TC
from knowledge.search.model import Answer
from tests.dialogs.qa.conftest import turn_for

ALL_SAME = TC.COMPARE_ALL_SAME.split("{", 1)[0]


@pytest.mark.parametrize(
    "question",
    [
        "国家和吉林2024方案在社区医院评估主体上有啥区别？",
        "吉林和国家谁来组织评估社区医院，一样吗",
        "国家跟吉林在社区医院评估由哪级部门负责上有什么不同",
        "吉林和国家对社区医院评估主体的规定对得上吗",
    ],
)
@pytest.mark.parametrize("region", ["national", "jilin", "beijing", "chongqing-yuzhong"])
def test_same_bodies_with_other_jobs_are_not_all_the_same(kb, now, question: str, region: str) -> None:
    turn = turn_for(kb, now, question, region=region)
    assert turn.kind == "comparison", turn.text[:80]
    said = turn.text[turn.text.index(TC.COMPARE_SUMMARY) :]
    assert ALL_SAME not in said, said
    assert "都相同" not in said and "相同：各地都写了 省级" not in said, said


def test_the_jobs_are_said_side_by_side(kb) -> None:
    national = Answer(
        "n", "问", "社区医院原则上由省级卫生健康行政部门组织开展评估，可授权地市级开展评估。", (), ("national",)
    )
    jilin = Answer("j", "问", "地市级卫生健康行政部门负责评价和排序，省卫生健康委采取适当方式复核。", (), ("jilin",))
    text = summary(kb, {"national": national, "jilin": jilin})
    assert ALL_SAME not in text
    assert "省级卫生健康部门评估" in text and "省级卫生健康部门复核" in text
    assert "地市级卫生健康部门评价" in text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("由省卫生健康委组织评估。", "省级卫生健康行政部门负责评估。"),
        ("由区卫生健康委验收。", "各区卫生健康委组织验收。"),
    ],
)
def test_same_bodies_doing_the_same_are_still_the_same(kb, a: str, b: str) -> None:
    text = summary(
        kb, {"jilin": Answer("a", "问", a, (), ("jilin",)), "beijing": Answer("b", "问", b, (), ("beijing",))}
    )
    assert ALL_SAME in text and "分工不同" not in text, text
