"""A question beside a situation's facts that the verdict does not answer (newcomer N13: …床位不够三十张
能不能先申报，后面再补？): the verdict is shown and the question is said to be unanswered by the texts,
never dropped."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import turn_for

LATER = [
    ("jilin", "我们卫生院床位二十五张，使用率百分之八十，业务用房3200平方米，床位不够三十张能不能先申报，后面再补？"),
    pytest.param(
        "jilin",
        "床位26张，使用率80%，可以先申请以后再补齐床位吗",
        marks=pytest.mark.xfail(
            strict=True, reason="known regression: the likely band answers the whole with the materials entry"
        ),
    ),
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
