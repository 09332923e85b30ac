"""`kb check` passes on the shipped data and fails, naming file, entry and fault, on broken copies;
the `kb` command's exit codes; `kb unanswered` grouping questions read from a real SQLite database."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main as cli
from knowledge.base import KnowledgeBase
from knowledge.check import run_checks
from knowledge.regions import DATA
from knowledge.unanswered import LoggedQuestion, group_questions, normalise
from storage.db import Database
from storage.questions import log_unanswered

REPO = Path(__file__).resolve().parents[2]

ANSWER = "按吉林省方案（吉卫基层发〔2020〕5号），实际开放床位数不少于30张；吉卫联发〔2024〕17号没有重申这一条件。"
GOOD_ENTRY = """
- id: test-open-beds
  regions: [jilin]
  question: 吉林申请社区医院床位要多少张？
  phrasings: [床位要多少张, 吉林床位要求, 开放床位最少几张]
  answer: ANSWER
  citations:
    - {document: jilin-2020, section: 四（二）, quote: 实际开放床位数≥30张}
""".replace("ANSWER", ANSWER)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    return root


def test_the_shipped_knowledge_base_passes(kb) -> None:
    assert run_checks(kb) == []


def test_a_good_extra_file_passes(data_copy: Path) -> None:
    (data_copy / "faq" / "zz-test.yaml").write_text(GOOD_ENTRY, encoding="utf-8")
    assert run_checks(KnowledgeBase(data_copy)) == []


@pytest.mark.parametrize(
    "change,fault",
    [
        (("≥30张", "≥20张"), "citation 1: quote not found"),
        (("section: 四（二）", "section: 四（一）"), "found in section 四（二）"),
        (("regions: [jilin]", "regions: [shanghai]"), "unknown region 'shanghai'"),
        (("[床位要多少张, 吉林床位要求, 开放床位最少几张]", "[床位要多少张]"), "at least 3 distinct phrasings"),
        (("id: test-open-beds", "id: Test_Open_Beds"), "Test_Open_Beds: id: must match ^[a-z0-9-]+$"),
        (
            (f"  answer: {ANSWER}\n", ""),
            "test-open-beds: answer: missing",
        ),
        (("document: jilin-2020", "document: basic-standard-2019-reports"), "cannot cite basic-standard-2019-reports"),
        (("  question:", "  secondary: true\n  question:"), "needs provenance"),
        (("  phrasings:", "  phrasing: [x]\n  phrasings:"), "test-open-beds: phrasing: unknown key"),
        (("  answer: 按", "  answer: 要。按"), "the answer opens with '要。'"),
        (("吉卫联发〔2024〕17号没有重申这一条件。", "。"), "not named: selection-conditions (jilin): jilin-2024"),
        (("不少于30张", "不少于20张"), "says '不少于20张', but the rule that holds this passage says open-beds >=30张"),
        (("  question:", "  topic: open-beds\n  question:"), "topic 'open-beds' is already answered for jilin"),
    ],
)
def test_a_broken_entry_is_reported_with_file_and_entry(data_copy: Path, change: tuple[str, str], fault: str) -> None:
    old, new = change
    assert old in GOOD_ENTRY
    (data_copy / "faq" / "zz-test.yaml").write_text(GOOD_ENTRY.replace(old, new), encoding="utf-8")
    errors = run_checks(KnowledgeBase(data_copy))
    assert any(e.startswith("faq/zz-test.yaml: ") and fault in e for e in errors), errors


def test_duplicate_ids_and_bad_yaml_are_reported(data_copy: Path) -> None:
    (data_copy / "faq" / "zz-test.yaml").write_text(GOOD_ENTRY + GOOD_ENTRY, encoding="utf-8")
    (data_copy / "faq" / "zz-broken.yaml").write_text("- id: x\n  question: [unclosed\n", encoding="utf-8")
    errors = run_checks(KnowledgeBase(data_copy))
    assert "faq/zz-test.yaml: test-open-beds: duplicate id" in errors
    assert any(e.startswith("faq/zz-broken.yaml: -: YAML does not parse") for e in errors)


def test_a_secondary_answer_must_send_the_user_to_the_official_text(data_copy: Path) -> None:
    entry = GOOD_ENTRY.replace("  question:", "  secondary: true\n  provenance: 据新华社报道\n  question:")
    entry = entry.replace(
        "{document: jilin-2020, section: 四（二）, quote: 实际开放床位数≥30张}",
        "{document: basic-standard-2019-reports, section: B1, quote: at least 30}",
    )
    (data_copy / "faq" / "zz-test.yaml").write_text(entry, encoding="utf-8")
    errors = run_checks(KnowledgeBase(data_copy))
    assert any("must end with a line sending the user to the official text" in e for e in errors), errors
    fixed = entry.replace("没有重申这一条件。", "没有重申这一条件。\n    请以正式文件原文为准。")
    fixed = fixed.replace("answer: 按", "answer: |-\n    按")
    (data_copy / "faq" / "zz-test.yaml").write_text(fixed, encoding="utf-8")
    assert run_checks(KnowledgeBase(data_copy)) == []


def test_document_metadata_faults_are_reported(data_copy: Path) -> None:
    path = data_copy / "documents.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('date: "2020-08-12"', 'date: "12.8.2020"'), "utf-8")
    errors = run_checks(KnowledgeBase(data_copy))
    assert errors == [r"documents.yaml: jilin-2020: date: must match ^\d{4}(-\d{2}-\d{2})?$"]


def test_a_region_without_entries_is_reported(data_copy: Path) -> None:
    for f in (data_copy / "faq").glob("*.yaml"):
        f.unlink()
    (data_copy / "faq" / "zz-test.yaml").write_text(GOOD_ENTRY, encoding="utf-8")
    errors = run_checks(KnowledgeBase(data_copy))
    assert any("region beijing has 0 entries" in e for e in errors)


def test_cli_exit_codes(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["kb", "--root", str(data_copy), "check"]) == 0
    assert "知识库检查通过" in capsys.readouterr().out
    (data_copy / "faq" / "zz-test.yaml").write_text(GOOD_ENTRY.replace("≥30张", "≥31张"), encoding="utf-8")
    assert cli(["kb", "--root", str(data_copy), "check"]) == 1
    assert "faq/zz-test.yaml: test-open-beds: citation 1: quote not found" in capsys.readouterr().out
    assert cli(["kb", "sections", "jilin-2020"]) == 0
    assert "四（二）\t（二）遴选条件" in capsys.readouterr().out
    assert cli(["kb", "sections", "no-such-doc"]) == 2


def test_kb_check_as_a_whole_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "kb", "check"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("知识库检查通过：")


def test_grouping_puts_similar_questions_together() -> None:
    questions = [
        LoggedQuestion("社区医院要配几个护士", "jilin", "not-covered-nurse-ratio"),
        LoggedQuestion("社区医院要配几个护士？", "beijing", None),
        LoggedQuestion("社區醫院要配幾個護士", "jilin", "not-covered-nurse-ratio"),
        LoggedQuestion("停车场要多大", None, None),
    ]
    groups = group_questions(questions)
    assert [g.count for g in groups] == [3, 1]
    assert groups[0].best_candidate == "not-covered-nurse-ratio"
    assert groups[0].regions == {"jilin": 2, "beijing": 1}
    assert normalise("社區醫院　要配幾個護士？") == "社区医院要配几个护士"


def test_kb_unanswered_reads_a_real_database(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)

    async def fill() -> None:
        db = await Database.open(data_dir=tmp_path)
        try:
            for text, region in [
                ("护士要配多少", "jilin"),
                ("护士要配多少个", "jilin"),
                ("护士要配多少？", "beijing"),
                ("医保报销比例是多少", "jilin"),
            ]:
                await log_unanswered(db, text, region, "not-covered-nurse-ratio" if "护士" in text else None, 0.2)
        finally:
            await db.close()

    asyncio.run(fill())
    assert cli(["kb", "unanswered", "--data-dir", str(tmp_path), "--json"]) == 0
    groups = json.loads(capsys.readouterr().out)
    assert [g["count"] for g in groups] == [3, 1]
    assert groups[0]["best_candidate"] == "not-covered-nurse-ratio"
    assert groups[1]["sample"] == "医保报销比例是多少"
    assert cli(["kb", "unanswered", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "1. ×3" in out and "2. ×1  医保报销比例是多少" in out


def test_every_topic_in_use_is_listed_in_topics_md() -> None:
    from knowledge.faq import load_faq

    listed = (DATA / "faq" / "TOPICS.md").read_text(encoding="utf-8")
    used = {e.topic for e in load_faq(DATA) if e.topic}
    missing = sorted(t for t in used if f"`{t}`" not in listed)
    assert not missing, f"add these topics to knowledge/data/faq/TOPICS.md: {missing}"
