"""`python -m bot run`: the Telegram bot, by long polling or (with --webhook) behind a webhook."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings

from bot import texts

NAME = "run"
HELP = texts.CLI_HELP[NAME]


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
