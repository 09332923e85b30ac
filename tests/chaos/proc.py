"""Bot processes for the chaos scenarios: start `python -m bot run` against a loopback fake Bot API,
kill -9 it, SIGTERM it, and make sure none outlives the harness.

Every child gets PR_SET_PDEATHSIG=SIGKILL (Linux), so even a harness killed with -9 takes its bots
with it; `reap_all()` (called in the runner's `finally`) kills and waits for any still running."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import signal
import sys
import time
from pathlib import Path

from tests.chaos.fakeapi import ChaosTelegram, TaggedServer

ROOT = Path(__file__).resolve().parents[2]
SETTING_NAMES = (
    "TELEGRAM_BOT_TOKEN", "ADMIN_IDS", "DATABASE_URL", "DATA_DIR", "WEBHOOK_URL", "WEBHOOK_PORT",
    "WEBHOOK_SECRET", "WEBHOOK_LISTEN", "TELEGRAM_API_BASE_URL", "LOG_LEVEL", "CONCURRENT_UPDATES",
    "MAX_MESSAGES_PER_SECOND", "MAX_NUDGES_IN_FLIGHT",
)  # fmt: skip
# A cold start on a busy 2-core machine takes a few seconds; this is a fuse. CHAOS_BOOT_TIMEOUT
# widens it: at load 25-30 (2026-12-01 20:20 UTC, others' evaluations) no bot was ready in 90 s.
BOOT_TIMEOUT = float(os.environ.get("CHAOS_BOOT_TIMEOUT") or 90.0)
_ALIVE: set[BotProcess] = set()


def _die_with_parent() -> None:
    os.setpgrp()  # its own process group: a terminal's Ctrl-C goes to the harness, which cleans up
    with contextlib.suppress(OSError):  # not Linux: reap_all() still cleans up
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    os.umask(0o022)  # the usual default, so file modes measured do not depend on the caller's umask


class BotProcess:
    """One `python -m bot run` (optionally `--webhook`) with its own tagged loopback server."""

    def __init__(
        self,
        fake: ChaosTelegram,
        slot: str,
        workdir: Path,
        env: dict[str, str],
        *,
        webhook: bool = False,
        clock_shift: float = 0.0,
    ) -> None:
        self.fake = fake
        self.slot = slot
        self.workdir = workdir
        self.extra_env = env
        self.webhook = webhook
        self.clock_shift = clock_shift
        self.starts = 0
        self.process: asyncio.subprocess.Process | None = None
        self.server: TaggedServer | None = None
        self.tag = ""
        self.started_at = 0.0
        self.log_path = workdir / f"bot-{slot}.log"

    @property
    def alive(self) -> bool:
        """Started and not yet exited."""
        return self.process is not None and self.process.returncode is None

    async def start(self, wait_ready: bool = True) -> float:
        """Start the process; with wait_ready, return the seconds until it polls (or set its webhook)."""
        assert not self.alive, "already running"
        self.starts += 1
        self.tag = f"{self.slot}#{self.starts}"
        if self.server is not None:
            await self.server.close()
        self.server = await self.fake.serve_as(self.tag)
        env = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES and "proxy" not in k.lower()}
        env.update(
            PYTHONPATH=str(ROOT),
            NO_PROXY="127.0.0.1,localhost",
            TELEGRAM_BOT_TOKEN=self.fake.token,
            TELEGRAM_API_BASE_URL=self.server.base_url,
            LOG_LEVEL="INFO",
        )
        env.update(self.extra_env)
        args = ["run", "--webhook"] if self.webhook else ["run"]
        if self.clock_shift or os.environ.get("CHAOS_PROFILE"):  # launch.py shifts, or profiles
            cmd = [sys.executable, "-m", "tests.chaos.launch", str(self.clock_shift), *args]
        else:
            cmd = [sys.executable, "-m", "bot", *args]
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")  # noqa: SIM115 (the child owns it; closed below)
        log.write(f"\n=== start {self.tag} at {time.strftime('%H:%M:%S')} ===\n".encode())
        log.flush()
        self.started_at = time.monotonic()
        try:
            self.process = await asyncio.create_subprocess_exec(
                *cmd, cwd=self.workdir, env=env, stdin=asyncio.subprocess.DEVNULL,
                stdout=log, stderr=log, preexec_fn=_die_with_parent,
            )  # fmt: skip
        finally:
            log.close()
        _ALIVE.add(self)
        if wait_ready:
            return await self.ready()
        return 0.0

    async def ready(self, timeout: float = BOOT_TIMEOUT) -> float:
        """Seconds since start when the process polled (or set its webhook); raises if it died."""
        method = "setwebhook" if self.webhook else "getupdates"
        deadline = time.monotonic() + timeout
        while not self.fake.arrived(self.tag, method, since=self.started_at):
            if not self.alive:
                code = self.returncode()
                raise RuntimeError(f"bot {self.tag} exited with {code} while starting; see {self.log_path}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"bot {self.tag} not ready after {timeout:.0f} s; see {self.log_path}")
            await asyncio.sleep(0.02)
        return time.monotonic() - self.started_at

    def returncode(self) -> int | None:
        """The exit status, None while running or before the first start."""
        return None if self.process is None else self.process.returncode

    async def kill9(self) -> None:
        """SIGKILL, and wait for the process to be gone."""
        if self.alive:
            assert self.process is not None
            self.process.send_signal(signal.SIGKILL)
            await self.process.wait()
        _ALIVE.discard(self)

    async def terminate(self, timeout: float = 30.0) -> float | None:
        """SIGTERM; the seconds it took to exit, or None when it had to be killed after `timeout`."""
        if not self.alive:
            return 0.0
        assert self.process is not None
        began = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            await self.kill9()
            return None
        _ALIVE.discard(self)
        return time.monotonic() - began

    async def close(self) -> None:
        """Kill the process if it runs and close its loopback server."""
        await self.kill9()
        if self.server is not None:
            await self.server.close()
            self.server = None

    def log_tail(self, lines: int = 20) -> str:
        """The last lines of the process's log, for error reports."""
        try:
            return "\n".join(self.log_path.read_text("utf-8", "replace").splitlines()[-lines:])
        except OSError:
            return ""


async def reap_all() -> None:
    """Kill (SIGKILL) and wait for every bot process still running."""
    for bot in list(_ALIVE):
        await bot.close()
    _ALIVE.clear()
