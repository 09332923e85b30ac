"""How many reminders may be on their way at once (issue 11 item 5, with a real network).

A message holds its place from the moment it is handed to the sender until it is marked sent (the
request's round trip to Telegram, then one UPDATE). To keep the bot's pace of `per_second` while
each place is held `hold` seconds, about per_second × hold places are needed (Little's law): at 28
messages/s, 2 places at 50 ms, 5 at 150 ms, 9 at 300 ms. One place (what the tick had before)
caps an instance at 1/hold messages/s: 3.3/s at 300 ms, 11 % of Telegram's 30/s.

The price, decided here: a kill -9 cannot tell which of the messages on their way reached Telegram
(Telegram has no idempotency key), so the restarted instance sends all of them again; most had
arrived. A kill -9 therefore costs at most `limit` duplicates (on average the messages actually
in flight, this instance's share of the pace × hold), never a lost reminder; a SIGTERM costs none
(the tick finishes what is on its way). `most` (setting MAX_NUDGES_IN_FLIGHT) bounds it: 1 gives
at most one duplicate per kill -9 at the cost of the pace over a slow network.

The window grows and shrinks with the hold time measured (an exponentially weighted mean of the
last sends, its first value the first send's), starting from one place; the pace itself is set by
the limiter (bot.pace), so a wider window never sends faster than the pace, it only keeps it.
"""

from __future__ import annotations

import asyncio
import math

HEADROOM = 1.25  # places beyond the mean need: hold times vary from one send to the next
SMOOTHING = 0.2  # weight of the newest hold time in the mean
DEFAULT_MOST = 16  # places at most: the pace of 28/s up to about 450 ms held (the setting's default)


class InFlight:
    """A semaphore whose size follows the pace × the measured hold time, between 1 and `most`.
    `acquire()` and `release()` as asyncio.Lock's (bot.nudges.send uses it as its gate);
    `observe(seconds)` reports one message's hold time."""

    def __init__(self, per_second: float, most: int = DEFAULT_MOST) -> None:
        self.per_second = max(0.0, per_second)
        self.most = max(1, most)
        self.hold: float | None = None  # mean seconds a place is held; None before the first send
        self.busy = 0
        self.peak = 0  # most places ever held at once (for reports)
        self._waiters: list[asyncio.Future[None]] = []

    @property
    def limit(self) -> int:
        """Places now: ceil(per_second × hold × HEADROOM), between 1 and `most`."""
        if self.hold is None:
            return 1
        return max(1, min(self.most, math.ceil(self.per_second * self.hold * HEADROOM)))

    async def acquire(self) -> bool:
        """Wait for a free place and take it; True (as asyncio.Lock.acquire). Cancellable."""
        while self.busy >= self.limit:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            except asyncio.CancelledError:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
                else:
                    self._wake()  # woken, then cancelled: pass the place on
                raise
        self.busy += 1
        self.peak = max(self.peak, self.busy)
        return True

    def release(self) -> None:
        """Give a place back."""
        self.busy = max(0, self.busy - 1)
        self._wake()

    def observe(self, seconds: float) -> None:
        """One message's hold time (handed over to marked), in seconds."""
        seconds = max(0.0, seconds)
        self.hold = seconds if self.hold is None else (1 - SMOOTHING) * self.hold + SMOOTHING * seconds
        self._wake()  # a longer hold may open places

    def locked(self) -> bool:
        """No place free now (as asyncio.Lock.locked)."""
        return self.busy >= self.limit

    def _wake(self) -> None:
        free = self.limit - self.busy
        while free > 0 and self._waiters:
            waiter = self._waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                free -= 1
