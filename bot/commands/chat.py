"""`python -m bot chat`: the terminal chat, running the same dialogs as Telegram."""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings

from bot import texts

NAME = "chat"
HELP = texts.CLI_HELP[NAME]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", default="local", help="terminal profile name; state is kept per name")
    p.add_argument("--now", help="pretend the time is this ISO-8601 moment (for trying out dates)")


def main(args: argparse.Namespace, settings: Settings) -> int:
    from bot.terminal import run_chat

    try:
        return asyncio.run(run_chat(settings, args.user, now=args.now))
    except KeyboardInterrupt:  # Ctrl-C: run_chat has said goodbye; asyncio re-raises it after
        return 0
