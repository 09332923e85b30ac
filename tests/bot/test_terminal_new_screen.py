"""Breaker B9: no reply points at text the user cannot see. A governing-text note (📜) said in full once
per conversation is then only referred to (详见前文说明); a terminal chat started again opens on a new
screen, so the first note after it is said in full again."""

import io
from pathlib import Path

from bot.terminal import TerminalChat
from bot.wiring import build_assistant
from dialogs.notes_once import NOTE_PREFIX
from dialogs.texts import common as T

ASKED = "吉林什么时候申报"  # answered with the note on which text governs Jilin's procedure today


def notes(replies) -> list[str]:
    return [line for r in replies for line in r.text.split("\n") if line.startswith(NOTE_PREFIX)]


async def test_a_note_is_said_in_full_again_on_a_new_terminal_screen(sqlite_db, kb, tmp_path: Path) -> None:
    now = "2026-12-01T10:00:00+08:00"
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", io.StringIO(), tmp_path)
    await chat.opening(now)
    await chat.send("吉林", now)
    first = notes(await chat.send(ASKED, now))
    assert first and not any(T.NOTE_SEEN in n for n in first)
    again = notes(await chat.send(ASKED, now))
    assert again and all(T.NOTE_SEEN in n for n in again)  # on the same screen: referred to, above

    out = io.StringIO()
    restarted = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await restarted.opening(now)
    after = notes(await restarted.send(ASKED, now))
    assert after == first and T.NOTE_SEEN not in out.getvalue()
