"""The command table: every command once, with what runs it, its menu and /help lines, and the
rules the router applies (private chats only, admins only, keeps the dialog in progress). Telegram's
menu and /help are built from it, so a command cannot be added in one place and forgotten in another.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.model import Event, Outcome, Reply, UserState
from dialogs import admin, onboarding, privacy, questionnaire, tracking
from dialogs.dialog import CommandHandler
from dialogs.texts import common as T
from knowledge.base import KnowledgeBase


@dataclass(frozen=True)
class Command:
    run: CommandHandler
    menu: str | None = None  # the line in Telegram's command menu; None: not in the menu (admin)
    help: str | None = None  # the line in /help; None: not listed
    private_only: bool = False  # about the director's own institution: private chats only
    group_admins: bool = False  # a private_only command a group's own admins may use there (its reminders)
    keeps_dialog: bool = False  # shows something, then the pending question again
    admin: bool = False


def show_help(state: UserState, event: Event, kb: KnowledgeBase, now: dt.datetime) -> Outcome:
    return Outcome(state, [Reply(help_text())])


COMMANDS: dict[str, Command] = {
    "start": Command(onboarding.start, T.MENU_START),
    "help": Command(show_help, T.MENU_HELP, T.HELP_HELP, keeps_dialog=True),
    "check": Command(questionnaire.check, T.MENU_CHECK, T.HELP_CHECK, private_only=True),
    "stage": Command(tracking.stage, T.MENU_STAGE, T.HELP_STAGE, private_only=True),
    "status": Command(
        tracking.status, T.MENU_STATUS, T.HELP_STATUS, private_only=True, group_admins=True, keeps_dialog=True
    ),
    "remind": Command(tracking.remind, T.MENU_REMIND, T.HELP_REMIND, private_only=True, group_admins=True),
    "region": Command(onboarding.choose_region, T.MENU_REGION, T.HELP_REGION),
    "mydata": Command(privacy.mydata, T.MENU_MYDATA, T.HELP_MYDATA, private_only=True, keeps_dialog=True),
    "forget": Command(privacy.forget, T.MENU_FORGET, T.HELP_FORGET, private_only=True),
    "cancel": Command(onboarding.cancel, T.MENU_CANCEL, T.HELP_CANCEL),
    "stats": Command(admin.stats, admin=True),
    "reload": Command(admin.reload, admin=True),
    "broadcast": Command(admin.broadcast, admin=True),
}


def menu() -> list[tuple[str, str]]:
    """(command, description) for Telegram's setMyCommands, in table order."""
    return [(name, c.menu) for name, c in COMMANDS.items() if c.menu]


def help_text() -> str:
    lines = [T.HELP_HEAD]
    lines += [T.HELP_LINE.format(name=name, about=c.help) for name, c in COMMANDS.items() if c.help and name != "help"]
    lines.append(T.HELP_LINE.format(name="help", about=T.HELP_HELP))
    return "\n".join(lines)
