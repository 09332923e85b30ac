"""Nudge rows on SQLite and PostgreSQL: idempotent replanning, claims and leases, passed deadlines
dropped, late marked, superseded overdue rows dropped, inactive users skipped, retries."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from typing import Any
from zoneinfo import ZoneInfo

from core.model import OwnReminder
from dialogs.nudges.plan import LATE_AFTER, plan_nudges
from storage import nudges as store
from storage import users
from storage.db import Database

SH = ZoneInfo("Asia/Shanghai")
AddUser = Callable[..., Awaitable[int]]


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=SH)


def token() -> str:
    return uuid.uuid4().hex


async def _user_with_reminders(db: Database, chat: str = "1", days: list[int] | None = None) -> Any:
    state = await users.load_state(db, "telegram", chat)
    state.reminders = [OwnReminder("自评完成", dt.date(2026, 6, 30)), OwnReminder("资料汇总", dt.date(2026, 7, 15))]
    state.reminder_days = days or [30, 7, 1]
    await users.save_state(db, state)
    return state


async def test_replanning_is_idempotent_and_keeps_sent_rows(db: Database) -> None:
    state = await _user_with_reminders(db)
    now = at(2026, 3, 10)
    planned = plan_nudges(state, None, now)
    first = await store.replace_future_nudges(db, state.user_id, planned, now)
    # two own reminders × (30, 7, 1 days before and on the day)
    assert (first.inserted, first.deleted, first.moved) == (8, 0, 0)
    again = await store.replace_future_nudges(db, state.user_id, plan_nudges(state, None, now), now)
    assert (again.inserted, again.deleted, again.moved) == (0, 0, 0)
    rows = await store.user_nudges(db, state.user_id)
    assert len(rows) == 8 and {r.key for r in rows} == {p.key for p in planned}
    assert all(store.as_utc(r.due_at).astimezone(SH).time() == dt.time(9, 30) for r in rows)

    # the earliest one is sent; then the user drops one reminder and changes the days
    first_due = rows[0]
    claimed = await store.claim_due(db, store.as_utc(first_due.due_at), 10, t := token(), late_after=LATE_AFTER)
    assert [c.id for c in claimed] == [first_due.id]
    assert await store.mark_sent(db, first_due.id, t, store.as_utc(first_due.due_at))
    state.reminders = [r for r in state.reminders if r.title == "资料汇总"]
    state.reminder_days = [3]
    later = store.as_utc(first_due.due_at) + dt.timedelta(minutes=1)
    counts = await store.replace_future_nudges(db, state.user_id, plan_nudges(state, None, later), later)
    rows = await store.user_nudges(db, state.user_id)
    pending = [r for r in rows if r.status == store.PENDING]
    assert [(r.title, r.days_before) for r in pending] == [("资料汇总", 3), ("资料汇总", 0)]
    assert [r.id for r in rows if r.status == store.SENT] == [first_due.id]  # history stays
    assert first_due.title == "自评完成" and first_due.days_before == 30
    assert (counts.inserted, counts.deleted) == (1, 6)  # the other six pending rows went (its day-of one stays)

    # muting removes every pending row, sent ones stay
    state.muted = True
    await store.replace_future_nudges(db, state.user_id, plan_nudges(state, None, later), later)
    rows = await store.user_nudges(db, state.user_id)
    assert [r.status for r in rows] == [store.SENT]


async def test_a_snooze_moves_pending_rows(db: Database) -> None:
    state = await _user_with_reminders(db, days=[7])
    now = at(2026, 6, 1)
    await store.replace_future_nudges(db, state.user_id, plan_nudges(state, None, now), now)
    state.snoozed_until = dt.date(2026, 6, 26)
    counts = await store.replace_future_nudges(db, state.user_id, plan_nudges(state, None, now), now)
    assert counts.moved == 1  # 6/23 -> 6/26; the others (6/30 on the day, 7/8, 7/15) are after the snooze
    due = sorted(store.as_utc(r.due_at).astimezone(SH) for r in await store.user_nudges(db, state.user_id))
    assert due == [at(2026, 6, 26, 9, 30), at(2026, 6, 30, 9, 30), at(2026, 7, 8, 9, 30), at(2026, 7, 15, 9, 30)]


async def test_claims_are_exclusive_until_the_lease_runs_out(db: Database, add_user: AddUser) -> None:
    due = at(2026, 6, 23, 9, 30)
    uid = await add_user(db, "5", "自评完成", dt.date(2026, 6, 30), due)
    early = due - dt.timedelta(seconds=1)
    assert await store.claim_due(db, early, 10, token(), late_after=LATE_AFTER) == []  # not due yet
    first = await store.claim_due(db, due, 10, t1 := token(), late_after=LATE_AFTER)
    assert [(c.user_id, c.channel, c.external_id, c.title, c.late) for c in first] == [
        (uid, "telegram", "5", "自评完成", False)
    ]
    assert first[0].due_at == due.astimezone(dt.UTC)
    leased = due + dt.timedelta(minutes=4)
    assert await store.claim_due(db, leased, 10, token(), late_after=LATE_AFTER) == []
    # the tick crashed before marking: after the lease another tick may take it over
    after_lease = due + store.LEASE + dt.timedelta(seconds=1)
    second = await store.claim_due(db, after_lease, 10, t2 := token(), late_after=LATE_AFTER)
    assert [c.id for c in second] == [first[0].id]
    assert not await store.mark_sent(db, first[0].id, t1, due)  # the old claim is void
    assert await store.mark_sent(db, first[0].id, t2, due)
    assert await store.claim_due(db, due + dt.timedelta(hours=2), 10, token(), late_after=LATE_AFTER) == []


async def test_passed_deadlines_are_dropped_not_sent(db: Database, add_user: AddUser) -> None:
    await add_user(db, "6", "自评完成", dt.date(2026, 6, 30), at(2026, 6, 29, 9, 30), days_before=1)
    after = at(2026, 7, 1, 8, 0)  # the bot was down from before the 29th until after the 30th
    preview = await store.preview_due(db, after, late_after=LATE_AFTER)
    assert preview.due == [] and len(preview.passed) == 1
    assert await store.claim_due(db, after, 10, token(), late_after=LATE_AFTER) == []
    stale = await store.drop_stale(db, after)
    assert (stale.passed, stale.superseded) == (1, 0)
    assert await store.status_counts(db) == {store.DROPPED: 1}


async def test_deadline_day_at_midnight_shanghai_is_still_ahead(db: Database, add_user: AddUser) -> None:
    await add_user(db, "6", "自评完成", dt.date(2026, 6, 30), at(2026, 6, 29, 9, 30), days_before=1)
    # 16:00 UTC on 6/29 is 00:00 on 6/30 in Shanghai: the deadline is today, not passed
    midnight = dt.datetime(2026, 6, 29, 16, 0, tzinfo=dt.UTC)
    assert (await store.drop_stale(db, midnight)).passed == 0
    assert len(await store.claim_due(db, midnight, 10, token(), late_after=LATE_AFTER)) == 1


async def test_missed_while_down_is_marked_late(db: Database, add_user: AddUser) -> None:
    due = at(2026, 6, 23, 9, 30)
    await add_user(db, "7", "a", dt.date(2026, 6, 30), due)
    await add_user(db, "8", "b", dt.date(2026, 6, 30), due + dt.timedelta(hours=1, minutes=30))
    claimed = await store.claim_due(db, due + dt.timedelta(hours=2), 10, token(), late_after=LATE_AFTER)
    assert [(c.external_id, c.late) for c in claimed] == [("7", True), ("8", False)]


async def test_of_several_overdue_reminders_only_the_nearest_is_sent(db: Database, planned_row: Any) -> None:
    state = await users.load_state(db, "telegram", "9")
    uid = state.user_id
    day = dt.date(2026, 6, 30)
    rows = [
        planned_row(f"{uid}:x:{day}:{before}", "x", "t", day, before, store.as_utc(at(2026, 6, 30 - before, 9, 30)))
        for before in (30 - 1, 7, 1)  # 6/1, 6/23, 6/29
    ]
    await store.replace_future_nudges(db, uid, rows, at(2026, 5, 1))
    back = at(2026, 6, 24, 12, 0)  # down from 5/31 to 6/24: 29-day and 7-day both missed
    stale = await store.drop_stale(db, back)
    assert stale.superseded == 1
    claimed = await store.claim_due(db, back, 10, token(), late_after=LATE_AFTER)
    assert [(c.days_before, c.late) for c in claimed] == [(7, True)]


async def test_inactive_users_are_skipped_until_they_write_again(db: Database, add_user: AddUser) -> None:
    due = at(2026, 6, 23, 9, 30)
    await add_user(db, "10", "a", dt.date(2026, 6, 30), due)
    await users.set_active(db, "telegram", "10", False)
    assert await store.claim_due(db, due, 10, token(), late_after=LATE_AFTER) == []
    assert (await store.preview_due(db, due, late_after=LATE_AFTER)).due == []
    await users.set_active(db, "telegram", "10", True)
    assert len(await store.claim_due(db, due, 10, token(), late_after=LATE_AFTER)) == 1


async def test_failed_attempts_back_off_and_finally_give_up(db: Database, add_user: AddUser) -> None:
    due = at(2026, 6, 23, 9, 30)
    await add_user(db, "11", "a", dt.date(2026, 6, 30), due)
    (c,) = await store.claim_due(db, due, 10, t := token(), late_after=LATE_AFTER)
    retry = due + dt.timedelta(minutes=1)
    await store.mark_failed(db, c.id, t, 1, "TransientError: 502", retry)
    assert await store.claim_due(db, retry - dt.timedelta(seconds=1), 10, token(), late_after=LATE_AFTER) == []
    (again,) = await store.claim_due(db, retry, 10, t2 := token(), late_after=LATE_AFTER)
    assert again.attempts == 1
    await store.mark_failed(db, again.id, t2, 2, "TransientError: 502", retry, give_up=True)
    (row,) = await store.user_nudges(db, again.user_id)
    assert (row.status, row.attempts, row.last_error) == (store.FAILED, 2, "TransientError: 502")


async def test_release_and_drop(db: Database, add_user: AddUser) -> None:
    due = at(2026, 6, 23, 9, 30)
    await add_user(db, "12", "a", dt.date(2026, 6, 30), due)
    (c,) = await store.claim_due(db, due, 10, t := token(), late_after=LATE_AFTER)
    assert await store.release(db, [c.id], "someone-else") == 0
    assert await store.release(db, [c.id], t) == 1
    assert len(await store.claim_due(db, due, 10, token(), late_after=LATE_AFTER)) == 1
    assert await store.drop(db, [c.id], "test") == 1
    assert await store.claim_due(db, due + store.LEASE * 2, 10, token(), late_after=LATE_AFTER) == []


async def test_purge_removes_finished_rows_of_old_deadlines(db: Database, add_user: AddUser) -> None:
    due = at(2026, 6, 23, 9, 30)
    uid = await add_user(db, "13", "a", dt.date(2026, 6, 30), due)
    (c,) = await store.claim_due(db, due, 10, t := token(), late_after=LATE_AFTER)
    await store.mark_sent(db, c.id, t, due)
    assert await store.purge_finished(db, dt.date(2026, 6, 30)) == 0  # deadline not before that day
    assert await store.purge_finished(db, dt.date(2026, 7, 31)) == 1
    assert await store.user_nudges(db, uid) == []


async def test_planning_states_pages_through_users(db: Database) -> None:
    for chat in ("a", "b", "c"):
        await _user_with_reminders(db, chat)
    page = await store.planning_states(db, 0, 2)
    assert len(page) == 2 and all(len(s.reminders) == 2 for s in page)
    rest = await store.planning_states(db, page[-1].user_id, 2)  # type: ignore[arg-type]
    assert len(rest) == 1 and await store.planning_states(db, rest[0].user_id, 2) == []  # type: ignore[arg-type]


async def test_replan_keeps_the_time_of_an_already_due_row(db: Database) -> None:
    """A replan during the day must not turn a nudge missed while the bot was down into a fresh,
    on-time one: the row keeps its old due time, so it is still sent marked late."""
    state = await _user_with_reminders(db, days=[7])
    early = at(2026, 6, 1)
    await store.replace_future_nudges(db, state.user_id, plan_nudges(state, None, early), early)
    later = at(2026, 6, 24, 15, 0)  # the 6/23 09:30 nudge was never sent
    counts = await store.replace_future_nudges(db, state.user_id, plan_nudges(state, None, later), later)
    assert counts.moved == 0 and counts.inserted == 0
    (c, *_) = await store.claim_due(db, later, 10, token(), late_after=LATE_AFTER)
    assert c.late and c.due_at == at(2026, 6, 23, 9, 30).astimezone(dt.UTC)


async def test_an_own_reminders_lead_already_past_is_never_created(db: Database) -> None:
    """Newcomer trial 3, F4: a reminder added 8 days ahead makes no row due now for its 30-day lead,
    only its future ones (7, 1 days before, on the day); a row already stored and missed still stays."""
    state = await _user_with_reminders(db)
    now = at(2026, 6, 22, 7, 30)  # 自评完成 6/30 is 8 days ahead, 资料汇总 7/15 23 days
    counts = await store.replace_future_nudges(db, state.user_id, plan_nudges(state, None, now), now)
    rows = await store.user_nudges(db, state.user_id)
    assert counts.inserted == len(rows) == 6  # (7, 1, 0) twice; neither 30-day lead
    assert all(store.as_utc(r.due_at) > now.astimezone(dt.UTC) for r in rows)


async def test_replan_never_pulls_a_backed_off_row_earlier(db: Database) -> None:
    state = await _user_with_reminders(db, days=[7])
    due = at(2026, 6, 23, 9, 30)
    await store.replace_future_nudges(db, state.user_id, plan_nudges(state, None, at(2026, 6, 1)), at(2026, 6, 1))
    (c, *_) = await store.claim_due(db, due, 1, t := token(), late_after=LATE_AFTER)
    retry = due + dt.timedelta(minutes=4)
    await store.mark_failed(db, c.id, t, 1, "TransientError", retry)
    counts = await store.replace_future_nudges(db, state.user_id, plan_nudges(state, None, due), due)
    assert counts.moved == 0
    row = next(r for r in await store.user_nudges(db, state.user_id) if r.id == c.id)
    assert store.as_utc(row.due_at) == retry.astimezone(dt.UTC)


async def test_a_claim_takes_every_due_row_of_its_users_never_a_part(db: Database, add_user: AddUser) -> None:
    """A chat's due rows in two claims would go out through two instances within a second of each
    other (Telegram's 1/s per chat: a 429 that pauses the whole bot's pace); a claim takes them whole."""
    due = at(2026, 6, 23, 9, 30)
    uids = []
    for chat in ("11", "12", "13"):
        uids.append(await add_user(db, chat, "自评完成", dt.date(2026, 6, 30), due))
        await add_user(db, chat, "资料汇总", dt.date(2026, 7, 3), due, days_before=10)
    first = await store.claim_due(db, due, 3, token(), late_after=LATE_AFTER)  # the 3rd row is user 2's
    assert sorted(c.user_id for c in first) == sorted([uids[0], uids[0], uids[1], uids[1]])
    second = await store.claim_due(db, due, 3, token(), late_after=LATE_AFTER)
    assert [c.user_id for c in second] == [uids[2], uids[2]]
    assert await store.claim_due(db, due, 3, token(), late_after=LATE_AFTER) == []
