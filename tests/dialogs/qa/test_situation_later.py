"""A question beside a situation's facts that the verdict does not answer (newcomer N13: …床位不够三十张
能不能先申报，后面再补？): the verdict is shown and the question is said to be unanswered by the texts,
never dropped."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_for

LATER = [
    ("jilin", "我们卫生院床位二十五张，使用率百分之八十，业务用房3200平方米，床位不够三十张能不能先申报，后面再补？"),
    ("jilin", "床位26张，使用率80%，可以先申请以后再补齐床位吗"),
    # the request asked in a clause that names a field ("…再补齐床位吗"), with no 能不能/可以吗 word: it
    # was read as a question about that field's requirement and answered with an entry
    ("jilin", "使用率70%，床位32张，先申报后面再提高使用率可以么"),
    ("jilin", "业务用房2600平方米，先挂牌以后再扩面积呢？"),
    ("jilin", "床位24张，可以先报名之后再增加床位吗"),
    ("national", "我们床位28张，使用率76%，先申请社区医院，明年再把床位加到30张？"),
    ("chongqing-yuzhong", "我们患者满意度只有75%，能不能先报，之后再补上？"),
    ("beijing", "我们床位20张，使用率60%，能先申报后补吗"),
]


@pytest.mark.parametrize(("region", "q"), LATER)
def test_apply_first_fix_later_is_said_unanswered_beside_the_verdict(kb, now, region: str, q: str) -> None:
    turn = turn_for(kb, now, q, region=region)
    assert turn.kind == "situation", turn.text[:120]
    assert T.SITUATION_LATER_ASKED in turn.text


def test_a_plain_situation_gets_no_such_note(kb, now) -> None:
    turn = turn_for(kb, now, "我们卫生院床位40张，使用率80%，业务用房3200平方米，能申请吗", region="jilin")
    assert turn.kind == "situation" and T.SITUATION_LATER_ASKED not in turn.text


@pytest.mark.parametrize(
    "q",
    [
        "床位40张，使用率80%，先自评再申请，评完了要加什么材料",
        "床位35张，使用率78%，验收要准备什么",
    ],
)
def test_a_question_of_steps_beside_figures_is_no_later_request(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="jilin")
    assert T.SITUATION_LATER_ASKED not in turn.text
