"""An exam and its registration (主治医师职称考试啥时候报名, 护士资格证考试) is no matter of the texts: its 报名 and
什么时候 share words with the application deadline, and a title (职称) with the 主治医师 post's rule. It is
declined with whom to ask, never answered or asked back with the deadline (sealed set 10, s10a108)."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_for

EXAMS = [
    "主治医师职称考试啥时候报名",
    "中级职称考试几月份报名",
    "护士资格证考试什么时候报名",
    "执业医师考试报名要交什么材料",
    "全科医生转岗培训考试什么时候考",
    "卫生专业技术资格考试在哪报考",
]


@pytest.mark.parametrize("text", EXAMS)
@pytest.mark.parametrize("region", ["jilin", "beijing", "chongqing-yuzhong", "national"])
def test_an_exam_is_declined_with_whom_to_ask(kb, now, text, region) -> None:
    turn = turn_for(kb, now, text, region=region)
    assert turn.decision == "decline" and not turn.answered, (turn.decision, turn.text[:80])
    assert T.REFERRAL["exam"] in turn.text
    assert "6月30日" not in turn.text and not any(r.buttons for r in turn.replies), "no deadline asked back"


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("临床科室医师要求什么职称", "national"),
        ("吉林申请材料几号前交到省里", "jilin"),
        ("社区医院申报什么时候截止", "jilin"),
    ],
)
def test_a_title_rule_or_a_deadline_without_an_exam_is_still_answered(kb, now, text, region) -> None:
    turn = turn_for(kb, now, text, region=region)
    assert turn.answered, turn.text[:80]
    assert T.REFERRAL["exam"] not in turn.text
