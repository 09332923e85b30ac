"""/check with figures a question stated (newcomer trial 2, B6/B7/C18): the prefilled questions are
not asked again ("下面只问其余的题" is true), 上一步 reaching one offers [y] 沿用, a stated figure never
replaces a stored answer unasked, /check typed after the question offers the figures as the button
does, and a bare "1" typed for a percentage is confirmed, not saved."""

from __future__ import annotations

from dialogs.texts import questionnaire as T
from tests.dialogs.questionnaire.test_flow import answer_validly, director

SITUATION = "我们卫生院床位40张 使用率70% 业务用房3500平 能申请吗"
STATED = ("open_beds", "bed_occupancy_rate", "floor_area_m2")


def _start_from_question(d) -> None:
    d.say(SITUATION)
    d.press("📝 带着这些数据做完整自评")


def test_prefilled_questions_are_not_asked_again(kb, now) -> None:
    d = director(kb, now)
    _start_from_question(d)
    asked = []
    for _ in range(12):
        if d.state.dialog is None:
            break
        asked.append(d.state.step)
        answer_validly(d, kb.fields[d.state.step])
    assert not set(asked) & set(STATED), asked
    assert d.state.profile["open_beds"] == 40


def test_back_to_a_prefilled_question_offers_keep(kb, now) -> None:
    d = director(kb, now)
    _start_from_question(d)
    assert d.state.step == "local_government_support"
    d.press(T.YES)
    d.press(T.BACK)
    d.press(T.BACK)
    assert d.state.step in STATED
    spec = kb.fields[d.state.step]
    value = d.state.profile[spec.name]
    keep = T.KEEP_PREVIOUS.format(value=f"{value}%" if spec.kind == "percent" else f"{value} {spec.unit}")
    d.say("1")  # "continue", not 1 bed or 1 %
    assert d.state.profile[spec.name] == value and d.state.data.get("confirm") == "offered"
    d.press(keep)
    assert d.state.profile[spec.name] == value and d.state.step != spec.name


def test_a_stated_figure_does_not_overwrite_a_stored_answer_unasked(kb, now) -> None:
    d = director(kb, now, profile={"open_beds": 28})
    _start_from_question(d)
    assert d.state.profile["open_beds"] == 28, "not replaced before the director says so"
    assert "实际开放床位数 40 张" in d.text and "不同" in d.text
    while d.state.step != "open_beds":
        answer_validly(d, kb.fields[d.state.step])
    assert T.CONFIRM_STATED.format(label="实际开放床位数", value="40 张", previous="28 张") in d.text
    d.press(T.KEEP_PREVIOUS.format(value="28 张"))
    assert d.state.profile["open_beds"] == 28


def test_check_typed_after_the_question_offers_its_figures(kb, now) -> None:
    """Offered, not written: the director chooses (breaker B21)."""
    d = director(kb, now)
    d.say(SITUATION)
    d.command("check")
    assert d.text.startswith(T.LATEST_OFFER.split("{")[0]) and "open_beds" not in d.state.profile
    d.press(T.LATEST_USE)
    assert d.text.startswith(T.PREFILLED.split("{")[0])
    assert d.state.profile["open_beds"] == 40 and d.state.step not in STATED


def test_a_bare_digit_for_a_percentage_is_confirmed(kb, now) -> None:
    d = director(kb, now, region="beijing")
    d.command("check")
    for _ in range(10):
        if kb.fields[d.state.step].kind == "percent":
            break
        answer_validly(d, kb.fields[d.state.step])
    field = d.state.step
    d.say("1")
    assert field not in d.state.profile or d.state.profile[field] != 1
    assert d.state.data.get("confirm") == "small" and "序号" in d.text
    d.press(T.YES)
    assert d.state.profile[field] == 1
