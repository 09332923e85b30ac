"""The tick against a recording Sender on real databases: exactly-once through crashes, restarts
and concurrent instances; 403, 429 and transient errors; quiet hours."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.delivery import Blocked, RetryLater, TransientError
from bot.effects import EFFECT_HANDLERS, replan_nudges
from bot.nudges.replan import replan_all, replan_user
from bot.nudges.tick import tick
from bot.ratelimit import SAFETY_MARGIN, RateLimiter, VirtualClock
from bot.terminal import due_on_opening
from bot.wiring import build_assistant
from core.effects import ReplanNudges
from core.model import Event
from dialogs.nudges.plan import BACKOFF_MAX, LATE_AFTER, MAX_ATTEMPTS, backoff, is_quiet, next_allowed
from knowledge.base import KnowledgeBase
from storage import nudges as store
from storage import users
from storage.db import Database

SH = ZoneInfo("Asia/Shanghai")
AddUser = Callable[..., Awaitable[int]]
DUE = dt.datetime(2026, 6, 23, 9, 30, tzinfo=SH)
DEADLINE = dt.date(2026, 6, 30)


async def assert_all_sent(db: Database, n: int) -> None:
    """n rows sent; anything else pending is a later reminder the tick planned after sending (the
    1-day one of the same reminder), never one that is due."""
    counts = await store.status_counts(db)
    assert counts.get(store.SENT) == n and set(counts) <= {store.SENT, store.PENDING}
    assert (await store.preview_due(db, DUE + dt.timedelta(days=5), late_after=LATE_AFTER)).due == []


def limiter() -> RateLimiter:
    clock = VirtualClock()
    return RateLimiter(clock=clock, sleep=clock.sleep)


async def add_many(db: Database, add_user: AddUser, n: int, due: dt.datetime = DUE) -> list[str]:
    chats = [str(1000 + i) for i in range(n)]
    for chat in chats:
        await add_user(db, chat, f"提醒{chat}", DEADLINE, due)
    return chats


async def test_due_nudges_are_sent_once_and_marked(
    db: Database, kb: KnowledgeBase, add_user: AddUser, sender_factory: Any
) -> None:
    chats = await add_many(db, add_user, 5)
    lim = limiter()
    sender = sender_factory(clock=lim.clock)
    report = await tick(db, kb, sender, DUE, lim)
    assert (report.claimed, report.sent, report.late) == (5, 5, 0)
    assert sorted(c for _, c, _ in sender.sent) == chats
    text = sender.texts_to(chats[0])[0]
    assert "提醒1000" in text and "2026年6月30日" in text and "还有7天" in text and "迟到" not in text
    again = await tick(db, kb, sender, DUE + dt.timedelta(minutes=1), lim)
    assert again.sent == 0 and len(sender.sent) == 5
    await assert_all_sent(db, 5)


async def test_nothing_at_night_and_late_ones_go_in_the_morning(
    db: Database, kb: KnowledgeBase, add_user: AddUser, sender_factory: Any
) -> None:
    await add_many(db, add_user, 2)
    lim = limiter()
    sender = sender_factory(clock=lim.clock)
    night = dt.datetime(2026, 6, 23, 22, 0, tzinfo=SH)  # the bot came back at 22:00
    report = await tick(db, kb, sender, night, lim)
    assert report.quiet and report.claimed == 0 and sender.sent == []
    morning = dt.datetime(2026, 6, 24, 8, 0, tzinfo=SH)
    report = await tick(db, kb, sender, morning, lim)
    assert (report.sent, report.late) == (2, 2)
    assert all("（迟到提醒）" in text and "还有6天" in text for _, _, text in sender.sent)


async def test_a_tick_that_reaches_2100_gives_the_rest_back(
    db: Database, kb: KnowledgeBase, add_user: AddUser, sender_factory: Any
) -> None:
    await add_many(db, add_user, 90)
    lim = limiter()
    sender = sender_factory(clock=lim.clock)
    start = dt.datetime(2026, 6, 23, 20, 59, 58, tzinfo=SH)  # 2 s before quiet hours: ~60 messages fit
    report = await tick(db, kb, sender, start, lim, batch_size=200)
    assert report.quiet and 0 < report.sent < 90 and report.released == 90 - report.sent
    for moment, _, _ in sender.sent:
        assert start + dt.timedelta(seconds=moment) < dt.datetime(2026, 6, 23, 21, 0, tzinfo=SH)
    # nothing was lost: the rest goes at 08:00
    report = await tick(db, kb, sender, dt.datetime(2026, 6, 24, 8, 0, tzinfo=SH), lim)
    assert report.sent == 90 - len(sender.sent) + report.sent and len(sender.sent) == 90
    assert len({c for _, c, _ in sender.sent}) == 90


async def test_crash_between_sending_and_marking_costs_at_most_one_duplicate(
    db: Database, kb: KnowledgeBase, add_user: AddUser, sender_factory: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    chats = await add_many(db, add_user, 6)
    real_mark_sent = store.mark_sent
    calls = 0

    async def crash_on_third(*args: Any, **kw: Any) -> bool:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("simulated crash after the message went out")
        return await real_mark_sent(*args, **kw)

    monkeypatch.setattr(store, "mark_sent", crash_on_third)
    lim = limiter()
    sender = sender_factory(clock=lim.clock)
    with pytest.raises(RuntimeError):
        await tick(db, kb, sender, DUE, lim, batch_size=10)
    assert len(sender.sent) == 3
    monkeypatch.setattr(store, "mark_sent", real_mark_sent)

    # a new tick right away sends the three never tried (they were given back), not the crashed one
    report = await tick(db, kb, sender, DUE + dt.timedelta(minutes=1), lim)
    assert report.sent == 3 and len(sender.sent) == 6
    # after the lease the crashed one is sent again: exactly one duplicate, nothing lost
    report = await tick(db, kb, sender, DUE + store.LEASE + dt.timedelta(minutes=1), lim)
    assert report.sent == 1
    per_chat = Counter(c for _, c, _ in sender.sent)
    assert set(per_chat) == set(chats) and sorted(per_chat.values()) == [1, 1, 1, 1, 1, 2]
    await assert_all_sent(db, 6)


async def test_no_nudge_is_lost_across_a_restart(
    place: Any, kb: KnowledgeBase, add_user: AddUser, sender_factory: Any
) -> None:
    db = await place.open()
    await add_many(db, add_user, 3, due=DUE + dt.timedelta(days=1))
    await db.close()  # the bot stops before the nudges are due ...
    db = await place.open()  # ... and comes back a day and a half later
    try:
        lim = limiter()
        sender = sender_factory(clock=lim.clock)
        back = DUE + dt.timedelta(days=1, hours=5)
        report = await tick(db, kb, sender, back, lim)
        assert (report.sent, report.late) == (3, 3)
        assert (await tick(db, kb, sender, back + dt.timedelta(hours=1), lim)).sent == 0
    finally:
        await db.close()


async def test_two_concurrent_ticks_send_each_nudge_once(
    place: Any, kb: KnowledgeBase, add_user: AddUser, sender_factory: Any
) -> None:
    """Two instances (two Database objects, two engines) tick at the same moment over one schema
    (PostgreSQL: FOR UPDATE SKIP LOCKED) or one file (SQLite: the single writer)."""
    first, second = await place.open(), await place.open()
    try:
        chats = await add_many(first, add_user, 60)
        lim1, lim2 = limiter(), limiter()
        s1, s2 = sender_factory(clock=lim1.clock), sender_factory(clock=lim2.clock)
        r1, r2 = await asyncio.gather(
            tick(first, kb, s1, DUE, lim1, batch_size=7),
            tick(second, kb, s2, DUE, lim2, batch_size=7),
        )
        per_chat = Counter(c for _, c, _ in s1.sent + s2.sent)
        assert sorted(per_chat) == chats and set(per_chat.values()) == {1}
        assert r1.sent + r2.sent == 60 and r1.sent > 0 and r2.sent > 0
        await assert_all_sent(first, 60)
    finally:
        await first.close()
        await second.close()


async def test_blocked_user_is_marked_inactive_and_gets_nothing_until_writing_again(
    db: Database, kb: KnowledgeBase, add_user: AddUser, sender_factory: Any
) -> None:
    await add_many(db, add_user, 2)
    await add_user(db, "1000", "第二个提醒", DEADLINE, DUE)  # the blocked user has two due nudges
    lim = limiter()
    sender = sender_factory(clock=lim.clock, failures={"1000": [Blocked("403 Forbidden: bot was blocked")]})
    report = await tick(db, kb, sender, DUE, lim)
    assert (report.sent, report.blocked) == (1, 1) and [c for _, c, _ in sender.sent] == ["1001"]
    assert not (await users.load_state(db, "telegram", "1000")).active
    assert len(sender.attempts) == 2  # the second nudge to the blocked chat was not even tried
    assert (await tick(db, kb, sender, DUE + dt.timedelta(hours=1), lim)).claimed == 0

    assistant = build_assistant(db, kb, "telegram")
    await assistant.turn("1000", Event.command("help"), DUE + dt.timedelta(hours=2))  # they write again
    assert (await users.load_state(db, "telegram", "1000")).active
    report = await tick(db, kb, sender, DUE + dt.timedelta(hours=3), lim)
    assert report.sent == 2 and report.late == 2 and len(sender.texts_to("1000")) == 2


async def test_429_waits_the_time_asked_and_resends(
    db: Database, kb: KnowledgeBase, add_user: AddUser, sender_factory: Any
) -> None:
    await add_many(db, add_user, 3)
    lim = limiter()
    sender = sender_factory(clock=lim.clock, failures={"1001": [RetryLater(7.0)]})
    report = await tick(db, kb, sender, DUE, lim)
    assert (report.sent, report.rate_limited, report.failed) == (3, 1, 0)
    refused_at = next(t for t, c in sender.attempts if c == "1001")
    after = [t for t, _, _ in sender.sent if t > refused_at]
    assert after and min(after) >= refused_at + 7.0  # nobody sent during the pause
    assert report.waited_seconds >= 7.0
    await assert_all_sent(db, 3)


async def test_transient_errors_are_retried_with_backoff_then_given_up(
    db: Database, kb: KnowledgeBase, add_user: AddUser, sender_factory: Any
) -> None:
    await add_many(db, add_user, 1)
    lim = limiter()
    errors = [TransientError("502 Bad Gateway") for _ in range(MAX_ATTEMPTS)]
    sender = sender_factory(clock=lim.clock, failures={"1000": errors[:2]})
    report = await tick(db, kb, sender, DUE, lim)
    assert (report.sent, report.failed) == (0, 1)
    rows = await store.user_nudges(db, (await users.user_id_of(db, "telegram", "1000")) or 0)
    row = next(r for r in rows if r.days_before == 7)  # (the tick also planned the 1-day one)
    assert row.attempts == 1 and store.as_utc(row.due_at) == (DUE + backoff(1)).astimezone(dt.UTC)
    assert (await tick(db, kb, sender, DUE + dt.timedelta(seconds=30), lim)).claimed == 0
    report = await tick(db, kb, sender, DUE + dt.timedelta(minutes=1), lim)
    assert report.failed == 1  # second failure: now 2 minutes later
    report = await tick(db, kb, sender, DUE + dt.timedelta(minutes=4), lim)  # 1 + 2 minutes (+ limiter)
    assert report.sent == 1 and len(sender.sent) == 1

    # one that never succeeds is given up after MAX_ATTEMPTS
    await add_user(db, "2000", "坏的", DEADLINE, DUE)
    sender.failures["2000"] = list(errors)
    moment, gave_up = DUE, 0
    for _ in range(MAX_ATTEMPTS + 2):
        report = await tick(db, kb, sender, moment, lim)
        gave_up += report.gave_up
        moment += dt.timedelta(hours=3)
        moment = moment if not is_quiet(moment) else next_allowed(moment)
    assert gave_up == 1 and sender.texts_to("2000") == []
    assert (await store.status_counts(db))[store.FAILED] == 1


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert backoff(30) == BACKOFF_MAX


async def test_the_limiter_holds_both_limits_and_pauses() -> None:
    clock = VirtualClock()
    lim = RateLimiter(clock=clock, sleep=clock.sleep)
    times: list[tuple[float, str]] = []
    for i in range(300):
        chat = str(i % 40)
        await lim.acquire(chat)
        times.append((clock(), chat))
    stamps = [t for t, _ in times]
    for i, t in enumerate(stamps):  # no window of one second holds more than 30
        assert sum(1 for u in stamps[i:] if u < t + 1.0) <= 30
    last: dict[str, float] = {}
    for t, chat in times:
        assert chat not in last or t - last[chat] >= 1.0
        last[chat] = t
    # yet close to the full 30/s: evenly spread, with the 5 % safety margin
    assert stamps[-1] == pytest.approx(299 / 30 * (1 + SAFETY_MARGIN), rel=0.01)
    lim.pause(5)
    paused_at = clock()
    await lim.acquire("new")
    assert clock() >= paused_at + 5


async def test_terminal_opening_shows_due_nudges_once(db: Database, kb: KnowledgeBase, add_user: AddUser) -> None:
    await add_user(db, "local", "自评完成", DEADLINE, DUE, channel="terminal")
    terminal = build_assistant(db, kb, "terminal")
    hook = due_on_opening
    assert await hook(terminal, "local", DUE - dt.timedelta(minutes=1)) == []  # not due yet
    (reply,) = await hook(terminal, "local", DUE + dt.timedelta(minutes=5))
    assert "您设置的提醒" in reply.text and "自评完成" in reply.text
    assert await hook(terminal, "local", DUE + dt.timedelta(minutes=6)) == []
    telegram = build_assistant(db, kb, "telegram")
    assert await due_on_opening(telegram, "local", DUE) == []
    # and the Telegram tick does not take terminal users' nudges
    await add_user(db, "other", "x", DEADLINE, DUE, channel="terminal")
    assert (await tick(db, kb, _Never(), DUE, limiter())).claimed == 0


class _Never:
    async def send_text(self, external_id: str, text: str) -> None:
        raise AssertionError("nothing should be sent")


async def test_replan_hook_is_wired_and_plans_the_calendar(db: Database, kb: KnowledgeBase) -> None:
    assert EFFECT_HANDLERS[ReplanNudges] is replan_nudges
    state = await users.load_state(db, "telegram", "50")
    state.region, state.stage = "jilin", "apply"
    await users.save_state(db, state)
    now = dt.datetime(2023, 3, 10, 10, 0, tzinfo=SH)  # the Jilin 2020 plan's dates run to 2023 (K1)
    await replan_user(db, kb, state, now)
    rows = await store.user_nudges(db, state.user_id or 0)
    assert rows and all(r.deadline_id.startswith("jilin-application") for r in rows)
    # replan_all (after a calendar change) finds nothing to change, and is idempotent
    counts = await replan_all(db, kb, now)
    assert (counts.users, counts.inserted, counts.deleted, counts.moved) == (1, 0, 0, 0)


async def test_sending_a_yearly_reminder_plans_next_years(db: Database, kb: KnowledgeBase, sender_factory: Any) -> None:
    """Planning sees 400 days ahead; the tick replans the users it reminded, so next year's
    occurrence of a yearly deadline gets its reminders without anyone running replan_all."""
    state = await users.load_state(db, "telegram", "60")
    state.region, state.stage = "jilin", "apply"
    await users.save_state(db, state)
    # 2022: the Jilin 2020 plan's yearly dates run to 2023 (audit K1), so next year's exists
    await replan_user(db, kb, state, dt.datetime(2022, 3, 10, 10, 0, tzinfo=SH))
    ids = {r.deadline_id for r in await store.user_nudges(db, state.user_id or 0)}
    assert ids == {"jilin-application-2022"}
    lim = limiter()
    report = await tick(db, kb, sender_factory(clock=lim.clock), dt.datetime(2022, 5, 31, 9, 30, tzinfo=SH), lim)
    assert report.sent == 1
    rows = await store.user_nudges(db, state.user_id or 0)
    next_year = sorted(store.as_utc(r.due_at).astimezone(SH).date() for r in rows if r.deadline_id.endswith("-2023"))
    assert next_year == [dt.date(2023, 5, 31), dt.date(2023, 6, 23), dt.date(2023, 6, 29)]
