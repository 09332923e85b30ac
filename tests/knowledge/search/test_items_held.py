"""Facts of the texts that an entry held only in paraphrase or that no phrasing reached (issue 12,
brief rank, sealed set 5's "no entry holds it" misses): an entry restating a sentence keeps the items
that sentence lists (渝中's 社会地位, 归属感, 利用率), and the entry holding a listed fact is found by
a question that asks for the list's members (which professional bodies guide). Wordings of our own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "region", "entry", "words"),
    [
        ("渝中建社区医院对基层医务人员有什么意义", "chongqing-yuzhong", "yuzhong-2021-purpose", ("归属感", "职业自信")),
        ("国家要求哪些专业机构加强对社区医院的指导", "national", "national-2021-medical-alliance", ("精神卫生",)),
        ("妇幼保健院要给社区医院做指导吗", None, "national-2021-medical-alliance", ("疾病预防控制",)),
    ],
)
def test_a_listed_item_of_a_sentence_is_held_and_found(kb, question, region, entry, words) -> None:
    result = kb.index.search(question, region)
    assert result.answered and result.answers[0].entry_id == entry
    assert all(w in result.answers[0].answer for w in words)
