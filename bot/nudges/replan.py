"""Replanning users' nudge rows when something they depend on changes: one user after a turn
(their region, stage, reminder settings or own reminders), everyone after the calendar data changed
or once a day, and the users just reminded."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from core.clock import local_today
from core.model import UserState
from dialogs.nudges.plan import plan_many, plan_nudges
from knowledge.base import KnowledgeBase
from storage import nudges as store
from storage.db import Database

log = logging.getLogger(__name__)

KEEP_FINISHED_DAYS = 30  # sent/dropped rows of deadlines older than this are purged by replan_all
PAGE = 1000


async def replan_user(db: Database, kb: KnowledgeBase, state: UserState, now: dt.datetime) -> None:
    """Recompute this user's future nudges (the ReplanNudges effect)."""
    if state.user_id is None:
        return
    calendar = kb.calendars.get(state.region) if state.region else None
    await store.replace_future_nudges(db, state.user_id, plan_nudges(state, calendar, now), now)


async def replan_all(db: Database, kb: KnowledgeBase, now: dt.datetime, page: int = PAGE) -> store.ReplanCounts:
    """Replan every user: after the calendar data changed (/reload, `nudges --replan-all`), and once a
    day so yearly deadlines beyond the planning horizon come into view. Also purges finished rows of
    long-past deadlines."""
    total = store.ReplanCounts()
    after = 0
    while states := await store.planning_states(db, after, page):
        total.add(await store.replace_many(db, plan_many(states, kb.calendars, now), now))
        after = states[-1].user_id or after
    await store.purge_finished(db, local_today(now) - dt.timedelta(days=KEEP_FINISHED_DAYS))
    return total


async def replan_users(db: Database, kb: KnowledgeBase, user_ids: Iterable[int], now: dt.datetime) -> None:
    """Plan again for the users just reminded. Planning looks HORIZON_DAYS (400) ahead, so when this
    year's reminders of a yearly deadline are sent, next year's occurrence is in view and gets its
    rows: the chain of yearly reminders never runs dry, even if nobody runs replan_all."""
    ids = sorted(set(user_ids))
    try:
        states = await store.planning_states(db, 0, len(ids), user_ids=ids)
        await store.replace_many(db, plan_many(states, kb.calendars, now), now)
    except Exception as exc:  # delivery has happened and is recorded; replanning can wait for the next one
        log.warning("replanning %d users after sending failed: %s", len(ids), type(exc).__name__)
