"""bot.startup: no cyclic collection during a start-up, the collector on again after it, and what
start-up made frozen only in a whole process (a test calling main() freezes nothing)."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from bot import startup

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _not_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup, "_whole_process", [False])


def test_collector_off_inside_and_on_after() -> None:
    frozen = gc.get_freeze_count()
    with startup.start_up():
        assert not gc.isenabled()
        with startup.start_up():  # nested: changes nothing
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen  # not a whole process: nothing frozen


def test_collector_on_again_after_an_error() -> None:
    with pytest.raises(SystemExit), startup.start_up():
        raise SystemExit(2)
    assert gc.isenabled()


def test_a_whole_process_freezes_its_start_up() -> None:
    code = (
        "import gc\n"
        "from bot import startup\n"
        "startup.whole_process()\n"
        "with startup.start_up():\n"
        "    kept = [[i] for i in range(1000)]\n"
        "print(gc.isenabled(), gc.get_freeze_count() >= 1000)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "True True"
