"""F5/F15: commands and typed reminder settings in the middle of /check act, then the pending
question is asked again; the questionnaire is never dropped, and /check while it is held resumes it."""

from __future__ import annotations

import datetime as dt

import pytest

from core.model import Event, Outcome, UserState
from dialogs import router, suspend
from dialogs.questionnaire.flow import NAME
from dialogs.texts import common as C
from dialogs.texts import questionnaire as Q
from knowledge.base import KnowledgeBase


def text_of(out: Outcome) -> str:
    return "\n".join(r.text for r in out.replies)


def mid_check(kb: KnowledgeBase, now: dt.datetime, region: str = "jilin") -> UserState:
    """A director of `region` who answered the first question of /check and waits at the second."""
    state = router.handle(UserState(user_id=1, region=region), Event.command("check"), kb, now).state
    state = router.handle(state, Event.say("是"), kb, now).state
    assert state.dialog == NAME and len(state.data["answered"]) == 1
    return state


def assert_resumed(out: Outcome, before: UserState) -> None:
    state = out.state
    assert state.dialog == NAME and state.step == before.step, text_of(out)
    assert state.data["answered"] == before.data["answered"]
    assert C.PENDING_AGAIN in text_of(out)
    assert suspend.SLOT not in state.data


def test_stage_menu_in_the_middle_of_check_then_resumes(kb, now) -> None:
    before = mid_check(kb, now)
    menu = router.handle(before, Event.command("stage"), kb, now)
    assert menu.state.dialog != NAME and menu.state.data[suspend.SLOT]["step"] == before.step
    chosen = router.handle(menu.state, Event.say("2"), kb, now)
    assert chosen.state.stage is not None, "the stage is set"
    assert_resumed(chosen, before)


def test_stage_named_at_once_then_resumes(kb, now) -> None:
    before = mid_check(kb, now)
    out = router.handle(before, Event.command("stage", "2"), kb, now)
    assert out.state.stage is not None
    assert_resumed(out, before)


def test_check_while_held_offers_to_resume(kb, now) -> None:
    before = mid_check(kb, now)
    menu = router.handle(before, Event.command("remind"), kb, now)
    assert menu.state.dialog != NAME
    out = router.handle(menu.state, Event.command("check"), kb, now)
    assert out.state.dialog == NAME and out.state.data["answered"] == before.data["answered"]
    assert out.state.data["mode"] == "resume", "继续 / 重新开始, not a fresh run"
    assert Q.RESUME_CONTINUE in "".join(b.label for r in out.replies for row in r.buttons for b in row)


def test_region_kept_resumes_and_region_changed_says_the_check_was_left(kb, now) -> None:
    before = mid_check(kb, now)
    asked = router.handle(before, Event.command("region"), kb, now).state
    same = router.handle(asked, Event.say("吉林"), kb, now)
    assert_resumed(same, before)
    other = router.handle(asked, Event.say("北京"), kb, now)
    assert other.state.region == "beijing" and other.state.dialog is None
    assert C.CHECK_LEFT_FOR_REGION.format(region="吉林省") in text_of(other)
    assert all(f in other.state.profile for f in before.data["answered"]), "the answers are kept"


def test_forget_declined_resumes(kb, now) -> None:
    before = mid_check(kb, now)
    asked = router.handle(before, Event.command("forget"), kb, now).state
    kept = router.handle(asked, Event.say("否"), kb, now)
    assert_resumed(kept, before)


@pytest.mark.parametrize(
    ("words", "check"),
    [
        ("别提醒了", lambda s: s.muted),
        ("推迟一周", lambda s: s.snoozed_until is not None),
        ("推迟三天", lambda s: s.snoozed_until is not None),
    ],
)
def test_a_typed_reminder_setting_in_the_middle_of_check_acts_then_resumes(kb, now, words, check) -> None:
    before = mid_check(kb, now)
    out = router.handle(before, Event.say(words), kb, now)
    assert check(out.state), text_of(out)
    assert_resumed(out, before)


def test_unmute_in_the_middle_of_check(kb, now) -> None:
    before = mid_check(kb, now)
    before.muted = True
    out = router.handle(before, Event.say("恢复提醒"), kb, now)
    assert not out.state.muted
    assert_resumed(out, before)


def test_start_in_the_middle_of_check_resumes(kb, now) -> None:
    """F17: /start said only the welcome and the run was lost; the next answer became a question."""
    before = mid_check(kb, now)
    out = router.handle(before, Event.command("start"), kb, now)
    assert_resumed(out, before)
    answered = router.handle(out.state, Event.say("四十"), kb, now)
    assert answered.state.profile.get(before.step) == 40


def test_an_approximate_range_mid_check_is_asked_again_not_answered_as_a_question(kb, now) -> None:
    """F25: 十几张 has 几 in it, but it is an answer to the bed question, not a question. Wholly short of
    ≥30张 (11–19), it decides nothing either way and is recorded 按约数 like 十来张 (brk9 Q4); 二三十张,
    across the limit, is asked again."""
    before = mid_check(kb, now)
    assert before.step == "open_beds"
    out = router.handle(before, Event.say("十几张"), kb, now)
    assert out.state.profile.get("open_beds") == 11 and "约数" in text_of(out)
    assert "资料库里没有答案" not in text_of(out)
    across = router.handle(before, Event.say("二三十张"), kb, now)
    assert across.state.step == "open_beds" and "open_beds" not in across.state.profile
    assert "资料库里没有答案" not in text_of(across)


def test_forget_confirmed_drops_the_held_run_with_everything(kb, now) -> None:
    before = mid_check(kb, now)
    asked = router.handle(before, Event.command("forget"), kb, now).state
    gone = router.handle(asked, Event.say("是"), kb, now)
    assert gone.state.dialog is None and C.PENDING_AGAIN not in text_of(gone)
    assert text_of(gone) == C.FORGET_DONE
