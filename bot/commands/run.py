"""`python -m bot run`: the Telegram bot, by long polling or (with --webhook) behind a webhook."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings

NAME = "run"
HELP = "启动 Telegram 机器人（默认长轮询；--webhook 使用 WEBHOOK_URL/WEBHOOK_PORT/WEBHOOK_SECRET）"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--webhook", action="store_true", help="receive updates through a webhook instead of polling")


def main(args: argparse.Namespace, settings: Settings) -> int:
    from bot.settings import SettingsError

    try:
        settings.token()
    except SettingsError as err:
        print(err, file=sys.stderr)
        return 2
    if args.webhook:
        problem = settings.webhook_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 2

    from bot.telegram.app import run

    return run(settings, webhook=args.webhook)
