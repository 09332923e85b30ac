"""`python -m bot ask`: the JSON fields, --batch order, unknown region, and logging of declined
questions to the database (real SQLite in a temporary data directory)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from storage import questions
from storage.db import Database

FIELDS = {"answered", "decision", "kind", "answer", "sources", "confidence", "suggestions", "region"}
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["ask", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_answer_has_exactly_the_fields_and_the_source(capsys) -> None:
    code, out, _ = run(capsys, "--region", "jilin", "--json", "--no-log", "床位要多少张")
    record = json.loads(out)
    assert code == 0 and set(record) == FIELDS
    assert record["answered"] is True and record["region"] == "jilin"
    assert "30张" in record["answer"] and "📄 出处" in record["answer"]
    beds = {"document": "吉林省社区医院建设实施方案", "number": "吉卫基层发〔2020〕5号", "section": "四（二）"}
    assert beds in record["sources"]
    assert 0.0 <= record["confidence"] <= 1.0


@pytest.mark.parametrize(
    ("question", "kind", "decision"),
    [
        ("你好", "smalltalk", "answer"),
        ("我们床位40张 使用率70% 能申请吗", "situation", "answer"),
        ("吉林和北京对公卫人员占比的要求一样吗", "comparison", "answer"),
        ("上海社区医院申报截止日期是哪天", "not_covered", "answer"),
        ("明天天气怎么样", "search", "decline"),
    ],
)
def test_json_says_the_kind_and_decision_of_the_reply(capsys, question: str, kind: str, decision: str) -> None:
    code, out, _ = run(capsys, "--region", "jilin", "--json", "--no-log", question)
    record = json.loads(out)
    assert code == 0 and record["kind"] == kind
    assert record["decision"] == decision or (decision == "answer" and record["decision"] == "likely")
    assert record["answered"] == (record["decision"] in ("answer", "likely"))


def test_a_situations_sources_are_the_rules_it_applied(capsys) -> None:
    _, out, _ = run(capsys, "--region", "jilin", "--json", "--no-log", "我们床位40张 使用率70% 能申请吗")
    record = json.loads(out)
    assert {
        "document": "吉林省社区医院建设实施方案",
        "number": "吉卫基层发〔2020〕5号",
        "section": "四（二）",
    } in record["sources"]


def test_batch_keeps_order_and_skips_nothing_but_blank_lines(capsys, tmp_path: Path) -> None:
    lines = ["北京联系电话", "", "明天天气怎么样", "床位", "渝中验收什么时候"]
    batch = tmp_path / "questions.txt"
    batch.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = run(capsys, "--batch", str(batch), "--no-log", "--region", "jilin")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(records) == 4
    assert all(set(r) == FIELDS for r in records)
    assert records[0]["answered"] and records[0]["region"] == "beijing"  # named in the question
    assert not records[1]["answered"] and records[1]["sources"] == [] and records[1]["suggestions"] == []
    assert not records[2]["answered"] and 1 <= len(records[2]["suggestions"]) <= 3
    assert records[3]["region"] == "chongqing-yuzhong"


def test_unknown_region_exits_2_in_chinese(capsys) -> None:
    code, out, err = run(capsys, "--region", "shanghai", "床位")
    assert code == 2 and out == "" and "没有" in err and "jilin" in err


def test_no_question_exits_2(capsys) -> None:
    code, _, err = run(capsys, "  ")
    assert code == 2 and err


def test_declined_question_is_logged_unless_no_log(capsys, data_dir: Path) -> None:
    run(capsys, "--region", "beijing", "--no-log", "明天天气怎么样")
    run(capsys, "--region", "beijing", "护士工资什么时候涨")
    run(capsys, "--region", "beijing", "北京联系电话")  # answered: not logged

    async def logged() -> list[tuple[str, str | None]]:
        db = await Database.open(data_dir=data_dir)
        try:
            return [(q.text, q.region) for q in await questions.list_unanswered(db)]
        finally:
            await db.close()

    assert asyncio.run(logged()) == [("护士工资什么时候涨", "beijing")]


def test_plain_output_lists_suggestions(capsys) -> None:
    code, out, _ = run(capsys, "--region", "jilin", "--no-log", "床位")
    assert code == 0 and "  1. " in out


def test_whole_process_runs(data_dir: Path) -> None:
    """The real entry point as a separate process (the cold-start path: pickle cache, lazy imports)."""
    env = {"DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"}
    for _ in range(2):  # the first run builds the cache, the second loads it
        done = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "--json", "--no-log", "吉林床位使用率要多少"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert json.loads(done.stdout)["answered"] is True
    assert list(data_dir.glob("cache/search-index-*.pickle"))
