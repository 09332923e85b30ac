"""一 beginning a word (一样, 一般, 一定, 一致, 一律, 一票否决) is no figure: "吉林和北京公卫人员比例一样吗" was read
as a situation with 公卫人员占比 1 % ("未达到，现为1%，还差24个百分点") instead of a comparison (lead's trial as a
newcomer, eighth session). A figure 一 with its unit (一名, 一成, 一百张) is still read."""

from __future__ import annotations

import pytest

from dialogs.qa.facts import read_situation
from tests.dialogs.qa.conftest import ask, text_of

NOT_FIGURES = [
    "吉林和北京公卫人员比例一样吗",
    "公卫人员比例一样不一样",
    "床位使用率一般要多少",
    "床位使用率一致吗",
    "各地床位使用率一律75%吗",
    "全科医生一般要几个",
    "床位数一定要30张吗",
]
FIGURES = [
    ("我们床位一百张", "open_beds", 100),
    ("全科医生一名", "general_practitioners", 1),
    ("床位使用率一成", "bed_occupancy_rate", 10),
]


@pytest.mark.parametrize("question", NOT_FIGURES)
def test_one_beginning_a_word_is_no_figure(kb, question: str) -> None:
    stated = read_situation(question, kb.fields)
    assert all(s.value not in (1, 10) for s in stated.values()), stated


@pytest.mark.parametrize(("question", "field", "value"), FIGURES)
def test_one_with_its_unit_is_still_a_figure(kb, question: str, field: str, value: int) -> None:
    assert read_situation(question, kb.fields)[field].value == value


@pytest.mark.parametrize("region", ["jilin", "beijing", "national", None])
def test_a_comparison_asked_with_yiyang_gets_no_verdict(kb, now, region: str | None) -> None:
    text = text_of(ask(kb, now, "吉林和北京公卫人员比例一样吗", region))
    assert "现为1%" not in text and "25%" in text, text[:200]
