"""`python -m bot <command>`: every module in bot/commands/ adds one subcommand.

Each such module has `NAME`, `HELP`, `add_arguments(parser)` and `main(args) -> int`. Modules are
imported only when their command runs, so `ask` does not pay for Telegram's imports.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from bot import commands


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    names = _modules()
    parser = argparse.ArgumentParser(prog="python -m bot", description="社区医院申报助手")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Import only the module that runs, but list all of them in --help.
    wanted = argv[0] if argv and argv[0] in names else None
    for name in names:
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
    try:
        return int(args._module.main(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`… | head`): stop quietly, and keep Python from complaining
        # again while flushing stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
