"""Figures for the admins' /stats and the recipients of a /broadcast.

Counts only: no user ids or texts leave this module except the anonymous unanswered questions,
which were stored without any link to who asked."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from storage.db import Database
from storage.questions import QUESTION_COUNTER_PREFIX, totals
from storage.tables import UnansweredQuestion, User


@dataclass(frozen=True)
class Stats:
    users_total: int  # private chats; group chats are not users
    users_active: int
    by_region_stage: list[tuple[str | None, str | None, int]]  # (region, stage, users), most first
    questions_by_region: dict[str, int]  # region id (or "none") -> questions asked
    top_unanswered: list[tuple[str, int]]  # (question text, times asked), most first


async def collect(db: Database, channel: str, top: int = 5) -> Stats:
    async with db.session() as s:
        people = (User.channel == channel, User.is_group.is_(False))  # type: ignore[attr-defined]
        total = (await s.execute(select(func.count()).select_from(User).where(*people))).scalar_one()
        active = (
            await s.execute(
                select(func.count()).select_from(User).where(*people, User.active.is_(True))
            )
        ).scalar_one()
        count = func.count().label("n")
        groups = await s.execute(
            select(User.region, User.stage, count)
            .where(*people)
            .group_by(User.region, User.stage)
            .order_by(count.desc(), User.region, User.stage)
        )
        by_region_stage = [(region, stage, int(n)) for region, stage, n in groups]
        times = func.count().label("times")
        unanswered = await s.execute(
            select(UnansweredQuestion.text, times)
            .group_by(UnansweredQuestion.text)
            .order_by(times.desc(), UnansweredQuestion.text)
            .limit(top)
        )
        top_unanswered = [(text, int(n)) for text, n in unanswered]
    counters = await totals(db, QUESTION_COUNTER_PREFIX)
    questions = {name.removeprefix(QUESTION_COUNTER_PREFIX): n for name, n in counters.items()}
    return Stats(int(total), int(active), by_region_stage, questions, top_unanswered)


async def recipients(db: Database, channel: str, region: str | None) -> list[str]:
    """External ids of the active users of a region (None: of every region), in a stable order;
    private chats only (a broadcast is for directors, not for the groups the bot was added to)."""
    private = User.is_group.is_(False)  # type: ignore[attr-defined]
    query = select(User.external_id).where(User.channel == channel, User.active.is_(True), private)
    if region is not None:
        query = query.where(User.region == region)
    async with db.session() as s:
        return list((await s.execute(query.order_by(User.id))).scalars())
