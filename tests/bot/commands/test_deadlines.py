"""`python -m bot deadlines`: the governing text of the region's procedure on --today, in the text
and in --json (issue 9), and only that day's status-note sources."""

from __future__ import annotations

import json

import pytest

from bot.__main__ import main as cli


def run(capsys, *argv: str) -> tuple[int, str]:
    code = cli(["deadlines", *argv])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("today", "document", "superseded", "covered"),
    [
        ("2023-03-10", "jilin-2020", [], True),
        ("2024-03-10", "jilin-2024", ["jilin-2020"], True),
        ("2026-03-10", None, ["jilin-2020"], False),
    ],
)
def test_json_names_the_text_governing_the_procedure_on_the_day(capsys, today, document, superseded, covered):
    code, out = run(capsys, "--region", "jilin", "--today", today, "--json")
    data = json.loads(out)
    assert code == 0
    g = data["governing"]
    assert (g["point"], g["document"], g["covered"], g["superseded"]) == ("procedure", document, covered, superseded)
    assert g["ask"] == "市（州）卫生健康委" and g["note"].startswith("社区医院的评价、复核和上报程序：")
    if covered:
        assert g["from"] == ("2020-08-12" if document == "jilin-2020" else "2024-01-01")
        assert g["until"] == ("2023-12-31" if document == "jilin-2020" else "2025-12-31")
        # every date listed comes from the text governing that day
        numbers = {d["source"]["number"] for d in data["deadlines"] if d["date"] < g["until"]}
        assert numbers == {"吉卫基层发〔2020〕5号" if document == "jilin-2020" else "吉卫联发〔2024〕17号"}
    else:
        assert g["lapsed"] == "jilin-2024" and data["deadlines"] == []
        assert "2026年3月10日适用的文件尚未收录" in g["note"]


def test_json_note_sources_are_that_days_only(capsys):
    _, out = run(capsys, "--region", "jilin", "--today", "2024-03-10", "--json")
    data = json.loads(out)
    assert [s["section"] for s in data["note_sources"]] == ["二（一）", "三（三）"]
    _, out = run(capsys, "--region", "jilin", "--today", "2023-03-10", "--json")
    assert "note" not in json.loads(out) and "note_sources" not in json.loads(out)


def test_text_ends_with_the_governing_line(capsys):
    code, out = run(capsys, "--region", "jilin", "--today", "2024-03-10")
    last = out.rstrip("\n").splitlines()[-1]
    assert code == 0 and last.startswith("📜 适用文件：社区医院的评价、复核和上报程序：")
    assert "2024年3月10日适用吉卫联发〔2024〕17号" in last
    assert "引言" not in out  # the 2026 note's source is not that day's
    _, out = run(capsys, "--region", "beijing", "--today", "2026-03-10")
    assert "📜 适用文件：社区医院的评估、命名和上报程序：本助手收录的文件只到" in out
    assert "2026年3月10日适用的文件尚未收录" in out
