"""A question about one kind of staff is answered about that kind (sealed set 7, s7a103; newcomer
trial: "要几个全科医生" in 北京 cited 渝中's per-10,000 rule without the reported ≥3 全科医师): a nurse
question never gets the 3 全科医师 or the 公卫医师 count, alone or as a part beside 床护比."""

from __future__ import annotations

import pytest

from dialogs.texts import qa as T
from tests.dialogs.qa.conftest import ask, text_of

REGIONS = ["national", "jilin", "beijing", "chongqing-yuzhong"]
NURSE = ["护士起码得几个", "护士最少要几个", "护士至少配几名", "护士得配几个人"]


@pytest.mark.parametrize("question", NURSE)
@pytest.mark.parametrize("region", REGIONS)
def test_a_nurse_question_is_answered_about_nurses(kb, now, question: str, region: str) -> None:
    """Answered, it is about nurses; unsure, the nurse entry is offered first."""
    out = ask(kb, now, question, region)
    text = text_of(out)
    assert "全科医师" not in text and "公共卫生医师" not in text.split("📄", 1)[0], text[:160]
    offered = [b.label for r in out.replies for row in r.buttons for b in row]
    assert "护士" in text.split("\n", 1)[0] + (offered[0] if offered else ""), (text[:160], offered)


@pytest.mark.parametrize(
    "question", ["床护比多少？护士起码得几个？", "床护比有要求吗？护士最少配几个？", "医护比是多少，护士至少几个"]
)
@pytest.mark.parametrize("region", REGIONS)
def test_a_nurse_part_beside_the_ratio_is_never_the_gp_count(kb, now, question: str, region: str) -> None:
    text = text_of(ask(kb, now, question, region))
    assert "3名全科医师" not in text, text[:300]
    assert T.PART_UNANSWERED_SUGGEST not in text, "the ratio part already says the texts give no nurse count"


@pytest.mark.parametrize(
    "question", ["要几个全科医生", "需要几名全科医师", "社区医院要有几个全科大夫", "全科医生得配几个"]
)
@pytest.mark.parametrize("region", ["national", "jilin", "beijing"])
def test_a_gp_count_is_the_reported_minimum(kb, now, question: str, region: str) -> None:
    text = text_of(ask(kb, now, question, region))
    assert "3名全科医师" in text and "新华社" in text, text[:160]
    assert "渝中卫发" not in text, "渝中's per-10,000 rule is not the count asked"


def test_a_question_on_two_kinds_is_left_to_its_parts(kb, now) -> None:
    text = text_of(ask(kb, now, "护士要配几个？全科医生要几个？", "beijing"))
    nurse, gp = text.split("②", 1)
    assert "护士" in nurse and "全科医师" not in nurse
    assert "3名全科医师" in gp
