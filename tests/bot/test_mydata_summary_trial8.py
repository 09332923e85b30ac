"""Newcomer trial 8, N37: /mydata gave only a file path to a JSON with fields like 去重标识; a director wants
to read what is stored in the chat. The chat now says it in a few lines (region, stage, reminders, the
answers by label, own reminders, questions recorded) and the whole file is still attached."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.terminal import TerminalChat
from bot.wiring import build_assistant
from dialogs.texts import mydata as M


@pytest.mark.parametrize(("choice", "region"), [("2", "吉林省"), ("4", "北京市")])
async def test_mydata_says_what_is_stored_in_the_chat_and_attaches_the_file(
    sqlite_db, kb, tmp_path: Path, choice: str, region: str
) -> None:
    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()
    await chat.send(choice)
    await chat.send("/check")
    await chat.send("1")  # the first question's first button
    await chat.send("/cancel")
    await chat.send("提醒我下周三交材料")
    out.truncate(0)
    await chat.send("/mydata")
    said = out.getvalue()
    assert (tmp_path / "exports" / "me" / "mydata.json").exists()
    assert M.SUMMARY_HEAD in said and region in said
    assert M.SUMMARY_ANSWERS.format(n=1) in said and M.SUMMARY_REMINDERS.format(n=1) in said and "交材料" in said
    assert "去重标识" not in said and "{" not in said


def test_nothing_stored_is_said_plainly(kb) -> None:
    from dialogs.mydata import summary

    assert summary({}, kb) == M.SUMMARY_NOTHING


@pytest.mark.parametrize(
    "stored",
    [
        ["2026-12-09", "2027-01-27", "2026-12-03", "2026-12-05"],
        ["2027-03-01", "2026-12-31"],
        ["2026-12-05", "2026-12-04", "2026-12-03"],
    ],
)
def test_own_reminders_are_listed_by_date(kb, stored: list[str]) -> None:
    """Newcomer trial 11, N12: the summary listed own reminders in the order they were stored."""
    from dialogs.mydata import summary

    raw = {"user": {"region": "beijing"}, "own_reminders": [{"date": d, "title": f"事项{d}"} for d in stored]}
    said = summary(raw, kb)
    assert [said.index(f"事项{d}") for d in sorted(stored)] == sorted(said.index(f"事项{d}") for d in stored)
