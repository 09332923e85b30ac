"""Newcomer trial 3, F13: 卅八张 is 38 — 廿/卅/卌 are tens numerals (20/30/40) for every reader of figures:
the /check answer parser and the situation reader (which once read 卅八张 as 8 and said "还差22张")."""

from __future__ import annotations

import pytest

from dialogs.qa.facts import read_all
from dialogs.quantities import ParsedValue, parse_quantity


@pytest.mark.parametrize(
    ("typed", "value"), [("卅八张", 38), ("卅八", 38), ("廿五张", 25), ("卌张", 40), ("三十八张", 38)]
)
def test_tens_characters_in_check_answers(kb, typed: str, value: int) -> None:
    parsed = parse_quantity(typed, kb.fields["open_beds"])
    assert isinstance(parsed, ParsedValue) and parsed.value == value


def test_tens_characters_in_a_situation(kb) -> None:
    assert read_all("我们床位卅八张，能申请吗", kb.fields).found["open_beds"].value == 38
