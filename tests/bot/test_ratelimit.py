"""The limiter's per-chat waits (issue 11 item 4): one chat's 429 holds that chat only."""

from __future__ import annotations

import asyncio

from bot.ratelimit import RateLimiter, VirtualClock


class StoppedClock:
    """Time stands still until `advance`; a sleeper waits for real until then."""

    def __init__(self) -> None:
        self.now = 0.0
        self._moved = asyncio.Event()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        until = self.now + seconds
        while self.now < until:
            self._moved.clear()
            await self._moved.wait()

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self._moved.set()


async def test_a_chat_paused_by_429_does_not_hold_other_chats() -> None:
    clock = StoppedClock()
    limiter = RateLimiter(overall=30, clock=clock, sleep=clock.sleep)
    limiter.pause_chat("flooded", 30)
    waiting = asyncio.create_task(limiter.acquire_reply("flooded"))
    await asyncio.sleep(0.01)  # the flooded chat is waiting now
    others = asyncio.gather(*(limiter.acquire_reply(chat) for chat in ("a", "b", "c")))
    for _ in range(3):  # the overall pace spreads them by 1/30 s each: a little time, never 30 s
        await asyncio.sleep(0.01)
        clock.advance(0.1)
    await asyncio.wait_for(others, 1)  # done while the flooded chat still waits
    assert not waiting.done()
    clock.advance(30)
    await asyncio.wait_for(waiting, 1)


async def test_replies_to_one_chat_are_not_spaced_but_nudges_are() -> None:
    clock = VirtualClock()
    limiter = RateLimiter(overall=30, clock=clock, sleep=clock.sleep)
    for _ in range(3):
        await limiter.acquire_reply("a")
    assert clock() < 0.2  # a turn's messages go together (only the overall spreading applies)
    for _ in range(3):
        await limiter.acquire("b")
    assert clock() >= 2.0  # one a second per chat


async def test_a_bot_wide_pause_still_holds_everyone() -> None:
    clock = VirtualClock()
    limiter = RateLimiter(overall=30, clock=clock, sleep=clock.sleep)
    limiter.pause(5)
    await limiter.acquire_reply("a")
    assert clock() >= 5
