"""Planning: 09:30 Shanghai due times, quiet hours, overdue, mute, snooze, own reminders, keys,
time-zone edges and 29 February. Pure: no database."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

import pytest

from core.model import OwnReminder, UserState
from dialogs.nudges.plan import (
    is_quiet,
    next_allowed,
    nudge_key,
    plan_many,
    plan_nudges,
)
from knowledge.base import KnowledgeBase

SH = ZoneInfo("Asia/Shanghai")
UTC = dt.UTC


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=SH)


def state(**kw: object) -> UserState:
    base: dict[str, object] = {"user_id": 7, "region": None, "stage": None}
    base.update(kw)
    return UserState(**base)  # type: ignore[arg-type]


def local(t: dt.datetime) -> dt.datetime:
    return t.astimezone(SH)


DEADLINE = [("jilin-application-2026", "申请报送", dt.date(2026, 6, 30))]


def test_due_times_are_0930_shanghai_stored_as_utc() -> None:
    plan = plan_nudges(state(), None, at(2026, 3, 10), upcoming=DEADLINE)
    assert sorted((p.days_before, local(p.due_at)) for p in plan) == [
        (1, at(2026, 6, 29, 9, 30)),
        (7, at(2026, 6, 23, 9, 30)),
        (30, at(2026, 5, 31, 9, 30)),
    ]
    assert all(p.due_at.tzinfo == UTC and p.due_at.hour == 1 and p.due_at.minute == 30 for p in plan)
    assert not any(p.overdue for p in plan)


@pytest.mark.parametrize(
    ("hh", "mm", "ss", "quiet"),
    [(20, 59, 59, False), (21, 0, 0, True), (23, 59, 59, True), (0, 0, 0, True), (7, 59, 59, True), (8, 0, 0, False)],
)
def test_quiet_hours_boundaries(hh: int, mm: int, ss: int, quiet: bool) -> None:
    moment = dt.datetime(2026, 3, 10, hh, mm, ss, tzinfo=SH)
    assert is_quiet(moment) is quiet
    assert is_quiet(moment.astimezone(UTC)) is quiet  # the zone of the argument does not matter


def test_next_allowed_never_lands_in_quiet_hours() -> None:
    rng = random.Random(4)
    start = dt.datetime(2026, 1, 1, tzinfo=UTC)
    for _ in range(20_000):
        moment = start + dt.timedelta(seconds=rng.randrange(0, 400 * 86400))
        allowed = next_allowed(moment)
        assert not is_quiet(allowed)
        assert allowed >= moment
        assert allowed - moment < dt.timedelta(hours=11)  # at most one night
        if not is_quiet(moment):
            assert allowed == moment
        else:
            assert local(allowed).time() == dt.time(8, 0)


def test_planned_nudges_never_fall_in_quiet_hours_nor_after_their_deadline() -> None:
    """Property-style: many `now`s (every 37 minutes over two weeks, day and night), snoozes and
    reminder settings; no planned nudge is due at night, in the past, or after its deadline."""
    rng = random.Random(11)
    now = at(2026, 6, 20, 0, 0)
    checked = 0
    while now < at(2026, 7, 4):
        today = now.date()
        upcoming = [(f"d{i}", "t", today + dt.timedelta(days=rng.randrange(0, 40))) for i in range(4)]
        s = state(
            reminder_days=rng.sample([0, 1, 2, 3, 7, 14, 30], rng.randrange(1, 5)),
            snoozed_until=today + dt.timedelta(days=rng.randrange(0, 5)) if rng.random() < 0.3 else None,
        )
        for p in plan_nudges(s, None, now, upcoming=upcoming):
            checked += 1
            assert not is_quiet(p.due_at), (now, p)
            assert p.due_at >= now.astimezone(UTC) - dt.timedelta(microseconds=1)
            assert local(p.due_at).date() <= p.deadline_date
            if s.snoozed_until:
                snooze_end = dt.datetime.combine(s.snoozed_until, dt.time(9, 30), SH)
                assert p.due_at >= snooze_end or snooze_end <= now
        now += dt.timedelta(minutes=37)
    assert checked > 1000


def test_overdue_reminders_become_one_nudge_due_now() -> None:
    now = at(2026, 6, 20, 10, 0)  # 10 days ahead: the 30-day reminder's time has passed, so it is due now
    plan = plan_nudges(state(), None, now, upcoming=DEADLINE)
    assert sorted((p.days_before, p.overdue) for p in plan) == [(1, False), (7, False), (30, True)]
    assert next(p for p in plan if p.overdue).due_at == now
    seven = next(p for p in plan if p.days_before == 7)
    assert seven.due_at == at(2026, 6, 23, 9, 30) and not seven.overdue

    now = at(2026, 6, 25, 10, 0)  # 30 and 7 both passed: only the nearer one, due now
    plan = plan_nudges(state(), None, now, upcoming=DEADLINE)
    assert sorted((p.days_before, p.overdue) for p in plan) == [(1, False), (7, True)]
    assert next(p for p in plan if p.overdue).due_at == now


def test_overdue_at_night_waits_for_0800_and_is_skipped_when_that_is_too_late() -> None:
    plan = plan_nudges(state(), None, at(2026, 6, 25, 23, 0), upcoming=DEADLINE)
    overdue = next(p for p in plan if p.overdue)
    assert local(overdue.due_at) == at(2026, 6, 26, 8, 0)
    # on the deadline day itself at 22:00 the next allowed moment is the day after: nothing
    assert plan_nudges(state(), None, at(2026, 6, 30, 22, 0), upcoming=DEADLINE) == []
    # but at 20:00 on the deadline day it is still worth sending
    (today,) = plan_nudges(state(), None, at(2026, 6, 30, 20, 0), upcoming=DEADLINE)
    assert today.days_before == 1 and today.overdue


def test_muted_gets_nothing() -> None:
    assert plan_nudges(state(muted=True), None, at(2026, 3, 10), upcoming=DEADLINE) == []


def test_snooze_moves_nudges_to_0930_on_that_day_and_keeps_one() -> None:
    s = state(snoozed_until=dt.date(2026, 6, 25))
    plan = plan_nudges(s, None, at(2026, 6, 1, 10, 0), upcoming=DEADLINE)
    # 30 days before (5/31) already passed, 7 days before (6/23) falls in the snooze: one nudge on 6/25
    assert sorted((p.days_before, local(p.due_at)) for p in plan) == [
        (1, at(2026, 6, 29, 9, 30)),
        (7, at(2026, 6, 25, 9, 30)),
    ]
    # snoozed past the deadline: nothing for it
    assert plan_nudges(state(snoozed_until=dt.date(2026, 7, 1)), None, at(2026, 6, 1), upcoming=DEADLINE) == []
    # a snooze that is over changes nothing
    over = plan_nudges(state(snoozed_until=dt.date(2026, 3, 1)), None, at(2026, 3, 10), upcoming=DEADLINE)
    assert over == plan_nudges(state(), None, at(2026, 3, 10), upcoming=DEADLINE)


def test_own_reminders_are_planned_and_past_or_unsaved_ones_are_not() -> None:
    s = state(
        reminder_days=[1],
        reminders=[
            OwnReminder("自评完成", dt.date(2026, 3, 15), 3),
            OwnReminder("旧的", dt.date(2026, 3, 1), 4),
            OwnReminder("未保存", dt.date(2026, 3, 20), None),
        ],
    )
    p, on_the_day = sorted(plan_nudges(s, None, at(2026, 3, 10)), key=lambda n: -n.days_before)
    assert (p.deadline_id, p.title, p.deadline_date, p.days_before) == ("own-3", "自评完成", dt.date(2026, 3, 15), 1)
    assert local(p.due_at) == at(2026, 3, 14, 9, 30)
    # an own reminder also comes on its day (newcomer trial 2, B8: with 30/7/1 none came on the day)
    assert on_the_day.days_before == 0 and local(on_the_day.due_at) == at(2026, 3, 15, 9, 30)


def test_keys_are_idempotent_and_change_when_a_deadline_moves() -> None:
    now = at(2026, 3, 10)
    first = plan_nudges(state(), None, now, upcoming=DEADLINE)
    again = plan_nudges(state(), None, now + dt.timedelta(hours=3), upcoming=DEADLINE)
    assert [p.key for p in first] == [p.key for p in again]
    assert len({p.key for p in first}) == 3
    assert first[0].key == nudge_key(7, "jilin-application-2026", dt.date(2026, 6, 30), first[0].days_before)
    moved = plan_nudges(state(), None, now, upcoming=[("jilin-application-2026", "申请报送", dt.date(2026, 7, 1))])
    assert not {p.key for p in moved} & {p.key for p in first}
    other_user = plan_nudges(state(user_id=8), None, now, upcoming=DEADLINE)
    assert not {p.key for p in other_user} & {p.key for p in first}


def test_reminder_days_are_cleaned() -> None:
    plan = plan_nudges(state(reminder_days=[7, 7, -3, 0]), None, at(2026, 3, 10), upcoming=DEADLINE)
    assert sorted(p.days_before for p in plan) == [0, 7]
    assert plan_nudges(state(reminder_days=[]), None, at(2026, 3, 10), upcoming=DEADLINE) == []


def test_utc_1600_is_midnight_in_shanghai() -> None:
    """16:00 UTC on 3/9 is 00:00 on 3/10 in Shanghai: a reminder dated 3/9 is over, one dated 3/10
    is today (due at 09:30 that morning)."""
    s = state(
        reminder_days=[0],
        reminders=[OwnReminder("昨天", dt.date(2026, 3, 9), 1), OwnReminder("今天", dt.date(2026, 3, 10), 2)],
    )
    midnight = dt.datetime(2026, 3, 9, 16, 0, tzinfo=UTC)
    (p,) = plan_nudges(s, None, midnight)
    assert p.title == "今天" and local(p.due_at) == at(2026, 3, 10, 9, 30) and not p.overdue
    # one second earlier it is still 3/9 in Shanghai, 23:59:59: the 3/9 reminder's time has passed and
    # the next allowed moment (08:00 on 3/10) is after it, so it is not sent at all
    before = plan_nudges(s, None, midnight - dt.timedelta(seconds=1))
    assert [p.title for p in before] == ["今天"]


def test_29_february() -> None:
    leap = [("x-2028", "闰日截止", dt.date(2028, 2, 29))]
    plan = plan_nudges(state(reminder_days=[30, 1, 0]), None, at(2028, 1, 10), upcoming=leap)
    assert sorted(local(p.due_at) for p in plan) == [
        at(2028, 1, 30, 9, 30),
        at(2028, 2, 28, 9, 30),
        at(2028, 2, 29, 9, 30),
    ]
    # a reminder 1 day after 2/28 in a leap year counts 2/29, so "1 day before 3/1" is 2/29
    march = plan_nudges(state(reminder_days=[1]), None, at(2028, 2, 1), upcoming=[("y", "t", dt.date(2028, 3, 1))])
    assert local(march[0].due_at) == at(2028, 2, 29, 9, 30)


def test_with_the_real_jilin_calendar(kb: KnowledgeBase) -> None:
    calendar = kb.calendars["jilin"]
    now = at(2023, 3, 10)  # the Jilin 2020 plan's yearly dates run to 2023 (audit K1)
    plan = plan_nudges(state(region="jilin", stage="apply"), calendar, now)
    deadlines = calendar.deadlines("apply", now.date(), 400)
    assert deadlines, "the Jilin calendar has an application deadline ahead"
    assert {p.deadline_id for p in plan} == {d.id for d in deadlines}
    assert all(local(p.due_at).time() == dt.time(9, 30) for p in plan)
    # no region, no calendar: own reminders only
    assert plan_nudges(state(), None, now) == []


def test_plan_many_equals_planning_one_by_one(kb: KnowledgeBase) -> None:
    now = at(2026, 5, 20)
    states = [
        state(user_id=i, region=region, stage=stage, reminder_days=days)
        for i, (region, stage, days) in enumerate(
            [("jilin", "apply", [30, 7, 1]), ("jilin", "build", [7]), ("beijing", None, [1]), (None, None, [3])], 1
        )
    ]
    many = plan_many(states, kb.calendars, now)
    for s in states:
        calendar = kb.calendars.get(s.region) if s.region else None
        assert many[s.user_id] == plan_nudges(s, calendar, now)  # type: ignore[index]


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        plan_nudges(state(), None, dt.datetime(2026, 3, 10, 10, 0), upcoming=DEADLINE)
