"""One sending pace shared by every instance of a bot on PostgreSQL (issue 11 item 5).

Telegram's limit (about 30 messages a second) is per bot, not per process. Each instance reserves
its next send slot in one row of `send_pace` (a generic cell rate algorithm, GCRA): the row holds
the next free slot on the database server's clock; a reservation moves it one `gap` further and
answers how long to wait for the slot taken. Slots are `gap` seconds apart whoever takes them, so
all instances together stay under 1/gap sends a second. A 429 pushes the row forward (`push`), so
every instance waits it out. One UPDATE (an upsert the first time) per message: the row lock is
held for microseconds. Replies do not wait for a reservation: they are charged afterwards,
several in one statement (`charge`), and the reservations after them move on. SQLite has one
process, and needs none of this (bot.pace)."""

from __future__ import annotations

from sqlalchemy import text

from storage.db import Database
from storage.driver import DriverPool

# clock_timestamp() (not now(): that is the transaction's start) is the server's wall clock; every
# instance reads the same clock, so no two slots are less than `gap` apart whatever the hosts' clocks.
# _RESERVE and _CHARGE run once per message (reserve) or per few replies (charge): on the driver
# (storage.driver: $1 the pace's name, $2 seconds; no SQLAlchemy in between).
_RESERVE = """
    INSERT INTO send_pace (name, next_at) VALUES ($1, clock_timestamp() + make_interval(secs => $2::float8))
    ON CONFLICT (name) DO UPDATE
        SET next_at = GREATEST(send_pace.next_at, clock_timestamp()) + make_interval(secs => $2::float8)
    RETURNING EXTRACT(EPOCH FROM (next_at - clock_timestamp()))::float8 - $2::float8
"""
_PUSH = text(
    """
    INSERT INTO send_pace (name, next_at) VALUES (:name, clock_timestamp() + make_interval(secs => :seconds))
    ON CONFLICT (name) DO UPDATE
        SET next_at = GREATEST(send_pace.next_at, clock_timestamp() + make_interval(secs => :seconds))
    """
)
# Slots already used (replies sent without a reservation) charged to the pace: the next free slot
# moves `secs` further; answers how far ahead the pace is now booked.
_CHARGE = """
    INSERT INTO send_pace (name, next_at) VALUES ($1, clock_timestamp() + make_interval(secs => $2::float8))
    ON CONFLICT (name) DO UPDATE
        SET next_at = GREATEST(send_pace.next_at, clock_timestamp()) + make_interval(secs => $2::float8)
    RETURNING EXTRACT(EPOCH FROM (next_at - clock_timestamp()))::float8
"""


async def reserve(db: Database, name: str, gap: float) -> float:
    """Take the next send slot of pace `name` (slots `gap` seconds apart) and return the seconds to
    wait for it (0.0 when it is free now). PostgreSQL only: raises ValueError on SQLite."""
    if not db.is_postgres:
        raise ValueError("the shared send pace lives on PostgreSQL; SQLite runs one process")
    # One statement in autocommit (one round trip), on the driver: this runs before every reminder.
    delay = await _driver(db).fetchval(_RESERVE, name, float(gap))
    return max(0.0, float(delay))


async def charge(db: Database, name: str, seconds: float) -> float:
    """Charge pace `name` with `seconds` of slots already used (replies, sent at once: bot.pace), so
    every instance's next reservation comes after them; return how many seconds ahead the pace is
    booked now. PostgreSQL only: raises ValueError on SQLite."""
    if not db.is_postgres:
        raise ValueError("the shared send pace lives on PostgreSQL; SQLite runs one process")
    booked = await _driver(db).fetchval(_CHARGE, name, float(max(0.0, seconds)))  # as reserve
    return max(0.0, float(booked))


def _driver(db: Database) -> DriverPool:
    assert db.driver is not None  # every PostgreSQL Database has one
    return db.driver


async def push(db: Database, name: str, seconds: float) -> None:
    """Nobody sends on pace `name` for `seconds` from now (Telegram's 429 retry_after)."""
    if not db.is_postgres:
        raise ValueError("the shared send pace lives on PostgreSQL; SQLite runs one process")
    async with db.begin() as conn:
        await conn.execute(_PUSH, {"name": name, "seconds": float(max(0.0, seconds))})
