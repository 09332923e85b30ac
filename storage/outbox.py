"""The outbox (issue 11 item 1): a turn's replies kept until Telegram accepted them.

A row with replies exists only while the user has not seen them. The turn writes it with the new
state in one transaction (`write`, called from storage.users._save); once every message went out
the shell turns it into a mark (`delivered`: no replies, never due, `shown` plus SEEN_FROM, the id
of the first message delivered), keeps what is left after a transient failure (`keep`), and a
sweep sends rows whose `due_at` passed (`due`, `take`). `shown` is the dialog position the user
last saw before the turn — {"dialog", "step", "data", "version", "after"} — so an update that
arrives while replies are undelivered is read against what the user actually had on screen. The
mark does the same for a message typed BEFORE the replies reached the chat (its id is lower than
SEEN_FROM: Telegram numbers a private chat's messages, both sides, in one sequence): a director
who answered the question on screen again while a late reply was on its way (the sweep's, or a
restarted process's) answered that question, not the one the late reply asks (issue 11 item 1).

Replies are stored as JSON: {"text", "buttons": [[[label, data], …], …], "expects_number",
"document": {"filename", "content" (base64), "caption"} or null}."""

from __future__ import annotations

import base64
import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from core.model import Button, Document, Reply
from storage.db import Database, insert_for
from storage.tables import OutboxRow, User, utcnow

OB = OutboxRow.__table__
U = User.__table__
SHOWN_COLUMNS = ("dialog", "step", "data", "version")
SEEN_FROM = "seen_from"  # in `shown` of a delivered row: the id of its first message delivered
LAST_SENT = "last_sent"  # ... and of its last: the newest message in the chat, kept across restarts
# In `shown` of any row: the rows delivered before it, oldest first, as [first message id, the
# dialog position the user had before those messages arrived] (at most JOURNAL_SIZE): a restarted
# process reads a message typed before several late replies against the one the user then saw.
JOURNAL = "journal"
JOURNAL_SIZE = 4
# A delivered row is never due (the sweep has nothing to send); the next turn that writes replaces it.
NEVER = dt.datetime(9000, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Pending:
    """An undelivered row: its replies, the position the user last saw, its token and tries."""

    replies: list[Reply]
    shown: dict[str, Any] | None
    token: int
    attempts: int = 0

    @property
    def seen_from(self) -> int | None:
        """For a delivered row, the id of the first of its messages the user got; else None."""
        value = (self.shown or {}).get(SEEN_FROM)
        return None if self.replies or value is None else int(value)

    @property
    def last_sent(self) -> int | None:
        """For a delivered row, the id of the last of its messages (the newest the bot knew of in
        the chat when it was settled); else None. A restarted process knows no newer one itself."""
        value = (self.shown or {}).get(LAST_SENT)
        return None if self.replies or value is None else int(value)

    @property
    def position(self) -> dict[str, Any] | None:
        """The dialog position the user had before this row's replies arrived (SHOWN_COLUMNS)."""
        return None if self.shown is None else {c: self.shown.get(c) for c in SHOWN_COLUMNS}

    def journal(self) -> list[tuple[int, dict[str, Any]]]:
        """(first message id, position before it) of the delivered rows up to this one, oldest
        first: this row's own when it was delivered, after those it carries (JOURNAL)."""
        out = [(int(first), dict(pos)) for first, pos in (self.shown or {}).get(JOURNAL) or []]
        if self.seen_from is not None and self.position is not None:
            out.append((self.seen_from, self.position))
        return out[-JOURNAL_SIZE:]


@dataclass(frozen=True)
class Due:
    """A row the sweep may send now: whose it is (channel, external id) and its token."""

    user_id: int
    channel: str
    external_id: str
    token: int


def reply_to_json(reply: Reply) -> dict[str, Any]:
    doc = reply.document
    return {
        "text": reply.text,
        "buttons": [[[b.label, b.data] for b in row] for row in reply.buttons],
        "expects_number": reply.expects_number,
        "document": None
        if doc is None
        else {"filename": doc.filename, "content": base64.b64encode(doc.content).decode(), "caption": doc.caption},
    }


def reply_from_json(data: dict[str, Any]) -> Reply:
    doc = data.get("document")
    return Reply(
        data["text"],
        tuple(tuple(Button(label, value) for label, value in row) for row in data.get("buttons") or ()),
        None if doc is None else Document(doc["filename"], base64.b64decode(doc["content"]), doc.get("caption", "")),
        bool(data.get("expects_number")),
    )


def new_token() -> int:
    return secrets.randbits(62)


def pending_from_row(replies: Any, shown: Any, token: Any, attempts: Any) -> Pending | None:
    """A Pending from an outer-joined row's columns (None when the join found no row)."""
    if token is None:
        return None
    return Pending([reply_from_json(r) for r in replies or []], shown, int(token), int(attempts or 0))


def write(conn: Connection, user_id: int, replies: list[Reply], shown: dict[str, Any] | None,
          token: int, due_at: dt.datetime, attempts: int = 0) -> None:  # fmt: skip
    """Insert or replace the user's row (inside the caller's transaction)."""
    conn.execute(upsert(conn.dialect.name, user_id, replies, shown, token, due_at, attempts))


def upsert(dialect: str, user_id: int, replies: list[Reply], shown: dict[str, Any] | None,
           token: int, due_at: dt.datetime, attempts: int = 0) -> Any:  # fmt: skip
    """The statement that inserts or replaces the user's row, its values bound."""
    values = {"user_id": user_id, **row_values(replies, shown, token, due_at, attempts)}
    stmt = insert_for(dialect, OB).values(**values)
    return stmt.on_conflict_do_update(
        index_elements=["user_id"], set_={c: stmt.excluded[c] for c in values if c != "user_id"}
    )


def row_values(replies: list[Reply], shown: dict[str, Any] | None, token: int, due_at: dt.datetime,
               attempts: int = 0) -> dict[str, Any]:  # fmt: skip
    """A row's columns but its user (also written by the turn's one-statement save on PostgreSQL,
    storage.turn_pg)."""
    return {
        "token": token,
        "replies": [reply_to_json(r) for r in replies],
        "shown": shown,
        "attempts": attempts,
        "due_at": due_at,
        "created_at": utcnow(),
        "claimed_by": None,  # a new or kept row is nobody's sweep's
    }


def clear(conn: Connection, user_id: int) -> None:
    conn.execute(delete(OB).where(OB.c.user_id == user_id))


_DELETE = delete(OB).where(OB.c.user_id == bindparam("uid"), OB.c.token == bindparam("token"))
_MARK = (  # bind names unlike the columns': UPDATE reserves those for its SET clause
    update(OB)
    .where(OB.c.user_id == bindparam("b_uid"), OB.c.token == bindparam("b_token"))
    .values(replies=bindparam("b_replies"), shown=bindparam("b_shown"), attempts=0, due_at=NEVER, claimed_by=None)
)


async def delivered(
    db: Database,
    user_id: int,
    token: int,
    shown: dict[str, Any] | None = None,
    first_id: int | None = None,
    last_id: int | None = None,
) -> None:
    """Every message of row `token` went out, the first with message id `first_id`, the last with
    `last_id` (default `first_id`): keep the row as a mark (no replies, never due; `shown` plus
    SEEN_FROM and LAST_SENT) for updates typed before they arrived and for the next turn after a
    restart. Without `shown` or `first_id` (nothing to read against) the row is deleted. A newer
    row that replaced it is left alone."""
    params: dict[str, Any] = {"uid": user_id, "token": token}
    if shown is None or first_id is None:
        await db.run(lambda conn: conn.execute(_DELETE, params), atomic=False)
        return
    mark = {**shown, SEEN_FROM: first_id, LAST_SENT: first_id if last_id is None else last_id}
    marked = {"b_uid": user_id, "b_token": token, "b_replies": [], "b_shown": mark}
    await db.run(lambda conn: conn.execute(_MARK, marked), atomic=False)


async def keep(db: Database, user_id: int, replies: list[Reply], shown: dict[str, Any] | None,
               token: int, due_at: dt.datetime, attempts: int) -> None:  # fmt: skip
    """After a failure: store what is left to send, to be tried again from `due_at`."""
    await db.run(lambda conn: write(conn, user_id, replies, shown, token, due_at, attempts), atomic=False)


async def drop(db: Database, user_id: int, token: int) -> None:
    """Give row `token` up (the chat is gone, or Telegram refuses the message for good)."""
    await db.run(lambda conn: conn.execute(_DELETE, {"uid": user_id, "token": token}), atomic=False)


async def due(db: Database, channel: str, now: dt.datetime, limit: int = 50) -> list[Due]:
    """Rows of `channel` whose due time has passed, oldest first."""
    query = (
        select(OB.c.user_id, U.c.channel, U.c.external_id, OB.c.token)
        .select_from(OB.join(U, U.c.id == OB.c.user_id))
        .where(OB.c.due_at <= now, U.c.channel == channel)
        .order_by(OB.c.due_at)
        .limit(limit)
    )
    rows = await db.run(lambda conn: conn.execute(query).all(), atomic=False)
    return [Due(r.user_id, r.channel, r.external_id, int(r.token)) for r in rows]


async def take(db: Database, user_id: int) -> Pending | None:
    """The user's row now, or None."""
    query = select(OB.c.replies, OB.c.shown, OB.c.token, OB.c.attempts).where(OB.c.user_id == user_id)
    row = await db.run(lambda conn: conn.execute(query).first(), atomic=False)
    return None if row is None else pending_from_row(row.replies, row.shown, row.token, row.attempts)


async def claim(db: Database, user_id: int, token: int, now: dt.datetime, until: dt.datetime,
                owner: str | None = None) -> bool:  # fmt: skip
    """Take row `token` for one sweep: true for exactly one of several instances asking at once
    (its due time moves to `until`, so the others' sweeps skip it meanwhile). `owner` (the instance
    id, bot.nudges.instance) is kept with the claim, so a restart of that instance takes it back at
    once (`release_owner`) rather than waiting until `until`."""
    stmt = (
        update(OB)
        .where(OB.c.user_id == user_id, OB.c.token == token, OB.c.due_at <= now)
        .values(due_at=until, claimed_by=owner)
    )
    result = await db.run(lambda conn: conn.execute(stmt).rowcount, atomic=False)
    return bool(result)


async def release_owner(db: Database, owner: str, now: dt.datetime) -> int:
    """Make every row whose sweep claim `owner` holds due at `now`: at start-up, the rows a killed
    process of the same instance was sending (no other live process has its id), and at a stop,
    the row whose send the stop cut short. A delivered mark (due never) is left alone. Returns how
    many."""
    stmt = (
        update(OB)
        .where(OB.c.claimed_by == owner, OB.c.due_at > now, OB.c.due_at < NEVER)
        .values(due_at=now, claimed_by=None)
    )
    return int(await db.run(lambda conn: conn.execute(stmt).rowcount, atomic=False) or 0)
