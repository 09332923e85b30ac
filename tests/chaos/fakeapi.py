"""The fake Bot API as the chaos harness needs it: the same core (tests/fakes/telegram_api.py),
plus what only a harness around real bot processes needs, kept here so issue 10's changes to the
core do not collide with it:

- latency per method (a slow API: the message is stored after the delay, as Telegram does, so a
  bot killed while it waits has in fact delivered it); or a network round trip (`round_trip`):
  half of it before Telegram carries the request out (and counts it against its 30/s), half
  after, on the way back;
- every call recorded when it ARRIVES (the core records on completion, which for a 10-second long
  poll is too late to tell that a restarted bot is up), with the instance that made it;
- each bot process talks to its own loopback server (`serve_as(tag)`), so sends, 429s and calls
  are counted per instance while all instances share one Telegram.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from tests.fakes.telegram_api import FakeServer, FakeTelegram, StoredMessage

INSTANCE: contextvars.ContextVar[str] = contextvars.ContextVar("instance", default="?")


@dataclass(frozen=True)
class Arrival:
    at: float  # time.monotonic() when the request arrived
    instance: str
    method: str  # lower case
    chat_id: str | None


@dataclass(frozen=True)
class Answered:
    at: float
    instance: str
    method: str
    chat_id: str | None
    status: int


@dataclass(frozen=True)
class Sent:
    at: float
    instance: str
    chat_id: int
    message_id: int
    text: str


class ChaosTelegram(FakeTelegram):
    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.latency: dict[str, float] = {}  # lower-case method -> seconds before it is carried out
        self.latency_after: dict[str, float] = {}  # lower-case method -> seconds before the answer leaves
        self.arrivals: list[Arrival] = []
        self.answered: list[Answered] = []
        self.sent: list[Sent] = []
        self.on_bot_message.append(self._record_sent)

    def slow(self, seconds: float, *methods: str) -> None:
        """Make these methods (default: the sending ones) take `seconds` before they are done."""
        for m in methods or ("sendmessage", "senddocument", "editmessagetext"):
            self.latency[m.lower()] = seconds

    def round_trip(self, seconds: float, *methods: str) -> None:
        """A network between bot and Telegram: each request of these methods (default: the sending
        ones) takes `seconds` in all, half on the way there, half on the way back."""
        for m in methods or ("sendmessage", "senddocument", "editmessagetext"):
            self.latency[m.lower()] = seconds / 2
            self.latency_after[m.lower()] = seconds / 2

    async def handle(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """The core's handle, with the arrival recorded first and the latency applied."""
        name = method.lower()
        chat = params.get("chat_id")
        chat_id = None if chat is None else str(chat)
        instance = INSTANCE.get()
        self.arrivals.append(Arrival(time.monotonic(), instance, name, chat_id))
        delay = self.latency.get(name)
        if delay:
            await asyncio.sleep(delay)
        status, body = await super().handle(token, method, params)
        back = self.latency_after.get(name)
        if back:
            await asyncio.sleep(back)
        self.answered.append(Answered(time.monotonic(), instance, name, chat_id, status))
        return status, body

    def _record_sent(self, msg: StoredMessage) -> None:
        self.sent.append(Sent(time.monotonic(), INSTANCE.get(), msg.chat_id, msg.message_id, msg.body))

    # --- reading ------------------------------------------------------------------------------
    def arrived(self, instance: str, *methods: str, since: float = 0.0) -> bool:
        """Whether `instance` has called one of `methods` since `since` (monotonic)."""
        wanted = {m.lower() for m in methods}
        return any(a.instance == instance and a.method in wanted and a.at >= since for a in reversed(self.arrivals))

    def statuses(self, method: str | None = None, instance_prefix: str = "") -> Counter[int]:
        """HTTP statuses answered, per status, for a method and instance prefix."""
        return Counter(
            a.status
            for a in self.answered
            if (method is None or a.method == method.lower()) and a.instance.startswith(instance_prefix)
        )

    def on_their_way(self, tag: str, method: str = "sendmessage") -> int:
        """Requests of instance `tag` arrived and not yet answered, now."""
        came = sum(1 for a in self.arrivals if a.method == method and a.instance == tag)
        went = sum(1 for a in self.answered if a.method == method and a.instance == tag)
        return came - went

    def most_on_their_way(self, prefix: str, method: str = "sendmessage") -> int:
        """The most requests of instances tagged `prefix…` arrived and not yet answered at once."""
        events = [(a.at, 1) for a in self.arrivals if a.method == method and a.instance.startswith(prefix)]
        events += [(a.at, -1) for a in self.answered if a.method == method and a.instance.startswith(prefix)]
        best = now = 0
        for _, step in sorted(events):
            now += step
            best = max(best, now)
        return best

    async def serve_as(self, tag: str) -> TaggedServer:
        """A new loopback server whose requests are counted for `tag`."""
        server = TaggedServer(self, tag)
        await server.start("127.0.0.1")
        return server


class _Tagging:
    """What FakeServer calls `fake`: marks each request with the instance before handling it."""

    def __init__(self, fake: ChaosTelegram, tag: str) -> None:
        self._fake = fake
        self._tag = tag

    async def handle(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """The core's handle, with the arrival recorded first and the latency applied."""
        INSTANCE.set(self._tag)
        return await self._fake.handle(token, method, params)


class TaggedServer(FakeServer):
    """A loopback server for one bot process; every request it takes is counted for `tag`."""

    def __init__(self, fake: ChaosTelegram, tag: str) -> None:
        super().__init__(fake)
        self.fake = _Tagging(fake, tag)  # type: ignore[assignment]
        self.tag = tag
