"""A simulated director who fills in the eligibility questionnaire by looking at the chat, as a
person does: they answer the question they SEE (the newest question on the screen), press buttons
for closed questions and type digits for numbers, and when nothing comes back for a while they
answer the question on the screen again. That last habit is what turns a reply lost in a crash
into an answer filed under the wrong question (issue 11, item 1), so it is modelled on purpose:
patience doubles with every retry, as a person's would, so a bot that is down for a few seconds
gets one repeat, not a burst.

Every director has a profile of true answers; the numbers are distinct and valid for every numeric
question of the flow, so an answer filed one question late is accepted by the bot (as a real
director's often is) and shows up as a wrong value in the stored profile."""

from __future__ import annotations

import asyncio
import random
import re
import time
from dataclasses import dataclass, field
from typing import Any

from dialogs.questionnaire.flow import NUMERIC, Flow
from dialogs.texts import common as C
from dialogs.texts import questionnaire as T
from knowledge.base import KnowledgeBase
from tests.chaos.fakeapi import ChaosTelegram
from tests.fakes.telegram_api import StoredMessage

REGION = "chongqing-yuzhong"  # the longest run of typed numbers (11 in a row)
REGION_BUTTON = "3. 重庆市渝中区"
PROGRESS = re.compile(r"（第 (\d+)/(\d+) 题）")
RESULT_MARK = "自评结论"
SETTLE = 0.3  # a turn's replies arrive within this of each other
MAX_ACTIONS = 120
STALE_WAIT = 3.0
CONFIRM_PERCENT = T.CONFIRM_PERCENT.split("{")[0]


@dataclass
class QuestionSheet:
    """The flow of REGION: question text -> field, and each field's kind."""

    fields: list[str]
    kinds: dict[str, str]
    by_question: dict[str, str]
    usual: dict[str, tuple[float, float]] = field(default_factory=dict)  # each number's usual range

    @classmethod
    def of(cls, kb: KnowledgeBase) -> QuestionSheet:
        """The questionnaire of REGION as the knowledge base declares it."""
        specs = kb.fields
        flow = Flow(kb.rules[REGION], specs)
        fields = list(flow.fields)
        usual = {f: specs[f].plausible for f in fields if specs[f].plausible is not None}
        return cls(fields, {f: specs[f].kind for f in fields}, {specs[f].question: f for f in fields}, usual)

    def truth(self, rng: random.Random) -> dict[str, Any]:
        """Yes for the first three questions (so every number is asked), no for the three
        disqualifiers, and distinct whole numbers inside each field's usual range (a director who
        typed right: nothing to confirm), so a number filed under another field shows."""
        out: dict[str, Any] = {}
        taken: set[int] = set()
        for i, f in enumerate(self.fields):
            kind = self.kinds[f]
            if kind == "bool":
                out[f] = i < 3
            elif kind in NUMERIC:
                low, high = self.usual.get(f, (2, 99))
                low, high = max(int(low) + 1, 2), min(int(high) - 1, 99 if kind == "percent" else 10**6)
                value = rng.randint(low, high)
                while value in taken:
                    value = rng.randint(low, high)
                taken.add(value)
                out[f] = value
        return out

    def field_of(self, text: str) -> str | None:
        """The field a bot message asks for, or None when it asks no question."""
        if not PROGRESS.search(text):
            return None
        return next((f for q, f in self.by_question.items() if q in text), None)


@dataclass
class Director:
    fake: ChaosTelegram
    sheet: QuestionSheet
    truth: dict[str, Any]
    patience: float
    chat_id: int = 0
    finished: bool = False
    actions: int = 0
    repeats: int = 0  # answers given again because nothing came back
    # The questionnaire ended (the last answer was taken) but the verdict never reached the chat:
    # pressing the answer again only gets "this button has expired", with nothing pending.
    result_lost: bool = False
    typed: list[tuple[float, str, Any]] = field(default_factory=list)
    pressed: list[tuple[int, str]] = field(default_factory=list)  # (message id, label), in order
    said: list[tuple[float, int, str]] = field(default_factory=list)  # (monotonic, message id or 0, what)

    async def run(self, stop: asyncio.Event) -> None:
        """Fill in the questionnaire until the verdict, a lost verdict, `stop`, or MAX_ACTIONS."""
        user = self.fake.add_user(f"主任{random.randrange(10**6)}")
        self.chat_id = int(user["id"])
        wait = self.patience
        last_screen: tuple[int, str] | None = None
        while not stop.is_set() and self.actions < MAX_ACTIONS:
            screen = self._screen()
            if screen[1] == "result":
                self.finished = True
                return
            if screen[1] == "stale":
                # "This button has expired", nothing pending after it: the dialog is over. After an
                # answer to a question that means the questionnaire ended and its verdict was lost;
                # anywhere else the director does what the message says and types the command again.
                count = len(self.fake.bot_messages(self.chat_id))
                await asyncio.sleep(STALE_WAIT)  # a turn's messages come one by one: is more coming?
                if len(self.fake.bot_messages(self.chat_id)) > count:
                    continue
                if last_screen is not None and last_screen[1].startswith("field:"):
                    self.result_lost = True
                    return
                screen = (screen[0], "check")
            if screen == last_screen:
                self.repeats += 1
                wait *= 2
            else:
                wait = self.patience
            last_screen = screen
            seen = len(self.fake.bot_messages(self.chat_id))
            self._act(screen)
            self.actions += 1
            await self._wait_for_reply(seen, wait, stop)
        self.finished = self._screen()[1] == "result"  # stopped while the verdict was arriving

    def _screen(self) -> tuple[int, str]:
        """(message id, what it asks) of the newest message that asks something."""
        messages = self.fake.bot_messages(self.chat_id)
        for msg in reversed(messages):
            text = msg.body
            if text == C.STALE_BUTTON and msg is messages[-1]:
                # Nothing pending follows it: the dialog is over. A verdict on screen above it (it
                # arrived late, after the last answer was given again) was seen: the run finished.
                asking = next((m for m in reversed(messages[:-1]) if self._asks(m)), None)
                if asking is not None and RESULT_MARK in asking.body:
                    return asking.message_id, "result"
                return msg.message_id, "stale"
            if RESULT_MARK in text:
                return msg.message_id, "result"
            if T.YES in msg.labels() and (T.RETYPE_BUTTON in msg.labels() or text.startswith(CONFIRM_PERCENT)):
                return msg.message_id, "confirm"  # "is that what you meant?": it is
            found = self.sheet.field_of(text)
            if found:
                return msg.message_id, "field:" + found
            if T.RESUME_CONTINUE in msg.labels():
                return msg.message_id, "resume"
            if REGION_BUTTON in msg.labels():
                return msg.message_id, "region"
            if text.startswith(C.REGION_SET.split("{")[0]):
                return msg.message_id, "check"
        return 0, "start"

    def _asks(self, msg: StoredMessage) -> bool:
        """Whether a bot message asks something or gives the verdict (what _screen looks for)."""
        labels = msg.labels()
        return (
            RESULT_MARK in msg.body
            or self.sheet.field_of(msg.body) is not None
            or T.YES in labels
            or T.RESUME_CONTINUE in labels
            or REGION_BUTTON in labels
            or msg.body.startswith(C.REGION_SET.split("{")[0])
        )

    def _act(self, screen: tuple[int, str]) -> None:
        message_id, what = screen
        if what == "start":
            self._send("/start")
        elif what == "check":
            self._send("/check")
        elif what == "region":
            self._press(message_id, REGION_BUTTON)
        elif what == "resume":
            self._press(message_id, T.RESUME_CONTINUE)
        elif what == "confirm":
            self._press(message_id, T.YES)
        else:
            name = what.split(":", 1)[1]
            value = self.truth[name]
            if isinstance(value, bool):
                self._press(message_id, T.YES if value else T.NO)
            else:
                self.typed.append((time.monotonic(), name, value))
                self._send(str(value))

    def _send(self, text: str) -> None:
        msg = self.fake.user_sends(self.chat_id, self.chat_id, text)
        self.said.append((time.monotonic(), msg.message_id, text))

    def _press(self, message_id: int, label: str) -> None:
        msg: StoredMessage = self.fake.messages[self.chat_id][message_id]
        data = next(b["callback_data"] for row in msg.button_rows() for b in row if b["text"] == label)
        self.pressed.append((message_id, label))
        self.said.append((time.monotonic(), 0, f"[{label}]@{message_id}"))
        self.fake.user_presses(self.chat_id, self.chat_id, message_id, data)

    async def _wait_for_reply(self, seen: int, patience: float, stop: asyncio.Event) -> None:
        """Until a reply came and the chat is quiet for SETTLE, or `patience` passed without one."""
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline and not stop.is_set():
            count = len(self.fake.bot_messages(self.chat_id))
            if count > seen:
                await asyncio.sleep(SETTLE)
                while len(self.fake.bot_messages(self.chat_id)) > count:
                    count = len(self.fake.bot_messages(self.chat_id))
                    await asyncio.sleep(SETTLE)
                return
            await asyncio.sleep(0.05)

    def misfiled(self, stored: dict[str, Any]) -> list[tuple[str, Any, Any]]:
        """(field, true value, stored value) for every stored answer that is not the director's."""
        out = []
        for name, value in stored.items():
            want = self.truth.get(name)
            if name not in self.truth or value is None:
                continue
            same = value == want if isinstance(want, bool) else float(value) == float(want)
            if not same:
                out.append((name, want, value))
        return out

    def missing(self, stored: dict[str, Any]) -> list[str]:
        """Fields the director answered (the flow went past them) that are not stored at all."""
        if not self.finished:
            return []
        return [f for f in self.sheet.fields if f in self.truth and f not in stored]
