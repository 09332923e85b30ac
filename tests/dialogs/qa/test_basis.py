"""Which documents a step rests on ("评估除了社区医院基本标准还看哪个文件"): the entry naming a document the
question does not, not the governing-text line with an empty list of related rules (sealed set 9, s9b010)."""

from __future__ import annotations

import pytest

from dialogs.texts import qa_docs as D
from tests.dialogs.qa.conftest import turn_for


@pytest.mark.parametrize(
    "q",
    [
        "北京社区医院评估除了社区医院基本标准还看哪个文件？",
        "北京评估社区医院除了518号还按哪个文件",
        "北京社区医院评估看哪个文件",
        "北京社区医院评估还要依哪个文件",
    ],
)
def test_the_basis_of_a_step_names_its_documents(kb, now, q: str) -> None:
    turn = turn_for(kb, now, q, region="beijing")
    assert turn.answered
    assert "87号" in turn.text and "信息化建设标准" in turn.text
    assert D.IN_FORCE_RELATED not in turn.text


@pytest.mark.parametrize("q", ["北京现在看哪个文件", "吉林申报现在按哪个文件"])
def test_which_text_applies_is_still_the_governing_line(kb, now, q: str) -> None:
    region = "beijing" if q.startswith("北京") else "jilin"
    turn = turn_for(kb, now, q, region=region)
    assert turn.kind == "in_force"
