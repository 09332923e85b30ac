"""Keeping to Telegram's sending limits: about 30 messages a second overall, one a second per chat.

Our own small limiter rather than aiolimiter (installed with PTB's rate-limiter extra), because:
- it must hold two limits at once, overall and per chat, and honour a pause after a 429;
- aiolimiter's leaky bucket lets a full bucket burst and then refill, so a window of one second can
  see up to twice the rate; here sends are spread evenly (one per window/overall) and a sliding window
  guarantees at most `overall` sends in ANY window of `window` seconds (what the benchmark checks);
- its clock and sleep are injectable, so tests and the benchmark run 10,000 sends in virtual time
  (aiolimiter reads the event loop's clock directly).
A 429 about one chat (retry_after on a reply) holds that chat only (`pause_chat`): waits for a
chat's own time happen outside the shared lock, so one chat's wait never holds the others (issue 11
item 4); only the overall pace is taken under the lock. Replies use `acquire_reply` (the overall
pace and the chat's pause, no one-a-second spacing: a turn's two or three messages go together, as
Telegram allows in a private chat); the tick and broadcasts use `acquire` (spaced per chat).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

TELEGRAM_OVERALL_PER_SECOND = 30
TELEGRAM_PER_CHAT_INTERVAL = 1.0
# Telegram counts when a request arrives, we count when we start it; the time between varies (our own
# code, the network), so two starts exactly one second apart may arrive 0.99 s apart. A 5 % margin on
# every interval absorbs that jitter and still leaves 95 % of the allowed rate.
SAFETY_MARGIN = 0.05


class RateLimiter:
    def __init__(
        self,
        overall: int = TELEGRAM_OVERALL_PER_SECOND,
        window: float = 1.0,
        per_chat_interval: float = TELEGRAM_PER_CHAT_INTERVAL,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        margin: float = SAFETY_MARGIN,
    ) -> None:
        self.overall = overall
        self.window = window * (1 + margin)
        self.per_chat_interval = per_chat_interval * (1 + margin)
        self.clock = clock
        self._sleep = sleep
        self._recent: deque[float] = deque(maxlen=overall)  # the last `overall` send times
        self._last_in_chat: dict[str, float] = {}
        self._chat_paused_until: dict[str, float] = {}
        self._paused_until = float("-inf")
        self._lock = asyncio.Lock()
        self.waited = 0.0  # seconds spent waiting, for reports

    def ready_at(self, chat: str) -> float:
        """The earliest clock time a message to `chat` may go."""
        # Spread evenly (30 in the same millisecond is a burst Telegram may refuse), never more than
        # `overall` in any window, and the chat's own pause and spacing.
        return max(self._overall_ready_at(), self.chat_ready_at(chat))

    def chat_ready_at(self, chat: str, spaced: bool = True) -> float:
        """The earliest clock time `chat` itself allows (its 429 pause; with `spaced`, one a second)."""
        at = self._chat_paused_until.get(chat, float("-inf"))
        last = self._last_in_chat.get(chat) if spaced else None
        if last is not None:
            at = max(at, last + self.per_chat_interval)
        return at

    async def acquire(self, chat: str) -> None:
        """Wait until a message to `chat` is allowed, and count it as sent now."""
        await self._acquire(chat, spaced=True)

    async def acquire_reply(self, chat: str) -> None:
        """As `acquire`, without the one-a-second spacing inside the chat (a reply's messages)."""
        await self._acquire(chat, spaced=False)

    async def _acquire(self, chat: str, spaced: bool) -> None:
        while True:
            # The chat's own wait, outside the lock: other chats go on meanwhile.
            now = self.clock()
            own = self.chat_ready_at(chat, spaced)
            if own > now:
                self.waited += own - now
                await self._sleep(own - now)
                continue
            async with self._lock:
                while True:
                    now = self.clock()
                    if self.chat_ready_at(chat, spaced) > now:
                        break  # paused while we waited for the lock: wait outside it again
                    at = self.ready_at(chat) if spaced else self._overall_ready_at()
                    if at <= now:
                        self._record(chat, now)
                        return
                    self.waited += at - now
                    await self._sleep(at - now)

    def _overall_ready_at(self) -> float:
        at = self._paused_until
        if self._recent:
            at = max(at, self._recent[-1] + self.window / self.overall)
        if len(self._recent) == self.overall:
            at = max(at, self._recent[0] + self.window)
        return at

    def _record(self, chat: str, now: float) -> None:
        self._recent.append(now)
        self._last_in_chat[chat] = now
        if len(self._last_in_chat) > 50_000:
            self._forget_idle_chats(now)

    def pause(self, seconds: float) -> None:
        """Telegram said 429 retry_after: nobody sends until that much time has passed."""
        self._paused_until = max(self._paused_until, self.clock() + max(0.0, seconds))

    def pause_chat(self, chat: str, seconds: float) -> None:
        """Telegram said 429 retry_after for a message to `chat`: only that chat waits."""
        until = self.clock() + max(0.0, seconds)
        self._chat_paused_until[chat] = max(self._chat_paused_until.get(chat, until), until)
        if len(self._chat_paused_until) > 1_000:
            now = self.clock()
            self._chat_paused_until = {c: t for c, t in self._chat_paused_until.items() if t > now}

    def _forget_idle_chats(self, now: float) -> None:
        cutoff = now - self.per_chat_interval
        self._last_in_chat = {c: t for c, t in self._last_in_chat.items() if t > cutoff}


class VirtualClock:
    """A clock for tests and the benchmark: sleeping moves it forward instantly instead of waiting.

    With `follow_real_time` it also advances with the real clock, so the time spent in the database
    and the sender still counts and a measured rate is honest; only the waits are skipped.
    Meant for one sequential user (a tick); concurrent sleepers would each move the shared time.
    """

    def __init__(self, start: float = 0.0, follow_real_time: bool = False) -> None:
        self._skipped = start
        self._follow = follow_real_time
        self._real_start = time.perf_counter()

    def __call__(self) -> float:
        real = time.perf_counter() - self._real_start if self._follow else 0.0
        return self._skipped + real

    async def sleep(self, seconds: float) -> None:
        self._skipped += max(0.0, seconds)
        await asyncio.sleep(0)  # still let other tasks run, as a real sleep would
