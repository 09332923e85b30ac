"""Newcomer trial 7, N22: a barring situation said without all its rule's conditions (前年出过一次医疗事故算不算)
is answered "要看具体情况" with the rule — alone and as a part of a longer question, where it once got
"没有找到确切的答案"."""

from __future__ import annotations

import pytest

from tests.dialogs.qa.conftest import ask, text_of

DEPENDS = "要看具体情况"


@pytest.mark.parametrize(
    "question",
    [
        "前年出过一次医疗事故算不算",
        "验收有哪些一票否决的情况？前年出过一次医疗事故算不算",
        "验收要交什么材料？去年出过医疗事故算不算",
    ],
)
def test_an_unqualified_bar_is_answered_with_what_it_depends_on(kb, now, question) -> None:
    text = text_of(ask(kb, now, question, "chongqing-yuzhong"))
    assert DEPENDS in text and "两年内" in text, text
    assert "没有找到确切的答案" not in text, text
