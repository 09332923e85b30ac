"""The terminal chat: reads lines, turns them into events, prints replies.

Numbered choices stand in for buttons; a number typed while choices are shown presses that button.
Files a reply carries are written to the data directory."""

from __future__ import annotations

import asyncio
import shutil
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot import texts
from bot.service import Assistant, parse_iso_now, render_buttons_as_numbers
from bot.wiring import build_assistant, load_knowledge
from dialogs.model import Event, Reply
from storage.db import Database, default_data_dir

QUIT = {"/quit", "/exit", "/q", "退出"}


def event_from_line(line: str, choices: dict[str, str]) -> Event:
    stripped = line.strip()
    folded = unicodedata.normalize("NFKC", stripped).lower()
    if folded in choices:
        return Event.press(choices[folded])
    if stripped.startswith("/") and len(stripped) > 1:
        name, _, args = stripped[1:].partition(" ")
        return Event.command(name.split("@", 1)[0], args.strip())
    return Event.say(line)


class TerminalChat:
    def __init__(self, assistant: Assistant, user: str, out: TextIO, data_dir: Path) -> None:
        self.assistant = assistant
        self.user = user
        self.out = out
        self.data_dir = data_dir
        self.choices: dict[str, str] = {}

    @property
    def exports(self) -> Path:
        """Files given to this terminal user (/mydata, the self-assessment); /forget removes them."""
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in self.user) or "_"
        return self.data_dir / "exports" / safe

    def show(self, replies: list[Reply]) -> None:
        for reply in replies:
            text, choices = render_buttons_as_numbers(reply)
            if choices:
                self.choices = choices
            print(text, file=self.out)
            if reply.document is not None:
                path = self.exports / reply.document.filename
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(reply.document.content)
                print(texts.TERMINAL_SAVED_FILE.format(path=path), file=self.out)
            print(file=self.out)

    async def send(self, line: str, now: str | None = None) -> list[Reply]:
        event = event_from_line(line, self.choices)
        if event.kind != "press":
            self.choices = self.choices if event.kind == "command" and event.text == "help" else {}
        result = await self.assistant.turn(self.user, event, parse_iso_now(now))
        if result.forgotten:
            shutil.rmtree(self.exports, ignore_errors=True)
        self.show(result.replies)
        return result.replies

    async def opening(self, now: str | None = None) -> None:
        """On start: resume the dialog in progress, or greet a new user."""
        state = await self.assistant.load(self.user)
        if state.region is None and state.dialog is None:
            await self.send("/start", now)
            return
        print(texts.TERMINAL_WELCOME_BACK, file=self.out)
        # Due reminders first, then the question the user left open: it is what they answer next.
        for hook in self.assistant.opening_hooks:
            self.show(await hook(self.assistant, self.user, parse_iso_now(now)))
        self.show(self.assistant.pending_prompt(state, parse_iso_now(now)))


async def run_chat(
    user: str = "local",
    now: str | None = None,
    lines: Callable[[], str] = input,
    out: TextIO = sys.stdout,
    db_url: str | None = None,
    data_dir: Path | None = None,
) -> int:
    data_dir = data_dir or default_data_dir()
    db = await Database.open(db_url, data_dir)
    try:
        assistant = build_assistant(db, load_knowledge(data_dir), "terminal")
        chat = TerminalChat(assistant, user, out, data_dir)
        print(texts.TERMINAL_HINT, file=out)
        await chat.opening(now)
        while True:
            try:
                line = await asyncio.to_thread(lines)
            except EOFError:
                break
            if line.strip().lower() in QUIT:
                break
            await chat.send(line, now)
        print(texts.TERMINAL_BYE, file=out)
        return 0
    finally:
        await db.close()
