"""The terminal chat: reads lines, turns them into events, prints replies.

Numbered choices stand in for buttons; a number typed while choices are shown presses that button.
Files a reply carries are written to the user's own exports folder under the data directory.
There is no push in a terminal, so reminders due for the user are shown when the chat opens."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import sys
import threading
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from bot import texts
from bot.settings import Settings
from bot.turn import Assistant
from bot.wiring import build_assistant, load_knowledge, open_database
from core.clock import parse_now
from core.model import Event, Reply
from dialogs.input_check import clean_text, input_problem
from dialogs.nudges.message import NudgeWording
from dialogs.nudges.plan import LATE_AFTER
from dialogs.qa import smalltalk
from dialogs.questionnaire import report_offer
from dialogs.texts import common as C
from storage import nudges as store
from storage import users

QUIT = frozenset(texts.TERMINAL_QUIT_WORDS)
CHANNEL = "terminal"
OPENING_LIMIT = 20  # due reminders shown when the chat opens
REASON_GONE = "deadline no longer in the calendar"
# A message that carries no words: after /forget the welcome answers it (newcomer trial 9, finding 19)
WORDLESS = frozenset({C.EMPTY_MESSAGE, C.NO_WORDS})


def event_from_line(line: str, choices: dict[str, str]) -> Event:
    stripped = line.strip()
    folded = unicodedata.normalize("NFKC", stripped).lower()
    if folded in choices:
        return Event.press(choices[folded])
    if stripped.startswith("/") and len(stripped) > 1:
        name, _, args = stripped[1:].partition(" ")
        return Event.command(name.split("@", 1)[0], args.strip())
    return Event.say(line)


def render_buttons_as_numbers(
    reply: Reply, lettered: bool = False, spare: Iterator[str] | None = None
) -> tuple[str, dict[str, str]]:
    """Label the buttons for a text screen; return the text and {label: callback data}.

    A button with a stable key (Button.key: "y" for 沿用, "b" for 上一步 …) shows that key on every
    screen. The others are numbered, except where a typed number is itself the answer or `lettered`
    asks for it: then they are lettered (a, b, c from `spare`, skipping the stable keys), so "1"
    stays an answer."""
    if not reply.buttons:
        return reply.text, {}
    lines = [reply.text]
    choices: dict[str, str] = {}
    if spare is None:
        fixed = {b.key for row in reply.buttons for b in row if b.key}
        spare = letters(fixed)
    n = 0
    for row in reply.buttons:
        for b in row:
            if b.key:  # a stable shortcut (沿用 is "y" on every screen)
                key = b.key
            else:
                n += 1
                key = next(spare) if reply.expects_number or lettered else str(n)
            choices[key] = b.data
            label = b.label
            # Region buttons already carry their number ("1. 吉林省"); avoid "[1] 1. 吉林省".
            if label[:1].isdigit() and label[1:3] in (". ", "、"):
                label = label[3:].lstrip() if label[1:3] == ". " else label[2:]
            lines.append(f"  [{key}] {label}")
    return "\n".join(lines), choices


def letters(fixed: set[str]) -> Iterator[str]:
    """a, b, c … skipping the stable keys `fixed`."""
    return (chr(c) for c in range(ord("a"), ord("z") + 1) if chr(c) not in fixed)


def render_turn(replies: list[Reply]) -> tuple[list[str], dict[str, str]]:
    """Each reply's text with its keys, and every key of the turn → callback data. Only the last
    reply with buttons (what the dialog waits for: 是/否 of a /check question) is numbered; buttons of
    earlier replies in the same turn are lettered, so a "1" never means two things (suggestions
    shown in the middle of /check were [1][2][3] beside the question's [1] 是, newcomer trial 4, F1)."""
    with_buttons = [i for i, r in enumerate(replies) if r.buttons]
    last = with_buttons[-1] if with_buttons else -1
    spare = letters({b.key for r in replies for row in r.buttons for b in row if b.key})
    texts: list[str] = []
    choices: dict[str, str] = {}
    for i, reply in enumerate(replies):
        text, keys = render_buttons_as_numbers(reply, lettered=i != last, spare=spare)
        texts.append(text)
        choices.update(keys)
    return texts, choices


async def due_on_opening(assistant: Assistant, external_id: str, now: dt.datetime) -> list[Reply]:
    """The user's due nudges, marked sent. The user opened the chat, so this is an answer, not a
    push: quiet hours do not apply."""
    db = assistant.db
    uid = await users.user_id_of(db, assistant.channel, external_id)
    if uid is None:
        return []
    await store.drop_stale(db, now, user_id=uid)
    token = uuid.uuid4().hex
    wording = NudgeWording(assistant.kb)
    replies: list[Reply] = []
    for item in await store.claim_due(db, now, OPENING_LIMIT, token, user_id=uid, late_after=LATE_AFTER):
        text = wording.text(item, now)
        if text is None:
            await store.drop(db, [item.id], REASON_GONE)
            continue
        await store.mark_sent(db, item.id, token, now)
        replies.append(Reply(text))
    return replies


class TerminalChat:
    def __init__(self, assistant: Assistant, user: str, out: TextIO, data_dir: Path) -> None:
        self.assistant = assistant
        self.user = user
        self.out = out
        self.data_dir = data_dir
        self.choices: dict[str, str] = {}
        # After /forget the next message is a new user's: greeted and asked the region first, as
        # on a first run (nothing is stored until that message: /forget said so).
        self.forgotten = False

    @property
    def exports(self) -> Path:
        """Files given to this terminal user (/mydata, the self-assessment); /forget removes them."""
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in self.user) or "_"
        return self.data_dir / "exports" / safe

    def show(self, replies: list[Reply]) -> None:
        texts_shown, choices = render_turn(replies)
        if choices:
            self.choices = choices
        for reply, text in zip(replies, texts_shown, strict=True):
            print(text, file=self.out)
            if reply.document is not None:
                path = self.exports / reply.document.filename
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(reply.document.content)
                # the full path: "data/exports/…" read as if relative to nothing (newcomer trial 7, N27)
                print(texts.TERMINAL_SAVED_FILE.format(path=path.resolve()), file=self.out)
            print(file=self.out)

    async def send(self, line: str, now: str | None = None) -> list[Reply]:
        if self.forgotten and not line.strip().startswith("/"):
            self.forgotten = False
            greeted = await self.send("/start", now)
            # 你好 (F15), or an empty line or 👍 (newcomer trial 9, finding 19: the welcome, 没有收到文字内容 and
            # the region menu again): the welcome is the answer, not a second one
            if smalltalk.kind_of(line) == "greeting" or input_problem(clean_text(line)) in WORDLESS:
                return greeted
        event = event_from_line(line, self.choices)
        if event.kind != "press":
            self.choices = self.choices if event.kind == "command" and event.text == "help" else {}
        result = await self.assistant.turn(self.user, event, parse_now(now))
        if result.forgotten:
            shutil.rmtree(self.exports, ignore_errors=True)
            self.forgotten = True
        self.show(result.replies)
        return result.replies

    async def opening(self, now: str | None = None) -> None:
        """On start: resume the dialog in progress, or greet a new user."""
        state = await self.assistant.load(self.user)
        if state.region is None and state.dialog is None:
            await self.send("/start", now)
            return
        region = state.region and self.assistant.kb.regions.name(state.region)
        back = texts.TERMINAL_WELCOME_BACK_REGION.format(region=region) if region else texts.TERMINAL_WELCOME_BACK
        print(back, file=self.out)
        await self.assistant.new_screen(self.user)  # a new screen: no note above to point at (B9)
        # Due reminders first, then the question the user left open: it is what they answer next.
        self.show(await due_on_opening(self.assistant, self.user, parse_now(now)))
        self.show(self.assistant.pending_prompt(state, parse_now(now)))
        # The 生成自评报告 button of the last run is gone with the old screen: offer it again.
        self.show(report_offer(state, self.assistant.kb))


async def read_line(lines: Callable[[], str]) -> str:
    """One line from `lines`, read in a daemon thread: on Ctrl-C the chat says goodbye and exits at once
    (a pool thread, as asyncio.to_thread uses, would hold the exit until another line was typed)."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[str] = loop.create_future()

    def settle(value: str | None, error: BaseException | None) -> None:
        if done.done():
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(value or "")

    def read() -> None:
        try:
            value = lines()
        except BaseException as error:  # EOFError, KeyboardInterrupt: handed to the chat loop
            loop.call_soon_threadsafe(settle, None, error)
            return
        loop.call_soon_threadsafe(settle, value, None)

    threading.Thread(target=read, name="terminal-input", daemon=True).start()
    return await done


async def run_chat(
    settings: Settings,
    user: str = "local",
    now: str | None = None,
    lines: Callable[[], str] = input,
    out: TextIO = sys.stdout,
) -> int:
    db = await open_database(settings)
    try:
        assistant = build_assistant(db, load_knowledge(settings.data_dir), CHANNEL)
        chat = TerminalChat(assistant, user, out, settings.data_dir)
        print(texts.TERMINAL_HINT, file=out)
        await chat.opening(now)
        while True:
            try:
                line = await read_line(lines)
            except (EOFError, KeyboardInterrupt, asyncio.CancelledError):
                # Ctrl-C: the goodbye at once (newcomer trial 3, F10: nothing was shown, the next line
                # typed was swallowed by the still-waiting reader and the chat exited silently)
                break
            if line.strip().lower() in QUIT:
                break
            await chat.send(line, now)
        # after /forget nothing of this user is stored: no "进度已保存" (newcomer trial 3, N15)
        print((texts.TERMINAL_BYE_FORGOTTEN if chat.forgotten else texts.TERMINAL_BYE).format(user=user), file=out)
        return 0
    finally:
        await db.close()
