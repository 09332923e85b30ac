"""What is said under an own reminder just added: when it will be sent, and that its day is a statutory
holiday (newcomer trial 9, finding 20: "下个月初 开会" was set for 2027年1月1日, 元旦, without a word).
The holidays are the calendar's own (knowledge/calendar/holidays.py, the State Council's notices)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from core.clock import SHANGHAI
from core.model import OwnReminder, UserState
from dialogs import render
from dialogs.nudges.plan import due_moment, plan_nudges
from dialogs.texts import tracking as T
from dialogs.words import CLOCK_WORDS
from knowledge.base import KnowledgeBase

SATURDAY = 5  # date.weekday(): a weekend day off is plain from the weekday shown, a holiday is not


def when_sent(state: UserState, title: str, day: dt.date, now: dt.datetime) -> str:
    """When this reminder will come, by the planner itself ("12月4日 9:30、12月10日 9:30"), and that
    a clock time in its title (明天下午三点) is not when it comes (newcomer trial 2, B8)."""
    probe = dataclasses.replace(state, user_id=state.user_id or 0, reminders=[OwnReminder(title, day, 0)])
    dues = sorted(p.due_at for p in plan_nudges(probe, None, now) if not p.catch_up_only)
    if dues:
        times = T.SEND_TIME_SEPARATOR.join(_moment(d, now) for d in dues)
        said = T.REMINDER_WHEN.format(times=times)
        passed = sorted({d for d in state.reminder_days if d > 0 and due_moment(day - dt.timedelta(days=d)) < now})
        if passed and not state.muted:
            said += T.REMINDER_LEADS_PASSED.format(days=T.SEND_TIME_SEPARATOR.join(map(str, passed)))
    else:
        said = T.REMINDER_WHEN_NONE
    return said + (T.REMINDER_TIME_IN_TITLE if CLOCK_WORDS.search(title) else "")


def holiday_note(day: dt.date, region: str | None, kb: KnowledgeBase) -> str:
    """ "这天是法定节假日…" with the first working day after it, when the reminder's day is a weekday off
    (a statutory holiday); "" otherwise, and when no calendar is loaded."""
    calendar = kb.calendars.get(region or "") or next(iter(kb.calendars.values()), None)
    if calendar is None or day.weekday() >= SATURDAY:
        return ""
    works, official = calendar.holidays.is_workday(day)
    if works:
        return ""
    workday, _ = calendar.holidays.next_workday(day)
    note = T.REMINDER_ON_HOLIDAY.format(workday=render.date(workday, weekday=True))
    return note + ("" if official else T.REMINDER_HOLIDAY_UNOFFICIAL)


def _moment(due: dt.datetime, now: dt.datetime) -> str:
    local = due.astimezone(SHANGHAI)
    if due <= now:
        return T.SEND_NOW
    # another year's day carries its year: 12月2日 for a reminder of 2028年1月1日 read as tomorrow (brk9 D8)
    template = T.SEND_AT if local.year == now.astimezone(SHANGHAI).year else T.SEND_AT_YEAR
    return template.format(year=local.year, month=local.month, day=local.day, time=local.strftime("%H:%M"))
