"""Loading and saving one user's state, and showing or deleting everything stored about a user."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.model import OwnReminder, UserState
from storage.db import Database
from storage.tables import (
    DialogState,
    Nudge,
    OwnReminderRow,
    ProfileAnswer,
    User,
    utcnow,
)

USER_TABLES = (DialogState, ProfileAnswer, OwnReminderRow, Nudge)


async def _get_or_create_user(s: AsyncSession, channel: str, external_id: str) -> User:
    user = (
        await s.execute(select(User).where(User.channel == channel, User.external_id == external_id))
    ).scalar_one_or_none()
    if user is None:
        user = User(channel=channel, external_id=external_id)
        s.add(user)
        await s.flush()
    return user


async def load_state(db: Database, channel: str, external_id: str) -> UserState:
    """The user's whole state; a first contact creates the user row."""
    async with db.session() as s:
        user = await _get_or_create_user(s, channel, external_id)
        assert user.id is not None
        ds = await s.get(DialogState, user.id)
        answers = (await s.execute(select(ProfileAnswer).where(ProfileAnswer.user_id == user.id))).scalars()
        reminders = (
            await s.execute(
                select(OwnReminderRow).where(OwnReminderRow.user_id == user.id).order_by(OwnReminderRow.date)
            )
        ).scalars()
        return UserState(
            user_id=user.id,
            region=user.region,
            stage=user.stage,
            dialog=ds.dialog if ds else None,
            step=ds.step if ds else None,
            data=dict(ds.data or {}) if ds else {},
            version=ds.version if ds else 0,
            profile={a.field_name: a.value for a in answers},
            reminder_days=list(user.reminder_days or []),
            muted=user.muted,
            snoozed_until=user.snoozed_until,
            checklist={k: list(v) for k, v in (user.checklist or {}).items()},
            reminders=[OwnReminder(r.title, r.date, r.id) for r in reminders],
            active=user.active,
        )


async def save_state(db: Database, state: UserState, before: UserState | None = None) -> None:
    """Write the state in one transaction. With `before` (the state as loaded), only the profile
    answers and reminders that changed are written."""
    if state.user_id is None:
        raise ValueError("state has no user id: load it with load_state first")
    uid = state.user_id
    now = utcnow()
    async with db.session() as s:
        await s.execute(
            update(User)
            .where(User.id == uid)
            .values(
                region=state.region,
                stage=state.stage,
                active=state.active,
                reminder_days=list(state.reminder_days),
                muted=state.muted,
                snoozed_until=state.snoozed_until,
                checklist=state.checklist,
                updated_at=now,
            )
        )
        ds = await s.get(DialogState, uid)
        if ds is None:
            s.add(DialogState(user_id=uid))
            await s.flush()
            ds = await s.get(DialogState, uid)
        assert ds is not None
        ds.dialog, ds.step, ds.data, ds.version, ds.updated_at = (
            state.dialog,
            state.step,
            dict(state.data),
            state.version,
            now,
        )
        await _save_profile(s, uid, state.profile, before.profile if before else None, now)
        await _save_reminders(s, state, before)


async def _save_profile(
    s: AsyncSession, uid: int, profile: dict[str, Any], old: dict[str, Any] | None, now: dt.datetime
) -> None:
    if old is not None and old == profile:
        return
    old = old if old is not None else {}
    for name in set(old) - set(profile):
        await s.execute(delete(ProfileAnswer).where(ProfileAnswer.user_id == uid, ProfileAnswer.field_name == name))
    for name, value in profile.items():
        if name in old and old[name] == value:
            continue
        row = await s.get(ProfileAnswer, (uid, name))
        if row is None:
            s.add(ProfileAnswer(user_id=uid, field_name=name, value=value, updated_at=now))
        else:
            row.value, row.updated_at = value, now


async def _save_reminders(s: AsyncSession, state: UserState, before: UserState | None) -> None:
    if before is not None and [(r.title, r.date, r.id) for r in before.reminders] == [
        (r.title, r.date, r.id) for r in state.reminders
    ]:
        return
    uid = state.user_id
    keep = {r.id for r in state.reminders if r.id is not None}
    await s.execute(delete(OwnReminderRow).where(OwnReminderRow.user_id == uid, OwnReminderRow.id.not_in(keep or {-1})))
    for r in state.reminders:
        if r.id is None:
            row = OwnReminderRow(user_id=uid, title=r.title, date=r.date)
            s.add(row)
            await s.flush()
            r.id = row.id


async def set_active(db: Database, channel: str, external_id: str, active: bool) -> None:
    async with db.session() as s:
        await s.execute(
            update(User)
            .where(User.channel == channel, User.external_id == external_id)
            .values(active=active, updated_at=utcnow())
        )


async def user_id_of(db: Database, channel: str, external_id: str) -> int | None:
    async with db.session() as s:
        return (
            await s.execute(select(User.id).where(User.channel == channel, User.external_id == external_id))
        ).scalar_one_or_none()


def _row_dict(row: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.model_dump().items():
        out[key] = value.isoformat() if isinstance(value, dt.date | dt.datetime) else value
    return out


async def export_user(db: Database, channel: str, external_id: str) -> dict[str, Any]:
    """Everything stored about the user, as JSON-ready data (for /mydata)."""
    async with db.session() as s:
        user = (
            await s.execute(select(User).where(User.channel == channel, User.external_id == external_id))
        ).scalar_one_or_none()
        if user is None:
            return {}
        out: dict[str, Any] = {"user": _row_dict(user)}
        for table in USER_TABLES:
            rows = (await s.execute(select(table).where(table.user_id == user.id))).scalars()  # type: ignore[attr-defined]
            out[table.__tablename__] = [_row_dict(r) for r in rows]
        return out


async def forget_user(db: Database, channel: str, external_id: str) -> int:
    """Delete the user and every row about them; returns how many rows went."""
    async with db.session() as s:
        uid = (
            await s.execute(select(User.id).where(User.channel == channel, User.external_id == external_id))
        ).scalar_one_or_none()
        if uid is None:
            return 0
        removed = 0
        for table in USER_TABLES:
            result = await s.execute(delete(table).where(table.user_id == uid))  # type: ignore[attr-defined]
            removed += result.rowcount or 0
        result = await s.execute(delete(User).where(User.id == uid))
        return removed + (result.rowcount or 0)


async def count_rows_for(db: Database, user_id: int) -> int:
    """How many rows anywhere refer to this user (used by tests of /forget and by /mydata)."""
    async with db.session() as s:
        total = (await s.execute(select(func.count()).select_from(User).where(User.id == user_id))).scalar_one()
        for table in USER_TABLES:
            total += (
                await s.execute(select(func.count()).select_from(table).where(table.user_id == user_id))  # type: ignore[attr-defined]
            ).scalar_one()
        return int(total)
