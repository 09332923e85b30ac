"""Answers said the way directors say them (newcomer trial 2, C10): 支持的👍, 有一个, 达到推荐了,
社区的, 日均三十五人次左右, 提前两周和三天, and "s" (跳过/不清楚) on a yes/no screen, each through the
router; and a bound ("不到30张") is asked again as a figure, never recorded as 30 (A1 in /check)."""

from __future__ import annotations

import pytest

from core.model import Event, UserState
from dialogs import router
from dialogs.texts import common as C
from dialogs.texts import questionnaire as T
from dialogs.texts import tracking as TT
from tests.dialogs.questionnaire.test_flow import answer_validly, director
from tests.dialogs.tracking.test_tracking import button


def _reach(d, field: str) -> None:
    for _ in range(30):
        if d.state.step == field:
            return
        answer_validly(d, d.kb.fields[d.state.step])
    raise AssertionError(f"never asked {field}")


@pytest.mark.parametrize(
    ("region", "field", "said", "value"),
    [
        ("jilin", "local_government_support", "支持的👍", True),
        ("jilin", "local_government_support", "还没有", False),
        ("chongqing-yuzhong", "has_district_featured_department", "有一个", True),
        ("chongqing-yuzhong", "featured_department_daily_visits", "日均三十五人次左右", 35),
        ("beijing", "service_capability_level", "达到推荐了", "recommended"),
        ("national", "institution_type", "社区的", "community_health_center"),
    ],
)
def test_a_natural_answer_is_taken(kb, now, region, field, said, value) -> None:
    d = director(kb, now, region=region)
    d.command("check")
    _reach(d, field)
    d.say(said)
    assert d.state.profile.get(field) == value, d.text
    assert d.state.step != field


def test_s_skips_a_yes_no_question(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.command("check")
    field = d.state.step
    assert kb.fields[field].kind == "bool" and kb.fields[field].allow_unknown
    d.say("s")
    assert field in d.state.profile and d.state.profile[field] is None and d.state.step != field


def test_a_bound_is_not_recorded_as_the_figure(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.command("check")
    _reach(d, "open_beds")
    d.say("不到30张")
    assert "open_beds" not in d.state.profile and d.state.step == "open_beds"
    assert "准确的数" in d.text
    d.say("30张以下")
    assert "open_beds" not in d.state.profile


def test_remind_days_said_in_weeks(kb, now) -> None:
    out = router.handle(UserState(), Event.command("remind"), kb, now)
    asking = router.handle(out.state, Event.press(button(out, TT.BUTTON_DAYS).data), kb, now)
    done = router.handle(asking.state, Event.say("提前两周和三天"), kb, now)
    assert done.state.reminder_days == [14, 3]


def test_unclear_words_are_still_not_an_answer(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.command("check")
    d.say("差不多吧")
    assert "local_government_support" not in d.state.profile
    assert T.BOOL_UNCLEAR in d.text


def test_an_empty_message_at_a_number_question_asks_for_a_number(kb, now) -> None:
    d = director(kb, now, region="jilin")
    d.command("check")
    _reach(d, "open_beds")
    d.say("  ")
    assert d.replies[0].text == C.EMPTY_AWAITING_NUMBER and d.state.step == "open_beds"


def test_the_yuzhong_plan_is_named_by_its_full_title(kb, now) -> None:
    out = router.handle(UserState(user_id=1, region="chongqing-yuzhong"), Event.say("11项都要达标吗"), kb, now)
    text = "\n".join(r.text for r in out.replies)
    assert "《重庆市渝中区全面推进社区医院建设工作方案》" in text and "《渝中区全面" not in text


def test_number_examples_fit_their_field(kb) -> None:
    from dialogs.questionnaire.prompts import example_value

    for spec in kb.fields.values():
        if spec.kind in ("int", "number", "percent") and spec.plausible is not None:
            assert not spec.implausible(example_value(spec)), spec.name
    assert example_value(kb.fields["resident_population"]) >= 1000
    assert example_value(kb.fields["public_health_physicians"]) < 30
