"""Newcomer trial 3, F4: an own reminder created now never fires for a lead time already past — "下周三"
typed on Tuesday morning comes 7 and 1 days before and on the day, not at once for its 30-day lead;
the reply says so. A calendar deadline keeps its one overdue reminder (a stage set 20 days ahead)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.clock import SHANGHAI
from core.model import Event, OwnReminder, UserState
from dialogs.nudges.plan import plan_nudges
from dialogs.router import handle
from dialogs.texts import tracking as T
from tests.dialogs.tracking.test_tracking import button

TUESDAY_MORNING = dt.datetime(2026, 12, 1, 7, 30, tzinfo=SHANGHAI)


def _local_days(state: UserState, now: dt.datetime) -> list[tuple[dt.date, str]]:
    return sorted(
        (p.due_at.astimezone(SHANGHAI).date(), p.due_at.astimezone(SHANGHAI).strftime("%H:%M"))
        for p in plan_nudges(state, None, now)
        if not p.catch_up_only  # kept only when already stored (missed while the bot was down)
    )


@pytest.mark.parametrize(
    ("ahead", "now"),
    [(8, TUESDAY_MORNING), (8, TUESDAY_MORNING.replace(hour=15)), (3, TUESDAY_MORNING), (0, TUESDAY_MORNING)],
)
def test_an_own_reminder_never_fires_for_a_lead_already_past(ahead: int, now: dt.datetime) -> None:
    day = now.date() + dt.timedelta(days=ahead)
    state = UserState(user_id=1, reminder_days=[30, 7, 1], reminders=[OwnReminder("问截止时间", day, 1)])
    planned = _local_days(state, now)
    expected_leads = [d for d in (30, 7, 1, 0) if day - dt.timedelta(days=d) >= now.date()]
    assert [d for d, _ in planned] == sorted(day - dt.timedelta(days=d) for d in expected_leads)
    assert all(t == "09:30" for _, t in planned)  # none "now", none at night
    assert len(planned) == len({d for d, _ in planned})  # never twice


def test_the_day_itself_still_comes_when_created_on_it_after_0930() -> None:
    now = TUESDAY_MORNING.replace(hour=11)
    state = UserState(user_id=1, reminder_days=[30, 7, 1], reminders=[OwnReminder("打电话", now.date(), 1)])
    planned = plan_nudges(state, None, now)
    assert len(planned) == 1 and not planned[0].catch_up_only


def test_a_calendar_deadline_keeps_its_one_overdue_reminder() -> None:
    deadline = [("x", "申请报送", TUESDAY_MORNING.date() + dt.timedelta(days=20))]
    planned = plan_nudges(UserState(user_id=1, reminder_days=[30, 7]), None, TUESDAY_MORNING, deadline)
    assert sorted(p.days_before for p in planned) == [7, 30]


def test_the_reply_lists_only_future_times_and_says_the_passed_leads(kb) -> None:
    out = handle(UserState(user_id=1, region="jilin"), Event.command("remind"), kb, TUESDAY_MORNING)
    out = handle(out.state, Event.press(button(out, T.BUTTON_ADD).data), kb, TUESDAY_MORNING)
    out = handle(out.state, Event.say("去市卫健委问今年截止时间 下周三"), kb, TUESDAY_MORNING)
    text = "\n".join(r.text for r in out.replies)
    assert "12月1日" not in text and T.SEND_NOW not in text, text
    assert "12月2日 09:30" in text and "12月9日 09:30" in text
    assert T.REMINDER_LEADS_PASSED.format(days="30") in text
