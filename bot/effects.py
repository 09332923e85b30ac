"""Carrying out the effects the dialogs ask for: one handler per effect type, in one registry
(as cosmicpython's EVENT_HANDLERS). Admin effects are not here: only the Telegram front end can
carry them out (bot/telegram/handlers.py), after checking the sender's rights again."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.nudges.replan import replan_user
from core.clock import local_today
from core.effects import CountQuestion, ExportMyData, ForgetMe, LogUnanswered, ReplanNudges, UserEffect
from core.model import Document, Reply, UserState
from dialogs import mydata
from dialogs.texts import common as T
from knowledge.base import KnowledgeBase
from storage import questions, users
from storage.db import Database

MYDATA_FILENAME = "mydata.json"


@dataclass(frozen=True)
class EffectContext:
    """Whose turn it is, and with what: the effect handlers' one argument besides the effect."""

    db: Database
    kb: KnowledgeBase
    channel: str
    external_id: str
    state: UserState
    now: dt.datetime


Handler = Callable[[EffectContext, Any], Awaitable[list[Reply]]]


async def log_unanswered(ctx: EffectContext, effect: LogUnanswered) -> list[Reply]:
    await questions.log_unanswered(
        ctx.db, effect.text, effect.region, effect.best_candidate, effect.confidence, user_id=ctx.state.user_id
    )
    return []


async def count_question(ctx: EffectContext, effect: CountQuestion) -> list[Reply]:
    await questions.count_question(ctx.db, effect.region, local_today(ctx.now))
    return []


async def export_my_data(ctx: EffectContext, effect: ExportMyData) -> list[Reply]:
    raw = await users.export_user(ctx.db, ctx.channel, ctx.external_id)
    content = json.dumps(mydata.readable(raw, ctx.kb), ensure_ascii=False, indent=2).encode("utf-8")
    # a readable summary in the chat, the whole file attached (newcomer trial 8, N37)
    said = mydata.summary(raw, ctx.kb) + "\n\n" + T.MYDATA_INTRO
    return [Reply(said, document=Document(MYDATA_FILENAME, content))]


async def forget_me(ctx: EffectContext, effect: ForgetMe) -> list[Reply]:
    await users.forget_user(ctx.db, ctx.channel, ctx.external_id)
    return []


async def replan_nudges(ctx: EffectContext, effect: ReplanNudges) -> list[Reply]:
    await replan_user(ctx.db, ctx.kb, ctx.state, ctx.now)
    return []


EFFECT_HANDLERS: dict[type[UserEffect], Handler] = {
    LogUnanswered: log_unanswered,
    CountQuestion: count_question,
    ExportMyData: export_my_data,
    ForgetMe: forget_me,
    ReplanNudges: replan_nudges,
}
