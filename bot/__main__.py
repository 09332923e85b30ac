"""`python -m bot <command>`: one subcommand per module listed in COMMANDS (bot/commands/<name>.py).

Each such module has `NAME`, `HELP`, `add_arguments(parser)` and `main(args, settings) -> int`.
Settings are read once here, for every command (environment and .env). Modules are imported only
when their command runs, so `ask` does not pay for Telegram's imports.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Any

COMMANDS = ("ask", "chat", "check", "deadlines", "kb", "nudges", "run")


def main(argv: list[str] | None = None) -> int:
    from bot.startup import start_up, whole_process

    if argv is None:
        whole_process()
    with start_up():  # the imports and the settings: no cyclic collection while they load
        parsed = _parse(list(sys.argv[1:] if argv is None else argv))
    if isinstance(parsed, int):
        return parsed
    args, settings = parsed
    try:
        return int(args._module.main(args, settings) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`… | head`): stop quietly, and keep Python from complaining
        # again while flushing stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parse(argv: list[str]) -> tuple[argparse.Namespace, Any] | int:
    """The command's arguments and the settings, or the exit status when they are unusable."""
    from bot import texts

    parser = argparse.ArgumentParser(prog="python -m bot", description=texts.CLI_DESCRIPTION)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Import only the module that runs, but list all of them in --help.
    wanted = argv[0] if argv and argv[0] in COMMANDS else None
    for name in COMMANDS:
        if wanted and name != wanted:
            sub.add_parser(name)
            continue
        module = importlib.import_module(f"bot.commands.{name}")
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_module=module)
    args = parser.parse_args(argv)
    if not getattr(args, "_module", None):
        parser.print_help()
        return 2
    from bot.settings import SettingsError, load_settings

    try:
        return args, load_settings()
    except SettingsError as err:
        print(err, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
