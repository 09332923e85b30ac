"""The bot's reminder loop: a NudgeRound every `interval` seconds, as one instance (issue 11 item 3).

- At start it takes an instance slot (bot.nudges.instance) and gives back every claim its instance
  id still holds: they were left by a process of this instance that died (kill -9), and no live
  process has this id, so they are sent again at once instead of after the 5-minute lease.
- `stop()` (the application's post_stop, after SIGTERM/SIGINT) asks the running tick to end between
  two messages: the message on its way is finished and marked sent, the rest of the slice is given
  back. After STOP_GRACE seconds the tick is cancelled instead; whatever the instance still holds
  is then given back too, and the slot released.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import traceback
from collections.abc import Callable
from pathlib import Path

from bot.delivery import Sender
from bot.nudges.inflight import DEFAULT_MOST
from bot.nudges.instance import Instance
from bot.nudges.tick import NudgeRound
from bot.pace import Limiter
from core import clock
from knowledge.base import KnowledgeBase
from storage import nudges as store
from storage.db import Database

log = logging.getLogger(__name__)

STOP_GRACE = 15.0  # seconds a stopping tick may take to finish the message on its way


class NudgeLoop:
    """Runs the reminder rounds in a task of its own; `start` once, `stop` once."""

    def __init__(
        self, data_dir: Path, interval: float, per_second: float = 30.0, most_in_flight: int = DEFAULT_MOST
    ) -> None:
        self.data_dir = data_dir
        self.interval = interval
        self.round = NudgeRound(per_second, most_in_flight)  # bot.nudges.inflight: messages on their way
        self.instance: Instance | None = None
        self.task: asyncio.Task[None] | None = None
        self.stopping = asyncio.Event()
        self._db: Database | None = None
        self._own_instance = True

    def start(
        self,
        context: Callable[[], tuple[Database, KnowledgeBase]],
        sender: Sender,
        limiter: Limiter,
        instance: Instance | None = None,
    ) -> None:
        """Take the instance slot (or use `instance`, the process's: the shell's, which it releases
        itself) and start the loop. `context()` gives the current database and knowledge base each
        round (a reload replaces the knowledge base). Raises OSError when DATA_DIR cannot be written."""
        self._own_instance = instance is None
        self.instance = instance or Instance.acquire(self.data_dir)
        log.info("reminder loop started as instance slot %s", self.instance.id.rsplit(":", 1)[-1])
        self.task = asyncio.create_task(self._run(context, sender, limiter))

    async def _run(
        self, context: Callable[[], tuple[Database, KnowledgeBase]], sender: Sender, limiter: Limiter
    ) -> None:
        assert self.instance is not None
        owner = self.instance.id
        run_round = self.round
        reclaimed = False
        while not self.stopping.is_set():
            try:
                db, kb = context()
                self._db = db
                if not reclaimed:
                    taken = await store.release_owner(db, owner)
                    reclaimed = True
                    if taken:
                        log.info("took back %d reminders a previous process of this instance held", taken)
                await run_round(db, kb, sender, clock.now(), limiter, owner=owner, stopping=self.stopping)
            except Exception as exc:  # the loop must survive a bad tick; the next one retries
                frames = "".join(traceback.format_tb(exc.__traceback__))
                log.error("nudge tick failed with %s\n%s", type(exc).__name__, frames)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stopping.wait(), self.interval)

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """End the loop: let the tick finish its message in flight (up to `grace` seconds), give
        back every claim still held, release the instance slot."""
        self.stopping.set()
        if self.task is not None:
            done, _ = await asyncio.wait({self.task}, timeout=grace)
            if not done:
                log.warning("the reminder tick did not stop within %.0f s; cancelling it", grace)
                self.task.cancel()
                await asyncio.gather(self.task, return_exceptions=True)
            self.task = None
        if self.instance is not None:
            if self._db is not None:
                try:
                    left = await store.release_owner(self._db, self.instance.id)
                    if left:
                        log.info("gave back %d reminders still claimed at stop", left)
                except Exception as exc:  # the database may be gone; the restart takes them back
                    log.warning("could not give back claims at stop: %s", type(exc).__name__)
            if self._own_instance:
                self.instance.release()
            self.instance = None
