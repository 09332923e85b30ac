"""A breaker's findings on `python -m bot ask`'s logging (each a test of its kind).

B4: when the declined question cannot be logged (DATA_DIR unusable, a database written by newer
code), `ask` has already printed the answer, then dies with a traceback and exit code 1: a script
reading `--json` or the exit code takes the answered question for a failure. The log is a side
effect; it should warn on stderr and exit 0."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.__main__ import main

DECLINED = "护士资格证考试什么时候报名"


def _ask(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(["ask", "--json", "--region", "jilin", DECLINED])
    except Exception as exc:  # the finding: it raises
        code = f"raised {type(exc).__name__}"  # type: ignore[assignment]
    return code, capsys.readouterr().out


def test_b4_an_unusable_data_dir_does_not_fail_the_answer(capsys, tmp_path: Path, monkeypatch) -> None:
    not_a_dir = tmp_path / "data"
    not_a_dir.write_text("a file where the data directory should be", encoding="utf-8")
    monkeypatch.setenv("DATA_DIR", str(not_a_dir))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    code, out = _ask(capsys)
    assert '"decision": "decline"' in out
    assert code == 0


def test_b4_a_database_of_newer_code_does_not_fail_the_answer(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert _ask(capsys)[0] == 0  # creates the file at head
    with sqlite3.connect(tmp_path / "assistant.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_newer'")
    code, out = _ask(capsys)
    assert '"decision": "decline"' in out
    assert code == 0
