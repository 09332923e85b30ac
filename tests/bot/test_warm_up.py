"""bot.wiring.warm_up: the bot makes at start-up what a first question would make (issue 12), and
a question's turn after it is the turn without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot import texts
from bot.wiring import warm_up
from core.model import UserState
from dialogs import qa
from knowledge.base import load

ROOT = Path(__file__).resolve().parents[2]


def test_the_turns_after_it_are_the_same(now) -> None:  # type: ignore[no-untyped-def]
    cold, warm = load(), load()
    warm_up(warm)
    for question in ("床位要多少张", "吉林社區醫院申請截止是幾月幾號", "服务人口要求多少万人", texts.WARM_UP_QUESTION):
        assert qa.respond(UserState(), question, warm, now) == qa.respond(UserState(), question, cold, now)


def test_a_warmed_process_builds_nothing_on_its_first_question(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from bot.wiring import load_knowledge, warm_up\n"
        "from knowledge.search import intent, labels, bare_list\n"
        "from knowledge import places\n"
        f"kb = load_knowledge(Path({str(tmp_path)!r}))\n"
        "warm_up(kb)\n"
        "built = [f.cache_info().currsize for f in (intent.cues, labels._label, labels._run_on, bare_list._words,"
        " places._gazetteer)]\n"
        "print(all(built), kb.index.analyzer._tokenizer is not None, 'cn2an' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "True True True"
