"""/mydata's file is for the director (newcomer trial, M1): after a /check begun, a stage set, an own
reminder, a planned reminder and a declined question, the file a terminal user gets has no English key
anywhere, no true/false and no ISO timestamp (the sender's bookkeeping kept apart under 技术信息), and
each answer sits under its question's label."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from bot.terminal import TerminalChat
from bot.wiring import build_assistant
from dialogs.texts import mydata as M

LATIN = re.compile(r"[A-Za-z]")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _walk(value: Any, keys: list[str], leaves: list[Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            keys.append(k)
            if k == M.TECHNICAL:  # the sender's bookkeeping, labelled in Chinese, values as stored
                continue
            _walk(v, keys, leaves)
    elif isinstance(value, list):
        for v in value:
            _walk(v, keys, leaves)
    else:
        leaves.append(value)


async def test_the_export_reads_in_chinese(sqlite_db, kb, tmp_path: Path) -> None:
    out = io.StringIO()
    chat = TerminalChat(build_assistant(sqlite_db, kb, "terminal"), "me", out, tmp_path)
    await chat.opening()
    await chat.send("2")  # 吉林省
    await chat.send("/check")
    await chat.send("1")  # the first question's first button
    await chat.send("/cancel")
    await chat.send("/remind")
    await chat.send("交材料 明年3月15日")
    await chat.send("/cancel")
    await chat.send("火星上能建社区医院吗")  # declined, logged for the maintainers
    await chat.send("/mydata")
    exported = json.loads((tmp_path / "exports" / "me" / "mydata.json").read_text(encoding="utf-8"))
    keys: list[str] = []
    leaves: list[Any] = []
    _walk(exported, keys, leaves)
    assert keys and not [k for k in keys if LATIN.search(k)], [k for k in keys if LATIN.search(k)]
    assert not [v for v in leaves if isinstance(v, bool)]
    assert not [v for v in leaves if isinstance(v, str) and ISO.search(v)]
    assert exported[M.NOTE_KEY] == M.NOTE
    assert exported[M.SECTIONS["user"]][M.COLUMNS["region"]] == "吉林省"
    answers = exported[M.SECTIONS["profile_answers"]]
    assert answers and all(k in {s.label for s in kb.fields.values()} for k in answers), answers
    reminders = exported[M.SECTIONS["own_reminders"]]
    assert [r[M.COLUMNS["title"]] for r in reminders] == ["交材料"]
    assert reminders[0][M.COLUMNS["date"]].endswith("年3月15日")
    assert any("火星" in q[M.COLUMNS["text"]] for q in exported[M.SECTIONS["unanswered_questions"]])
