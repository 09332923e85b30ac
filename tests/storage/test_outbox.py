"""The outbox (storage/outbox.py): stored with the state in one transaction, covered by /mydata
and /forget, and replies survive the round trip through JSON (files included)."""

from __future__ import annotations

import datetime as dt

from core.model import Button, Document, Reply
from storage import outbox, users
from storage.db import Database

REPLIES = [
    Reply("第 2/11 题", ((Button("是", "q:1:yes"), Button("否", "q:1:no")),), expects_number=True),
    Reply("报告", document=Document("r.docx", b"\x00\x01PK", "自评")),
]


def test_replies_round_trip_through_json() -> None:
    assert [outbox.reply_from_json(outbox.reply_to_json(r)) for r in REPLIES] == REPLIES


async def test_written_with_the_state_shown_by_mydata_and_deleted_by_forget(db: Database) -> None:
    state = await users.load_state(db, "telegram", "501")
    before = await users.load_state(db, "telegram", "501")
    state.start("questionnaire", "open_beds")
    due = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    out = users.Outgoing(REPLIES, users.shown_of(before) | {"after": 7}, outbox.new_token(), due)
    await users.save_state(db, state, before, out)
    loaded, pending = await users.load_turn(db, "telegram", "501")
    assert loaded.step == "open_beds"
    assert pending is not None and pending.replies == REPLIES and pending.shown is not None
    assert pending.shown["after"] == 7 and pending.shown["dialog"] is None
    assert [d.external_id for d in await outbox.due(db, "telegram", dt.datetime.now(dt.UTC))] == ["501"]
    exported = await users.export_user(db, "telegram", "501")
    assert len(exported["outbox"]) == 1
    await users.forget_user(db, "telegram", "501")
    assert state.user_id is not None and await outbox.take(db, state.user_id) is None


async def test_delivered_deletes_only_its_own_row(db: Database) -> None:
    state = await users.load_state(db, "telegram", "502")
    assert state.user_id is not None
    now = dt.datetime.now(dt.UTC)
    await outbox.keep(db, state.user_id, REPLIES, None, 1, now, 0)
    await outbox.keep(db, state.user_id, REPLIES[:1], None, 2, now, 1)  # replaced by a newer row
    await outbox.delivered(db, state.user_id, 1)
    pending = await outbox.take(db, state.user_id)
    assert pending is not None and pending.token == 2 and pending.attempts == 1
    await outbox.delivered(db, state.user_id, 2)
    assert await outbox.take(db, state.user_id) is None


async def test_delivered_with_its_first_message_id_leaves_a_mark_the_sweep_never_sends(db: Database) -> None:
    state = await users.load_state(db, "telegram", "504")
    assert state.user_id is not None
    now = dt.datetime.now(dt.UTC)
    shown = {"dialog": "questionnaire", "step": "open_beds", "data": {}, "version": 3, "after": 7}
    await outbox.keep(db, state.user_id, REPLIES, shown, 1, now, 0)
    pending = await outbox.take(db, state.user_id)
    assert pending is not None and pending.seen_from is None  # undelivered
    await outbox.delivered(db, state.user_id, 1, shown, 8, 10)
    mark = await outbox.take(db, state.user_id)
    assert mark is not None and mark.replies == [] and mark.seen_from == 8 and mark.last_sent == 10
    assert mark.shown is not None and mark.shown["step"] == "open_beds"
    assert not await outbox.due(db, "telegram", now + dt.timedelta(days=3650))
    await outbox.keep(db, state.user_id, REPLIES, shown, 2, now, 0)  # the next turn's row replaces it
    pending = await outbox.take(db, state.user_id)
    assert pending is not None and pending.token == 2 and pending.seen_from is None and pending.last_sent is None


async def test_only_one_sweep_claims_a_due_row(db: Database) -> None:
    state = await users.load_state(db, "telegram", "503")
    assert state.user_id is not None
    now = dt.datetime.now(dt.UTC)
    await outbox.keep(db, state.user_id, REPLIES, None, 5, now - dt.timedelta(seconds=1), 1)
    later = now + dt.timedelta(seconds=120)
    assert await outbox.claim(db, state.user_id, 5, now, later) is True
    assert await outbox.claim(db, state.user_id, 5, now, later) is False  # another instance: skip it
    assert await outbox.due(db, "telegram", now) == []


async def test_a_restarted_instance_takes_back_at_once_only_the_rows_its_own_sweeps_claimed(db: Database) -> None:
    """Issue 11 item 3 for replies: a sweep killed mid-send left its row claimed for 120 s; the
    restart of the same instance makes it due now, while another live instance's claim, a row no
    sweep took and a delivered mark are left alone."""
    now = dt.datetime.now(dt.UTC)
    later = now + dt.timedelta(seconds=120)
    ids = []
    for chat in ("601", "602", "603", "604"):
        state = await users.load_state(db, "telegram", chat)
        assert state.user_id is not None
        ids.append(state.user_id)
        await outbox.keep(db, state.user_id, REPLIES, None, 7, now - dt.timedelta(seconds=1), 1)
    mine, other, untaken, marked = ids
    assert await outbox.claim(db, mine, 7, now, later, "host:abc:0") is True
    assert await outbox.claim(db, other, 7, now, later, "host:abc:1") is True
    await outbox.keep(db, untaken, REPLIES, None, 7, later, 1)  # a kept reply waiting for its retry
    await outbox.delivered(db, marked, 7, {"dialog": "qa", "step": None, "data": {}, "version": 1}, 40)
    assert await outbox.due(db, "telegram", now) == []
    assert await outbox.release_owner(db, "host:abc:0", now) == 1
    assert [d.user_id for d in await outbox.due(db, "telegram", now)] == [mine]
    assert await outbox.release_owner(db, "host:abc:0", now) == 0  # the claim went with it
    assert await outbox.claim(db, mine, 7, now, later, "host:abc:0") is True  # claimable again


async def test_a_new_row_of_the_turn_is_nobodys_claim(db: Database) -> None:
    """A row replaced by the next turn (or kept after a failure) drops the old sweep's claim: the
    instance's restart must not make a fresh row due before its time."""
    now = dt.datetime.now(dt.UTC)
    later = now + dt.timedelta(seconds=120)
    state = await users.load_state(db, "telegram", "605")
    assert state.user_id is not None
    await outbox.keep(db, state.user_id, REPLIES, None, 8, now - dt.timedelta(seconds=1), 1)
    assert await outbox.claim(db, state.user_id, 8, now, later, "host:abc:0") is True
    await outbox.keep(db, state.user_id, REPLIES, None, 9, later, 2)
    assert await outbox.release_owner(db, "host:abc:0", now) == 0
    assert await outbox.due(db, "telegram", now) == []
