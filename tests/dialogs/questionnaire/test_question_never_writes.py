"""Breaker B21: what-if figures asked after /check was opened and cancelled ("如果床位有50张，使用率80%，
能申请吗") were saved as the self-assessment when /check was typed next. A question never writes the
profile: not when asked, not when /check is typed after it (the figures are offered with 用这些数 /
不用，逐题填写), only when the director presses to use them. Each region, idle and after a cancelled
/check, through the router."""

from __future__ import annotations

import pytest

from dialogs.texts import questionnaire as T
from tests.dialogs.questionnaire.test_flow import director

WHAT_IF = [
    ("jilin", "如果床位有50张，使用率80%，能申请吗", "bed_occupancy_rate", 80),
    ("jilin", "假如我们业务用房2000平米，床位40张，够不够", "floor_area_m2", 2000),
    ("national", "要是我们床位35张，使用率70%，能申请吗", "bed_occupancy_rate", 70),
    ("chongqing-yuzhong", "如果患者满意度85%，中医处方占比35%，能通过验收吗", "patient_satisfaction", 85),
    ("beijing", "假设我们公共卫生人员占比30%，能申请吗", "public_health_staff_share", 30),
]


def _cancelled(kb, now, region: str):
    """A director who opened /check, answered the first question and cancelled."""
    d = director(kb, now, region=region)
    d.command("check")
    first = d.state.step
    d.say("是" if kb.fields[first].kind == "bool" else "1")
    d.command("cancel")
    assert d.state.dialog is None
    return d


@pytest.mark.parametrize(("region", "question", "field", "value"), WHAT_IF)
@pytest.mark.parametrize("opened", [False, True])
def test_a_question_and_check_typed_after_it_write_nothing(kb, now, region, question, field, value, opened) -> None:
    d = _cancelled(kb, now, region) if opened else director(kb, now, region=region)
    before = dict(d.state.profile)
    d.say(question)
    assert d.state.profile == before, "a question never writes the profile"
    d.command("check")
    assert d.state.profile == before, "/check typed after it does not either"
    assert d.text.startswith(T.LATEST_OFFER.split("{")[0]), d.text
    d.press(T.LATEST_PLAIN)
    assert d.state.profile == before and d.state.dialog is not None, "不用: /check starts without them"


@pytest.mark.parametrize(("region", "question", "field", "value"), WHAT_IF)
def test_the_figures_are_written_when_the_director_says_so(kb, now, region, question, field, value) -> None:
    d = _cancelled(kb, now, region)
    d.say(question)
    d.command("check")
    d.press(T.LATEST_USE)
    assert d.state.profile[field] == value, d.text
