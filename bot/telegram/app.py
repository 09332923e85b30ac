"""The Application factory: the one place where the python-telegram-bot Application is assembled,
and `run`, which starts it by long polling or behind a webhook.

Production (`python -m bot run`) and the tests build the bot here; tests pass a request whose
transport is the local fake Bot API, or a base_url pointing at it. The factory never starts
polling or a webhook by itself."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

from telegram import LinkPreviewOptions
from telegram.error import InvalidToken
from telegram.ext import Application, Defaults
from telegram.request import BaseRequest

from bot import texts
from bot.settings import Settings
from bot.telegram.handlers import TelegramShell
from bot.telegram.logs import configure, protect_logs
from bot.telegram.webhook import install as install_checked_webhook
from bot.wiring import load_knowledge
from core.clock import SHANGHAI
from knowledge.base import KnowledgeBase
from storage.db import Database

SHELL_KEY = "shell"
NUDGE_INTERVAL_SECONDS = 60.0
# The update kinds the bot handles; my_chat_member tells it when a user blocks it.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
# Start-up calls (getMe, deleteWebhook / setWebhook) are retried until Telegram answers (-1: no
# limit; PTB waits between tries and logs each failure): a Telegram hiccup at start must not stop
# the bot. A rejected token is not retried (InvalidToken). setMyCommands is cosmetic and only logged.
BOOTSTRAP_RETRIES = -1


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    base_url: str | None = None,
    db: Database | None = None,
    kb: KnowledgeBase | None = None,
    kb_loader: Callable[[], KnowledgeBase] | None = None,
    nudge_interval: float | None = None,
    warm_up: bool = False,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """Assemble the bot. Without `db` the database is opened in post_init (inside the running
    loop, as the async engine requires); `nudge_interval` seconds > 0 starts the reminder tick;
    `warm_up` builds the search index before the first update and then freezes the garbage
    collector's view of everything loaded so far (see TelegramShell.startup). Raises
    SettingsError when the token is missing or malformed."""
    token = settings.token()
    protect_logs(token)
    # The search index comes from the cache under DATA_DIR, built once per change of the data.
    loader = kb_loader or (lambda: load_knowledge(settings.data_dir))
    shell = TelegramShell(settings, kb or loader(), loader, db, nudge_interval, warm_up)
    builder = (
        Application.builder()
        .token(token)
        .defaults(Defaults(tzinfo=SHANGHAI, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        # No PTB rate limiter: AIORateLimiter holds EVERY request while one chat waits out its
        # retry_after (issue 11 item 4). Replies, nudges and broadcasts wait for the shell's own
        # limiter (bot/ratelimit.py), which holds only the chat concerned.
        .concurrent_updates(settings.concurrent_updates)
        .post_init(shell.startup)
        .post_stop(shell.stop)
        .post_shutdown(shell.shutdown)
    )
    base = base_url or settings.telegram_api_base_url
    if base:
        builder = builder.base_url(base)
    if request is not None:
        builder = builder.request(request).get_updates_request(get_updates_request or request)
    app = builder.build()
    app.bot_data[SHELL_KEY] = shell
    shell.register(app)
    return app


def shell_of(app: Application[Any, Any, Any, Any, Any, Any]) -> TelegramShell:
    shell: TelegramShell = app.bot_data[SHELL_KEY]
    return shell


def run(settings: Settings, webhook: bool) -> int:
    """Run the bot until it is stopped (SIGINT/SIGTERM); 2 when Telegram rejects the token."""
    configure(settings.log_level, settings.token())
    app = build_application(settings, nudge_interval=NUDGE_INTERVAL_SECONDS, warm_up=True)
    try:
        if webhook:
            assert settings.webhook_url is not None
            secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
            install_checked_webhook()  # a body that is not UTF-8 JSON gets 400, not 500
            app.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlparse(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=secret,
                allowed_updates=ALLOWED_UPDATES,
                bootstrap_retries=BOOTSTRAP_RETRIES,
            )
        else:
            app.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=BOOTSTRAP_RETRIES)
    except InvalidToken:
        print(texts.TOKEN_REJECTED, file=sys.stderr)
        return 2
    return 0
