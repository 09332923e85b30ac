"""Newcomer trial 3, N15: the goodbye after /forget does not say the progress was saved; after any
other session it does."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import texts
from bot.settings import Settings
from bot.terminal import run_chat


async def _session(tmp_path: Path, typed: list[str]) -> str:
    lines = iter(typed)
    out = io.StringIO()
    settings = Settings(_env_file=None, data_dir=tmp_path)
    assert await run_chat(settings, "bye", lines=lambda: next(lines), out=out) == 0
    return out.getvalue()


@pytest.mark.parametrize("confirm", ["1", "是", "确定"])
async def test_bye_after_forget_says_the_data_is_gone(tmp_path: Path, confirm: str) -> None:
    said = await _session(tmp_path, ["2", "/forget", confirm, "/quit"])
    assert texts.TERMINAL_BYE_FORGOTTEN.format(user="bye") in said
    assert "进度已保存" not in said.split("已删除")[-1]


@pytest.mark.parametrize("typed", [["2", "/quit"], ["2", "/forget", "不删除", "/quit"], ["2", "/check", "/quit"]])
async def test_bye_otherwise_says_the_progress_is_kept(tmp_path: Path, typed: list[str]) -> None:
    said = await _session(tmp_path, typed)
    assert texts.TERMINAL_BYE.format(user="bye") in said and texts.TERMINAL_BYE_FORGOTTEN[:8] not in said


async def test_ctrl_c_says_goodbye_at_once(tmp_path: Path) -> None:
    """Newcomer trial 3, F10: Ctrl-C showed nothing, and the next line typed was lost as the chat exited."""
    typed = iter(["2"])

    def lines() -> str:
        line = next(typed, None)
        if line is None:
            raise KeyboardInterrupt
        return line

    out = io.StringIO()
    settings = Settings(_env_file=None, data_dir=tmp_path)
    assert await run_chat(settings, "bye", lines=lines, out=out) == 0
    assert texts.TERMINAL_BYE.format(user="bye") in out.getvalue()
