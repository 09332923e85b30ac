"""Which reminders a user should get, and when: pure date logic over the user's state and the
region's calendar. Storage keeps the result as rows (storage/nudges.py); the tick (bot/nudges/tick.py) sends them.

Rules, all in Asia/Shanghai (no daylight saving, so combining a date with a time is exact):
- a nudge is due at 09:30 on the day `days_before` days ahead of the deadline, for each entry of
  the user's reminder_days and each upcoming deadline of their region and stage, and each own
  reminder;
- nothing is ever due between 21:00 and 08:00 (`next_allowed` is the one place that decides);
- a due time already past while the deadline is still ahead (today counts) becomes due now, moved
  out of the night; of several such for one deadline only the nearest (smallest days_before) is
  kept, so a user who sets a stage 20 days ahead gets one reminder, not a burst;
- an own reminder also comes on its day at 09:30 (newcomer trial 2, B8: with 30/7/1 days none came
  on the day of "下周五 开会"); its lead times already past are skipped, not sent now (newcomer trial
  3, F4: "下周三" typed on Tuesday came at once for its 30-day lead: such a lead is `catch_up_only`,
  sent only if already stored, i.e. missed while the bot was down) — its day itself, if past 09:30
  and still today, becomes due now;
- muted: nothing; snoozed until a day: nothing due before 09:30 on that day;
- only deadlines that concern the institution: a step of authorities only (各区卫生健康委报送进展,
  省卫健委报国家名单) is never reminded (knowledge.calendar.actors.institution_involved).
The key (user, deadline id, deadline date, days_before) makes replanning idempotent, and a deadline
whose date moves gets new keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from core.clock import SHANGHAI, UTC, local_today
from core.model import UserState
from knowledge.calendar import Calendar
from knowledge.calendar.actors import institution_involved

DUE_TIME = dt.time(9, 30)
QUIET_FROM = dt.time(21, 0)  # quiet hours start (inclusive) ...
QUIET_UNTIL = dt.time(8, 0)  # ... and end (exclusive): 08:00 is allowed again
OWN_PREFIX = "own-"  # deadline ids of the user's own reminders
OWN_ON_THE_DAY = 0  # an own reminder also comes on its day, whatever the lead times
HORIZON_DAYS = 400  # a year ahead plus the longest sensible reminder lead
# Delivery policy, applied by the tick (bot/nudges/tick.py) and stored by storage/nudges.py.
LATE_AFTER = dt.timedelta(hours=1)  # sent this long after its due time: the message says it is late
MAX_ATTEMPTS = 6  # transient failures before a nudge is given up (status "failed")
BACKOFF_FIRST = dt.timedelta(minutes=1)
BACKOFF_MAX = dt.timedelta(hours=2)


class PlannedNudge(NamedTuple):
    """A NamedTuple rather than a dataclass: planning makes millions of these in the benchmark."""

    key: str
    deadline_id: str
    title: str
    deadline_date: dt.date
    days_before: int
    due_at: dt.datetime  # aware, UTC
    # Its own time had passed, so it was made due now: storage keeps an already-due row's time (a
    # replan must not turn a nudge missed while the bot was down into an on-time one).
    overdue: bool = False
    # An own reminder's lead time already past: never created now (a reminder typed today does not
    # come at once for its 30-day lead, F4), only kept when a row for it was already stored (missed
    # while the bot was down: still sent, late). Storage reads this (storage/nudges/planning.py).
    catch_up_only: bool = False


def is_quiet(moment: dt.datetime) -> bool:
    """Whether `moment` (aware) falls in the quiet hours 21:00–08:00 Shanghai time."""
    t = moment.astimezone(SHANGHAI).time()
    return t >= QUIET_FROM or t < QUIET_UNTIL


def next_allowed(moment: dt.datetime) -> dt.datetime:
    """`moment` itself outside quiet hours, else 08:00 Shanghai at the end of that night (UTC)."""
    local = moment.astimezone(SHANGHAI)
    t = local.time()
    if t < QUIET_UNTIL:
        return dt.datetime.combine(local.date(), QUIET_UNTIL, SHANGHAI).astimezone(UTC)
    if t >= QUIET_FROM:
        return dt.datetime.combine(local.date() + dt.timedelta(days=1), QUIET_UNTIL, SHANGHAI).astimezone(UTC)
    return moment.astimezone(UTC)


def due_moment(day: dt.date) -> dt.datetime:
    """09:30 Shanghai on `day`, in UTC."""
    return dt.datetime.combine(day, DUE_TIME, SHANGHAI).astimezone(UTC)


def nudge_key(user_id: int, deadline_id: str, deadline_date: dt.date, days_before: int) -> str:
    """The idempotency key of one planned nudge: replanning the same plan inserts nothing."""
    return f"{user_id}:{deadline_id}:{deadline_date.isoformat()}:{days_before}"


def backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4, 8 … minutes after the 1st, 2nd, 3rd … failure, at most two hours."""
    return min(BACKOFF_FIRST * (2 ** max(0, attempts - 1)), BACKOFF_MAX)


def own_deadline_id(reminder_id: int) -> str:
    return f"{OWN_PREFIX}{reminder_id}"


def is_own(deadline_id: str) -> bool:
    return deadline_id.startswith(OWN_PREFIX)


class _DueCache:
    """09:30 on (deadline date − days) in UTC; 100,000 users share a handful of these."""

    def __init__(self) -> None:
        self._due: dict[tuple[dt.date, int], dt.datetime] = {}

    def get(self, day: dt.date, days_before: int) -> dt.datetime:
        found = self._due.get((day, days_before))
        if found is None:
            found = self._due[(day, days_before)] = due_moment(day - dt.timedelta(days=days_before))
        return found


def upcoming_deadlines(calendar: Calendar | None, stage: str | None, today: dt.date) -> list[tuple[str, str, dt.date]]:
    """(id, title, date) of the calendar's deadlines from today on that concern the institution
    (not a step of authorities only, such as 各区卫生健康委报送进展 or 省卫健委报国家名单: the director
    has nothing to do by that date); [] without a calendar."""
    if calendar is None:
        return []
    found = calendar.deadlines(stage, today, HORIZON_DAYS)
    return [(d.id, d.title, d.date) for d in found if institution_involved(d.actor)]


def plan_nudges(
    state: UserState,
    calendar: Calendar | None,
    now: dt.datetime,
    upcoming: Sequence[tuple[str, str, dt.date]] | None = None,
    _cache: _DueCache | None = None,
) -> list[PlannedNudge]:
    """The user's future nudges as of `now` (aware). `calendar` is the region's
    knowledge.calendar.Calendar or None; `upcoming` lets a caller planning many users pass the
    calendar's deadlines for this region and stage, computed once."""
    if state.user_id is None:
        raise ValueError("plan_nudges needs a saved state (user_id is None)")
    if state.muted:
        return []
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(UTC)
    today = local_today(now)
    cache = _cache or _DueCache()
    items: list[tuple[str, str, dt.date]] = list(
        upcoming if upcoming is not None else upcoming_deadlines(calendar, state.stage, today)
    )
    items.extend(
        (own_deadline_id(r.id), r.title, r.date) for r in state.reminders if r.id is not None and r.date >= today
    )
    days = sorted({int(d) for d in state.reminder_days if int(d) >= 0})
    if not items or not days:
        return []
    snooze_from = due_moment(state.snoozed_until) if state.snoozed_until else None
    if snooze_from is not None and snooze_from <= now:
        snooze_from = None  # the snooze is over
    earliest = next_allowed(now)
    uid = state.user_id
    out: list[PlannedNudge] = []
    own_days = sorted({*days, OWN_ON_THE_DAY})
    for deadline_id, title, day in items:
        # Several reminders of one deadline may land on the same moment (all overdue, or all moved to
        # the end of a snooze): keep the nearest one only.
        chosen: dict[dt.datetime, tuple[int, bool]] = {}
        own = is_own(deadline_id)
        for before in own_days if own else days:
            due = cache.get(day, before)
            moved = overdue = False
            if snooze_from is not None and due < snooze_from:
                due, moved = snooze_from, True
            if due < now:
                due, moved, overdue = earliest, True, True
            if moved and due.astimezone(SHANGHAI).date() > day:
                continue  # it would arrive after the deadline
            if due not in chosen or before < chosen[due][0]:
                chosen[due] = (before, overdue)
        for due, (before, overdue) in chosen.items():
            key = nudge_key(uid, deadline_id, day, before)
            catch_up = own and overdue and before != OWN_ON_THE_DAY
            out.append(PlannedNudge(key, deadline_id, title, day, before, due, overdue, catch_up))
    return out


def plan_many(
    states: Iterable[UserState], calendars: Mapping[str, Calendar], now: dt.datetime
) -> dict[int, list[PlannedNudge]]:
    """Plans for many users at once (replanning everyone after the calendar data changed): each
    region and stage's deadlines are computed once."""
    today = local_today(now)
    deadlines_for: dict[tuple[str | None, str | None], list[tuple[str, str, dt.date]]] = {}
    cache = _DueCache()
    plans: dict[int, list[PlannedNudge]] = {}
    for state in states:
        assert state.user_id is not None
        group = (state.region, state.stage)
        if group not in deadlines_for:
            calendar = calendars.get(state.region) if state.region else None
            deadlines_for[group] = upcoming_deadlines(calendar, state.stage, today)
        plans[state.user_id] = plan_nudges(state, None, now, deadlines_for[group], cache)
    return plans
