"""The reminder loop's round: everyone is replanned once per Shanghai day, then a tick runs."""

import datetime as dt
from zoneinfo import ZoneInfo

from bot.nudges.tick import NudgeRound
from storage import users
from tests.support.nudges import RecordingSender, limiter_with_virtual_clock

SHANGHAI = ZoneInfo("Asia/Shanghai")


async def _user_in_jilin(db, chat: str) -> int:
    """A user saved without going through the dialogs, so nothing planned their nudges yet."""
    state = await users.load_state(db, "telegram", chat)
    state.region, state.stage = "jilin", "apply"
    await users.save_state(db, state)
    assert state.user_id is not None
    return state.user_id


async def _nudge_count(db, chat: str) -> int:
    return len((await users.export_user(db, "telegram", chat))["nudges"])


async def test_first_round_of_a_day_replans_everyone_and_later_rounds_do_not(db, kb) -> None:
    run_round = NudgeRound()
    limiter, _ = limiter_with_virtual_clock()
    sender = RecordingSender()
    # a year the Jilin 2020 plan's yearly dates still run (they end in 2023: audit K1)
    morning = dt.datetime(2022, 11, 23, 10, 0, tzinfo=SHANGHAI)
    await _user_in_jilin(db, "a")
    await run_round(db, kb, sender, morning, limiter)
    assert await _nudge_count(db, "a") > 0, "the first round planned the user's deadlines"

    await _user_in_jilin(db, "b")
    await run_round(db, kb, sender, morning + dt.timedelta(minutes=1), limiter)
    assert await _nudge_count(db, "b") == 0, "no second replan on the same day"

    await run_round(db, kb, sender, morning + dt.timedelta(days=1), limiter)
    assert await _nudge_count(db, "b") > 0, "the next day's first round replans again"
