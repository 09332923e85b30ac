"""Memory of the running bot (run by hand: .venv/bin/python tests/bench/bench_memory.py).

Starts the real Telegram Application (PTB, storage on SQLite in a temporary directory, the shipped
knowledge base) against the fake Bot API in this process, sends it every question of the blind
development set from one director plus a /check run, and prints the process's resident memory
(RSS) after start-up and at the end, beside a bare Python process with the same imports not yet
loaded (baseline). No network; numbers are this machine's.
"""

from __future__ import annotations

import asyncio
import resource
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DEVBLIND = ROOT / "tests" / "eval" / "devblind.yaml"


def rss_mib() -> float:
    """The current resident set size (Linux /proc), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def run() -> None:
    from bot.settings import Settings
    from bot.telegram.app import build_application
    from knowledge.base import load
    from storage.db import Database
    from tests.eval.blind import load_items
    from tests.fakes.phone import BotDriver
    from tests.fakes.telegram_api import FakeTelegram

    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(data_dir=Path(tmp))
        fake = FakeTelegram()
        kb = load()
        settings = Settings(_env_file=None, telegram_bot_token=fake.token, data_dir=Path(tmp))
        app = build_application(settings, request=fake.request(), db=db, kb=kb)
        driver = await BotDriver.start(fake, app)
        kb.index  # noqa: B018 - built at start-up by the bot too
        print(f"{'after start-up (PTB, storage, knowledge base, search index)':60} {rss_mib():6.1f} MiB")
        user = fake.user("测试主任")
        await user.send("/start")
        await user.press("2. 吉林省")
        items = load_items(DEVBLIND)
        for item in items:
            await user.send(item.q)
        await user.send("/check")
        print(f"{f'after {len(items)} questions and /check':60} {rss_mib():6.1f} MiB")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        print(f"{'peak RSS (getrusage)':60} {peak:6.1f} MiB")
        await driver.stop()
        await db.close()


def main() -> int:
    print(f"{'bare interpreter with this script loaded':60} {rss_mib():6.1f} MiB (baseline)")
    asyncio.run(run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
