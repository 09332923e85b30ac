"""The Telegram handlers: every update the bot reacts to, in the order they are registered.

Each handler turns the update into an Event (bot.telegram.incoming), runs one Assistant turn
(load state, dialogs, save state) and sends the replies (bot.telegram.outgoing). Which commands
exist is decided by the router's registries, not here: Telegram forwards every command.
Nothing here logs message texts; logs carry update ids and error kinds only."""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import logging
import time
import traceback
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from telegram import BotCommand, Chat, ChatMember, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, CallbackQueryHandler, ChatMemberHandler, ContextTypes, ExtBot, MessageHandler
from telegram.ext import filters as F

from bot import texts
from bot.broadcast import broadcast
from bot.nudges.instance import Instance
from bot.nudges.loop import NudgeLoop
from bot.pace import Limiter, pace_for
from bot.ratelimit import RateLimiter
from bot.reload import reload_knowledge
from bot.settings import Settings
from bot.telegram.courier import Courier
from bot.telegram.incoming import Incoming, from_message, from_press
from bot.telegram.sender import TelegramSender
from bot.turn import Assistant, KeyedLocks
from bot.wiring import build_assistant, open_database, warm_up
from core.effects import AdminEffect, Broadcast, ReloadKnowledge, ShowStats
from core.model import Reply
from dialogs import admin as admin_dialog
from dialogs.commands import menu
from dialogs.texts import common
from knowledge.base import KnowledgeBase
from storage import stats, users
from storage.db import Database

log = logging.getLogger(__name__)

CHANNEL = "telegram"
ADMIN_ALERT_EVERY_SECONDS = 60.0
SWEEP_GRACE = 3.0  # seconds a stopping outbox sweep may take to finish the row it is sending
Context = ContextTypes.DEFAULT_TYPE


class TelegramShell:
    def __init__(
        self,
        settings: Settings,
        kb: KnowledgeBase,
        kb_loader: Callable[[], KnowledgeBase],
        db: Database | None,
        nudge_interval: float | None,
        warm_up: bool = False,
    ) -> None:
        self.settings = settings
        self.kb = kb
        self.kb_loader = kb_loader
        self.db = db
        self.owns_db = db is None
        self.assistant: Assistant | None = build_assistant(db, kb, CHANNEL, outbox=True) if db is not None else None
        self.nudge_interval = nudge_interval
        self.warm_up = warm_up
        self.nudges: NudgeLoop | None = None
        self.instance: Instance | None = None  # this process's instance slot (bot.nudges.instance)
        self.background: set[asyncio.Task[Any]] = set()
        # Replies, nudges and broadcasts share one limiter (30 a second overall; a chat's 429 holds
        # that chat only; nudges and broadcasts also one a second per chat); on PostgreSQL the pace
        # is shared through the database by every instance (bot.pace, set in startup).
        self.limiter: Limiter = RateLimiter(overall=int(settings.max_messages_per_second))
        # A chat's turn and the sending of its replies happen under one lock, so two quick
        # messages get their answers in order and never interleaved.
        self._chat_locks: KeyedLocks[int] = KeyedLocks()
        self._last_alert: dict[str, float] = {}
        self.courier = Courier(self._database, lambda: self.limiter, self._chat_locks, lambda: self.admin_ids, CHANNEL)
        self.sweep_task: asyncio.Task[None] | None = None

    # --- wiring ------------------------------------------------------------------------------
    def register(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """All handlers, top to bottom. Service messages (joins, pins) are ignored."""
        app.add_handler(MessageHandler(F.UpdateType.MESSAGE & ~F.StatusUpdate.ALL, self.on_message))
        app.add_handler(MessageHandler(F.UpdateType.EDITED_MESSAGE, self.on_edited))
        app.add_handler(CallbackQueryHandler(self.on_press))
        app.add_handler(ChatMemberHandler(self.on_membership, ChatMemberHandler.MY_CHAT_MEMBER))
        app.add_error_handler(self.on_error)

    async def startup(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """post_init: open the database if none was given, publish the menu, start the nudge tick."""
        if self.db is None:
            self.db = await open_database(self.settings)
            self.assistant = build_assistant(self.db, self.kb, CHANNEL, outbox=True)
        self.limiter = pace_for(self.db, int(self.settings.max_messages_per_second))
        try:
            await app.bot.set_my_commands([BotCommand(name, about) for name, about in menu()])
        except TelegramError as exc:  # the menu is cosmetic: the bot works without it
            log.warning("setMyCommands failed (%s); continuing without the command menu", type(exc).__name__)
        if self.warm_up:
            await asyncio.to_thread(warm_up, self.kb)  # the index and a first question's tables
            # The knowledge base and jieba's dictionary are ~300,000 objects that live as long as
            # the process; a full collection walks them all (~0.1 s, a pause every user would
            # feel). Freezing moves them out of the collector's generations.
            gc.freeze()
        if self.nudge_interval:  # a running bot (`run`); tests build shells without the tick
            self.instance = _instance(self.settings.data_dir)
            self.courier.owner = None if self.instance is None else self.instance.id
            self.nudges = NudgeLoop(
                self.settings.data_dir,
                self.nudge_interval,
                self.settings.max_messages_per_second,
                self.settings.max_nudges_in_flight,
            )
            self.nudges.start(self._nudge_context, TelegramSender(app.bot), self.limiter, self.instance)
        # Replies kept after a failure, or left by a process that died before delivering them.
        self.courier.stopping.clear()  # an application started again after a stop sweeps again
        self.sweep_task = asyncio.create_task(self.courier.run(app.bot))

    async def stop(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """post_stop: stop the outbox sweep (between two rows; a row cut short after SWEEP_GRACE is
        made due again at once, for another instance) and the tick (it finishes the message on its
        way and gives back the rest); let running broadcasts finish; release the instance slot."""
        if self.sweep_task is not None:
            self.courier.stopping.set()
            done, _ = await asyncio.wait({self.sweep_task}, timeout=SWEEP_GRACE)
            if not done:
                self.sweep_task.cancel()
                await asyncio.gather(self.sweep_task, return_exceptions=True)
            self.sweep_task = None
            try:
                await self.courier.release()
            except Exception as exc:  # the database may be gone; the restart takes them back
                log.warning("could not give back the sweep's claims at stop: %s", type(exc).__name__)
        if self.nudges is not None:
            await self.nudges.stop()
            self.nudges = None
        await self.wait_background()
        if self.instance is not None:
            self.instance.release()
            self.instance = None

    async def shutdown(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        if self.owns_db and self.db is not None:
            await self.db.close()

    async def wait_background(self) -> None:
        while self.background:
            await asyncio.gather(*list(self.background), return_exceptions=True)

    @property
    def admin_ids(self) -> frozenset[int]:
        return self.settings.admin_ids

    def _database(self) -> Database:
        if self.db is None:
            raise RuntimeError("the shell has no database yet: run the application's post_init first")
        return self.db

    def _assistant(self) -> Assistant:
        if self.assistant is None:
            raise RuntimeError("the shell has no database yet: run the application's post_init first")
        return self.assistant

    # --- handlers ----------------------------------------------------------------------------
    async def on_message(self, update: Update, context: Context) -> None:
        if update.message is None:
            return
        incoming = from_message(update.message, context.bot.id, context.bot.username, self.admin_ids)
        if incoming is not None:
            await self.converse(context.bot, incoming)

    async def on_press(self, update: Update, context: Context) -> None:
        query = update.callback_query
        if query is None:
            return
        # Answer at once, whatever happens next: the phone shows a spinner until we do.
        try:
            await query.answer()
        except BadRequest:
            log.debug("callback query too old to answer (update %s)", update.update_id)
        incoming = from_press(update, self.admin_ids)
        if incoming is not None:
            await self.converse(context.bot, incoming)

    async def on_edited(self, update: Update, context: Context) -> None:
        """An edit is not taken as a new answer: in a questionnaire it would answer the wrong step.
        In a private chat the user is told to send the correction as a new message."""
        message = update.edited_message
        if message is None or message.chat.type != Chat.PRIVATE:
            return
        await self._send(context.bot, message.chat.id, [Reply(texts.EDITS_NOT_PROCESSED)])

    async def on_membership(self, update: Update, context: Context) -> None:
        """Telegram tells the bot when a user blocks or unblocks it: no nudges to a blocked chat."""
        change = update.my_chat_member
        if change is None or self.db is None:
            return
        status = change.new_chat_member.status
        active = status in (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER)
        await users.set_active(self.db, CHANNEL, str(change.chat.id), active)

    async def on_error(self, update: object, context: Context) -> None:
        err = context.error
        update_id = update.update_id if isinstance(update, Update) else None
        kind = type(err).__name__ if err is not None else "unknown"
        # The frames, not the exception's message: a message may quote what the user typed.
        frames = "".join(traceback.format_tb(err.__traceback__)) if err is not None else ""
        log.error("update %s failed with %s\n%s", update_id, kind, frames)
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is not None and not isinstance(err, Forbidden):
            try:
                await context.bot.send_message(chat.id, common.INTERNAL_ERROR)
            except TelegramError as exc:
                log.warning("could not send the apology: %s", type(exc).__name__)
        await self._alert_admins(context.bot, kind, update_id)

    # --- the turn ----------------------------------------------------------------------------
    async def converse(self, bot: ExtBot[Any], incoming: Incoming) -> None:
        assistant = self._assistant()
        chat_id = incoming.chat_id
        if incoming.event.in_group:
            incoming = await self._with_group_admin(bot, incoming)
        async with self._chat_locks[chat_id]:
            newest = self.courier.newest(chat_id)
            result = await assistant.turn(str(chat_id), incoming.event, message_id=incoming.message_id, newest=newest)
            if result.forgotten:
                await self.courier.send(bot, chat_id, result.replies)
            else:
                user_id = result.state.user_id
                await self.courier.send(bot, chat_id, result.replies, user_id, result.outbox_token, result.shown)
            for effect in result.admin_effects:
                await self.perform(bot, chat_id, incoming, effect)

    async def _with_group_admin(self, bot: ExtBot[Any], incoming: Incoming) -> Incoming:
        """In a group, whether the sender administers it (getChatMember): a group's reminders and
        status are its admins' to change. A failed lookup counts as "not an admin"."""
        if incoming.sender_id is None:
            return incoming
        try:
            member = await bot.get_chat_member(incoming.chat_id, incoming.sender_id)
        except TelegramError as exc:
            log.warning("getChatMember failed (%s); treating the sender as a member", type(exc).__name__)
            return incoming
        admin = member.status in (ChatMember.ADMINISTRATOR, ChatMember.OWNER)
        return dataclasses.replace(incoming, event=dataclasses.replace(incoming.event, group_admin=admin))

    async def _send(self, bot: ExtBot[Any], chat_id: int, replies: list[Reply]) -> None:
        """Replies outside a turn (admin results, the note on edits): same delivery and failure
        handling (bot/telegram/courier.py); a transient failure keeps them for the sweep."""
        await self.courier.send(bot, chat_id, replies)

    # --- admin effects -----------------------------------------------------------------------
    async def perform(self, bot: ExtBot[Any], chat_id: int, incoming: Incoming, effect: AdminEffect) -> None:
        """Carry out an admin effect, checking the sender's rights at this moment: a confirmation
        pressed by someone else, or after the admin was removed from ADMIN_IDS, does nothing."""
        if not incoming.event.is_admin or incoming.sender_id not in self.admin_ids:
            log.warning("admin effect %s refused: the sender is not an admin", type(effect).__name__)
            await self._send(bot, chat_id, [Reply(common.ADMIN_ONLY)])
            return
        handlers: dict[type, Callable[[ExtBot[Any], int, Any], Awaitable[None]]] = {
            ShowStats: self._stats,
            ReloadKnowledge: self._reload,
            Broadcast: self._start_broadcast,
        }
        await handlers[type(effect)](bot, chat_id, effect)

    async def _stats(self, bot: ExtBot[Any], chat_id: int, effect: ShowStats) -> None:
        assistant = self._assistant()
        figures = await stats.collect(assistant.db, CHANNEL)
        reply = admin_dialog.render_stats(
            assistant.kb,
            figures.users_total,
            figures.users_active,
            figures.by_region_stage,
            figures.questions_by_region,
            figures.top_unanswered,
        )
        await self._send(bot, chat_id, [reply])

    async def _reload(self, bot: ExtBot[Any], chat_id: int, effect: ReloadKnowledge) -> None:
        assistant = self._assistant()
        result = await reload_knowledge(assistant, self.kb_loader)
        if result.ok:
            self.kb = assistant.kb
        reply = admin_dialog.render_reload(result.ok, result.faults, result.entries, result.replanned)
        await self._send(bot, chat_id, [reply])

    async def _start_broadcast(self, bot: ExtBot[Any], chat_id: int, effect: Broadcast) -> None:
        """Broadcasts run in the background: the admin's chat stays responsive meanwhile."""
        task = asyncio.create_task(self._broadcast(bot, chat_id, effect))
        self.background.add(task)
        task.add_done_callback(self.background.discard)

    async def _broadcast(self, bot: ExtBot[Any], chat_id: int, effect: Broadcast) -> None:
        assistant = self._assistant()
        region = None if effect.region == "all" else effect.region
        report = await broadcast(assistant.db, CHANNEL, TelegramSender(bot), self.limiter, region, effect.text)
        done = admin_dialog.render_broadcast_done(
            assistant.kb, effect.region, report.sent, report.blocked, report.failed
        )
        await self._send(bot, chat_id, [done])

    async def _alert_admins(self, bot: ExtBot[Any], kind: str, update_id: int | None) -> None:
        now = time.monotonic()
        if now - self._last_alert.get(kind, -ADMIN_ALERT_EVERY_SECONDS) < ADMIN_ALERT_EVERY_SECONDS:
            return  # one alert a minute per kind of error: a failing loop must not flood the admins
        self._last_alert[kind] = now
        for admin_id in sorted(self.admin_ids):
            try:
                await bot.send_message(admin_id, texts.ADMIN_ERROR_ALERT.format(kind=kind, update_id=update_id))
            except TelegramError as exc:
                log.warning("could not alert an admin: %s", type(exc).__name__)

    # --- nudges ------------------------------------------------------------------------------
    def _nudge_context(self) -> tuple[Database, KnowledgeBase]:
        assistant = self._assistant()
        return assistant.db, assistant.kb


def _instance(data_dir: Path) -> Instance | None:
    """This process's instance slot; None (claims then wait out their time) when DATA_DIR cannot
    hold its lock file."""
    try:
        return Instance.acquire(data_dir)
    except (OSError, RuntimeError) as exc:
        log.warning("no instance slot in DATA_DIR (%s): claims of a killed process wait out their time", exc)
        return None
