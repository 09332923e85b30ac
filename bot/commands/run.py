"""`python -m bot run`: the Telegram bot, by long polling or (with --webhook) behind a webhook."""

from __future__ import annotations

import argparse
import sys

NAME = "run"
HELP = "启动 Telegram 机器人（默认长轮询；--webhook 使用 WEBHOOK_URL/WEBHOOK_PORT/WEBHOOK_SECRET）"
NUDGE_INTERVAL_SECONDS = 60.0
# The update kinds the bot handles; my_chat_member tells it when a user blocks it.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--webhook", action="store_true", help="receive updates through a webhook instead of polling")


def main(args: argparse.Namespace) -> int:
    from bot import texts
    from bot.settings import SettingsError, load_settings, webhook_problem

    try:
        settings = load_settings()
    except SettingsError as err:
        print(err, file=sys.stderr)
        return 2
    if args.webhook:
        problem = webhook_problem(settings)
        if problem:
            print(problem, file=sys.stderr)
            return 2

    from urllib.parse import urlparse

    from telegram.error import InvalidToken

    from bot.telegram.app import build_application
    from bot.telegram.logs import configure

    configure(settings.log_level, settings.token)
    app = build_application(settings, nudge_interval=NUDGE_INTERVAL_SECONDS, warm_up=True)
    try:
        if args.webhook:
            assert settings.webhook_url is not None
            app.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlparse(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
            )
        else:
            app.run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:
        print(texts.TOKEN_REJECTED, file=sys.stderr)
        return 2
    return 0
